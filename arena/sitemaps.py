"""sitemap.xml: Wagtail's sitemap of live public pages (each page adds its public routes with get_sitemap_urls:
the library's documents, the conference's programme, sessions and speakers, the blog authors) and the arena's own
public views that are no page."""

from django.urls import reverse
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap

from arena.site_url import absolute_url

# Public views outside the page tree that a search engine should find (the search page is noindex, so not here).
ROUTES = ["open_data:landing"]


class ViewsSitemap(Sitemap):
    """Django views, addressed from the configured public address like the pages (Django's own Sitemap would use
    the request's host)."""

    def items(self):
        return ROUTES

    def _urls(self, page, protocol, domain):
        return [{"location": absolute_url(reverse(name))} for name in self.paginator.page(page).object_list]


SITEMAPS = {"pages": Sitemap, "views": ViewsSitemap}
