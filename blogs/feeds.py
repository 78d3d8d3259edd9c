"""RSS 2.0 feeds of public posts: all posts, one organisation's space, one tag. Staff-only and drafts never appear."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from taggit.models import Tag

from arena.site_url import absolute_url
from blogs import queries

FEED_ITEMS = 30


class PostFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, page):
        super().__init__()
        self.page = page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return self.page.get_full_url(self.request)

    def feed_url(self):
        # Django would build the feed's own address (atom:link rel="self") from the request's Host header.
        return absolute_url(self.request.path)

    def posts(self):
        return queries.public_posts()

    def items(self):
        return (
            self.posts()
            .select_related("organisation")
            .prefetch_related("post_authors__person")
            .order_by("-published_date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(link.person.name for link in item.post_authors.all()) or None

    def item_categories(self, item):
        return [item.organisation.name] if item.organisation_id else []


class AllPostsFeed(PostFeed):
    def title(self):
        return _("Kunskapsarenan – all blog posts")

    def description(self):
        return _("New posts from the city's administrations and companies.")


class SpaceFeed(PostFeed):
    def title(self):
        return _("Kunskapsarenan – %(organisation)s") % {"organisation": self.page.title}

    def description(self):
        return self.page.intro or self.title()

    def posts(self):
        return super().posts().child_of(self.page)


class TagFeed(PostFeed):
    def __init__(self, page, tag_slug):
        super().__init__(page)
        self.tag = Tag.objects.filter(slug=tag_slug).first()
        if self.tag is None:
            raise Http404(_("There is no such tag."))

    def title(self):
        return _("Kunskapsarenan – posts tagged %(tag)s") % {"tag": self.tag.name}

    def description(self):
        return self.title()

    def posts(self):
        return super().posts().filter(tags=self.tag)
