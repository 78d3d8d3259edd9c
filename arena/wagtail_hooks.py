from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from arena.models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind", "cluster", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "description", "cluster"]
    ordering = ["name"]


register_snippet(OrganisationViewSet)
