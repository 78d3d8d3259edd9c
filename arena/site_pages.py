"""The pages every page's footer links to, found by what they are instead of by a hand-written address: the
accessibility statement (the one AccessibilityStatementPage) and the cookie page.

The lookup is cached for all sites under one key, so a request costs one cache read and no database query.
arena.signals forgets it when one of these pages changes (or a page that may become one), or a site changes;
saving any other page leaves it alone.
"""

from django.core.cache import cache
from wagtail.models import Page

from arena.models import AccessibilityStatementPage

CACHE_KEY = "site-pages"
CACHE_SECONDS = 60 * 60  # a safety net: the signals forget the lookup as soon as a page changes
# The cookie page is a standard page; the URL contract (/kakor/) names it by its slug under the home page.
COOKIE_PAGE_SLUG = "kakor"


def site_pages(site):
    """{"accessibility": link, "cookies": link} for the site, each link {"pk", "url"} or None when it has no such
    live page."""
    if site is None:
        return {"accessibility": None, "cookies": None}
    known = cache.get(CACHE_KEY) or {}
    if site.pk not in known:
        known = {**known, site.pk: _find(site)}
        cache.set(CACHE_KEY, known, CACHE_SECONDS)
    return known[site.pk]


def forget():
    cache.delete(CACHE_KEY)


def page_changed(page):
    """Forget the lookup if `page` (saved, moved or deleted) is, or may now be, one of the pages it found."""
    known = cache.get(CACHE_KEY) or {}
    found = {link["pk"] for links in known.values() for link in links.values() if link is not None}
    if isinstance(page, AccessibilityStatementPage) or page.slug == COOKIE_PAGE_SLUG or page.pk in found:
        forget()


def _find(site):
    root = site.root_page
    pages = {
        "accessibility": AccessibilityStatementPage.objects.live().descendant_of(root).first(),
        "cookies": Page.objects.live().child_of(root).filter(slug=COOKIE_PAGE_SLUG).first(),
    }
    return {
        name: {"pk": page.pk, "url": page.get_url(current_site=site)} if page is not None else None
        for name, page in pages.items()
    }
