"""The read-only Wagtail API at /api/v2/: public, live pages plus images and the library's public documents."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Live pages without view restrictions, whoever asks. Wagtail's own viewset lets a logged-in session see
    login-restricted (staff-only) pages; the API is public, so they stay out for everyone."""

    def get_base_queryset(self):
        return super().get_base_queryset().public()


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Only documents outside staff-only (view-restricted) collections: the API is public, whoever asks."""

    def get_queryset(self):
        return super().get_queryset().public()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
