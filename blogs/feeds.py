"""RSS 2.0 feeds of public posts: all posts, one organisation's space, one tag. Staff-only and drafts never appear.

Each post's hero image is a Media RSS media:content. Readers poll feeds, so a conditional GET (If-None-Match or
If-Modified-Since) is answered with 304 after one small query, without rendering the feed."""

import hashlib
import mimetypes

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import condition
from taggit.models import Tag

from arena import structured_data
from arena.feeds import ItemMedia, MediaContent, MediaRssFeed
from arena.site_url import absolute_url
from blogs import queries

FEED_ITEMS = 30
HERO_SPEC = "fill-1200x630"  # the Open Graph image's size on the post page: the same rendition serves both


class PostFeed(Feed):
    feed_type = MediaRssFeed

    def __init__(self, page):
        super().__init__()
        self.page = page
        self._versions = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        view = condition(etag_func=self.etag, last_modified_func=self.last_modified)(super().__call__)
        return view(request, *args, **kwargs)

    def versions(self):
        """The feed's posts as (id, last published) pairs, newest first: what its ETag and Last-Modified are made of."""
        if self._versions is None:
            posts = self.posts().order_by("-published_date", "-pk")[:FEED_ITEMS]
            self._versions = list(posts.values_list("pk", "last_published_at"))
        return self._versions

    def etag(self, request, *args, **kwargs):
        # Changes when a post is published, republished or unpublished, or one drops out of the newest FEED_ITEMS.
        return hashlib.sha256(repr(self.versions()).encode()).hexdigest()

    def last_modified(self, request, *args, **kwargs):
        # The newest publication. Unpublishing an older post does not move it; the ETag catches that.
        return max((published for _pk, published in self.versions() if published), default=None)

    def link(self):
        return absolute_url(self.page.get_url(self.request))

    def feed_url(self):
        # Django would build the feed's own address (atom:link rel="self") from the request's Host header.
        return absolute_url(self.request.path)

    def posts(self):
        return queries.public_posts()

    def items(self):
        return (
            self.posts()
            .select_related("organisation", "hero_image")
            .prefetch_related("post_authors__person", "hero_image__renditions")
            .order_by("-published_date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return absolute_url(item.get_url(self.request))

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(link.person.name for link in item.post_authors.all()) or None

    def item_categories(self, item):
        return [item.organisation.name] if item.organisation_id else []

    def item_extra_kwargs(self, item):
        rendition = structured_data.rendition(item.hero_image, HERO_SPEC) if item.hero_image else None
        if rendition is None:  # no image, or its file is missing
            return {}
        content = MediaContent(
            url=absolute_url(rendition.url),
            type=mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
            medium="image",
            width=rendition.width,
            height=rendition.height,
            description=item.hero_image_alt,
        )
        return {"media": ItemMedia(content=content)}


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
