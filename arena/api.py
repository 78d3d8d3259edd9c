"""The read-only Wagtail API at /api/v2/: public, live pages plus images and the library's public documents."""

from django.utils.translation import gettext as _
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class RefuseNulParametersMixin:
    """A NUL byte in a parameter answers 400 with a message: PostgreSQL cannot hold NUL in text, so a value such as
    ?search=%00 or ?title=a%00 would otherwise fail inside the query as a 500."""

    def check_query_parameters(self, queryset):
        for name, values in self.request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequestError(
                    _("The parameter %(name)s contains a NUL byte, which is not allowed.")
                    % {"name": name.replace("\x00", "")}
                )
        super().check_query_parameters(queryset)


class PublicPagesAPIViewSet(RefuseNulParametersMixin, PagesAPIViewSet):
    """Live pages without view restrictions, whoever asks. Wagtail's own viewset lets a logged-in session see
    login-restricted (staff-only) pages; the API is public, so they stay out for everyone."""

    def get_base_queryset(self):
        return super().get_base_queryset().public()


class ArenaImagesAPIViewSet(RefuseNulParametersMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint, refusing NUL bytes like the others."""


class PublicDocumentsAPIViewSet(RefuseNulParametersMixin, DocumentsAPIViewSet):
    """Only documents outside staff-only (view-restricted) collections: the API is public, whoever asks."""

    def get_queryset(self):
        return super().get_queryset().public()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ArenaImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
