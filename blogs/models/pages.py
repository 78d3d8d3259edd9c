"""Blog pages: /bloggar/ (all posts), /bloggar/<org>/ (one organisation's space), and posts below it."""

import math

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from arena.blocks import BaseStreamBlock
from blogs.admin_forms import BlogPostAdminForm

WORDS_PER_MINUTE = 200


class BlogIndexPage(RoutablePageMixin, Page):
    """All posts from all organisations, with filters, feeds and author pages."""

    # Listed by blogs' own related-content answer (posts), or a container: not among related "pages".
    in_related_pages = False
    search_container = True  # the site search ranks it below the posts it holds

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    parent_page_types = ["arena.HomePage"]
    subpage_types = ["blogs.BlogSpacePage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("blog root")
        verbose_name_plural = _("blog roots")

    @path("")
    def index_route(self, request):
        from blogs.views import blog_index

        return blog_index(request, self)

    @path("rss/")
    def feed_route(self, request):
        from blogs.feeds import AllPostsFeed

        return AllPostsFeed(self)(request)

    # <str:>, not <slug:>: taggit keeps å, ä and ö in tag slugs ("förskola"), which Django's slug converter rejects.
    @path("tagg/<str:tag>/rss/")
    def tag_feed_route(self, request, tag):
        from blogs.feeds import TagFeed

        return TagFeed(self, tag)(request)

    @path("forfattare/<slug:slug>/")
    def author_route(self, request, slug):
        from blogs.views import author_page

        return author_page(request, self, slug)

    def get_sitemap_urls(self, request=None):
        from blogs.sitemap import author_urls

        return super().get_sitemap_urls(request) + author_urls(self, request)


class BlogSpacePage(RoutablePageMixin, Page):
    """One organisation's blog space. Created by provisioning; its editors approve what its writers submit."""

    # Listed by blogs' own related-content answer (posts), or a container: not among related "pages".
    in_related_pages = False
    search_container = True  # the site search ranks it below the posts it holds
    search_organisations = ("organisation",)  # the site search's organisation facet

    organisation = models.OneToOneField(
        "arena.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="blog_space"
    )
    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    comments_enabled = models.BooleanField(
        _("comments enabled"), default=True, help_text=_("Let logged-in staff comment on this space's posts.")
    )

    parent_page_types = ["blogs.BlogIndexPage"]
    subpage_types = ["blogs.BlogPostPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("comments_enabled")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("organisation_name")]

    class Meta:
        verbose_name = _("blog space")
        verbose_name_plural = _("blog spaces")

    @property
    def organisation_name(self):
        return self.organisation.name

    @path("")
    def index_route(self, request):
        from blogs.views import blog_space

        return blog_space(request, self)

    @path("rss/")
    def feed_route(self, request):
        from blogs.feeds import SpaceFeed

        return SpaceFeed(self)(request)


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey("blogs.BlogPostPage", on_delete=models.CASCADE, related_name="tagged_items")


class BlogPostAuthor(Orderable):
    page = ParentalKey("blogs.BlogPostPage", on_delete=models.CASCADE, related_name="post_authors")
    person = models.ForeignKey(
        "arena.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="blog_authorships"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class BlogPostPage(Page):
    # Listed by blogs' own related-content answer (posts), or a container: not among related "pages".
    in_related_pages = False
    search_organisations = ("organisation",)  # the site search's organisation facet
    intro = models.TextField(_("introduction"), max_length=600, help_text=_("Shown in listings and feeds."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("alt text for the hero image"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    published_date = models.DateField(_("published date"), default=timezone.localdate)
    tags = ClusterTaggableManager(through=BlogPostTag, blank=True, verbose_name=_("tags"))
    focus_areas = ParentalManyToManyField(
        "arena.FocusArea", blank=True, verbose_name=_("focus areas"), related_name="blog_posts"
    )
    # Denormalised from the parent space so listings filter and count by organisation without joins on the tree.
    organisation = models.ForeignKey(
        "arena.Organisation", null=True, editable=False, on_delete=models.SET_NULL, related_name="blog_posts"
    )
    reading_minutes = models.PositiveSmallIntegerField(_("reading time (minutes)"), default=1, editable=False)

    parent_page_types = ["blogs.BlogSpacePage"]
    subpage_types = []
    base_form_class = BlogPostAdminForm

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("published_date"),
                InlinePanel("post_authors", label=_("Authors"), min_num=1),
                FieldPanel("tags"),
                FieldPanel("focus_areas"),
            ],
            heading=_("About the post"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("published_date"),
        index.FilterField("organisation_id"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("published_date"),
        APIField("hero_image"),
        APIField("hero_image_alt"),
        APIField("reading_minutes"),
        APIField("tags"),
        APIField("organisation_name"),
    ]

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    @property
    def organisation_name(self):
        return self.organisation.name if self.organisation_id else ""

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": _("Write an alt text for the hero image.")})

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.pk or self.path else None
        if parent is not None and not self.organisation_id:
            space = BlogSpacePage.objects.filter(pk=parent.pk).only("organisation_id").first()
            if space is not None:
                self.organisation_id = space.organisation_id
        self.reading_minutes = self.estimate_reading_minutes()
        super().save(*args, **kwargs)

    def estimate_reading_minutes(self):
        words = len(self.intro.split())
        for block in self.body:
            if block.block_type in ("paragraph",):
                words += len(strip_tags(block.value.source).split())
            elif block.block_type in ("quote", "heading"):
                words += len(str(block.value.get("text", "")).split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def get_context(self, request, *args, comment_form=None, **kwargs):
        from blogs.views import post_context

        context = super().get_context(request, *args, **kwargs)
        context.update(post_context(request, self, comment_form=comment_form))
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            from blogs.views import handle_post_request

            return handle_post_request(request, self)
        return super().serve(request, *args, **kwargs)
