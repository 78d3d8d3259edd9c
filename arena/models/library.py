"""/material/: the material library's page. The listing and each document's page are routes of this one page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index


class MaterialLibraryPage(RoutablePageMixin, Page):
    """The city's shared documents: filtered by organisation, type, focus area and year, and searched."""

    # A container of documents, not content of its own: not among related "pages".
    in_related_pages = False
    search_container = True  # the site search ranks it below the documents it holds

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    parent_page_types = ["arena.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("material library")
        verbose_name_plural = _("material libraries")

    @path("")
    def index_route(self, request):
        from arena.library.views import library_index

        return library_index(request, self)

    @path("<int:document_id>/<slug:slug>/")
    def document_route(self, request, document_id, slug):
        from arena.library.views import document_detail

        return document_detail(request, self, document_id, slug)

    def get_sitemap_urls(self, request=None):
        """The library itself and every public document's page."""
        from wagtail.documents import get_document_model

        base = self.get_full_url(request)
        documents = get_document_model().objects.public().only("pk", "title", "created_at").order_by("pk")
        return super().get_sitemap_urls(request) + [
            {"location": base + self.document_path(document), "lastmod": document.created_at} for document in documents
        ]

    def document_path(self, document):
        return self.reverse_subpage("document_route", kwargs={"document_id": document.pk, "slug": document.slug})

    def document_url(self, document, request=None):
        """The address of a document's page in the library."""
        return self.get_url(request) + self.document_path(document)
