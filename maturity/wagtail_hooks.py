"""The "Mognad" menu in the Wagtail admin, for analysts: rounds with their participants, national reference
values, the models (read-only: they are loaded from files) and the import form."""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from arena import hooks as arena_hooks
from arena.admin_display import yes_no_column
from arena.permission_policies import ReadOnlyModelPolicy
from maturity import audit, demo, home, menu, open_data
from maturity.admin_views import ImportJobView, ImportView, MaturityModelInspectView, RoundEditView, can_import
from maturity.choosers import organisation_chooser_viewset
from maturity.models import MaturityModel, NationalReference, Round


class RoundViewSet(ModelViewSet):
    model = Round
    name = "maturity_rounds"
    url_prefix = "mognad/omgangar"
    icon = "date"
    menu_label = _("Rounds")
    list_display = ["name", "year", "model", "status", yes_no_column(Round, "is_demo")]
    list_filter = ["status", "model"]
    search_fields = ["name"]
    ordering = ["-year"]
    copy_view_enabled = False
    edit_view_class = RoundEditView
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("model"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("name")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("published_at")]),
                FieldPanel("is_demo"),
                FieldPanel("notes"),
            ],
            heading=_("Round"),
        ),
        InlinePanel(
            "participants",
            heading=_("Participating organisations"),
            label=_("Organisation"),
            panels=[
                FieldPanel("organisation", widget=organisation_chooser_viewset.widget_class),
                FieldPanel("invited"),
            ],
        ),
    ]

    def get_queryset(self, request):
        return Round.objects.select_related("model")


class NationalReferenceViewSet(ModelViewSet):
    model = NationalReference
    name = "maturity_national"
    url_prefix = "mognad/nationella-varden"
    icon = "site"
    menu_label = _("National reference values")
    list_display = ["round", "category", "score", "source", "source_year"]
    list_filter = ["round"]
    search_fields = ["source"]
    copy_view_enabled = False
    panels = [
        FieldPanel("round"),
        FieldPanel("category"),
        FieldPanel("score"),
        FieldPanel("source"),
        FieldPanel("source_year"),
    ]

    def get_queryset(self, request):
        return NationalReference.objects.select_related("round", "category")


class MaturityModelViewSet(ModelViewSet):
    model = MaturityModel
    name = "maturity_models"
    url_prefix = "mognad/modeller"
    icon = "list-ul"
    menu_label = _("Models")
    list_display = ["name", "version", "slug", "scale_min", "scale_max"]
    inspect_view_enabled = True
    inspect_view_class = MaturityModelInspectView
    inspect_view_fields = [
        "name",
        "version",
        "slug",
        "description",
        "source",
        "source_url",
        "notes",
        "scale_min",
        "scale_max",
        "structure",
    ]
    copy_view_enabled = False
    form_fields = ["name"]

    @property
    def permission_policy(self):
        return ReadOnlyModelPolicy(self.model)


class ImportViewSet(ViewSet):
    name = "maturity_import"
    url_prefix = "mognad/import"
    icon = "upload"
    menu_label = _("Import")

    def get_urlpatterns(self):
        urls = {"index_url_name": self.get_url_name("index"), "job_url_name": self.get_url_name("job")}
        return [
            path("", ImportView.as_view(**urls), name="index"),
            path("<int:pk>/", ImportJobView.as_view(**urls), name="job"),
        ]

    @cached_property
    def menu_item_class(self):
        class ImportMenuItem(MenuItem):
            def is_shown(self, request):
                return can_import(request.user)

        return ImportMenuItem


class MaturityViewSetGroup(ViewSetGroup):
    items = (RoundViewSet, NationalReferenceViewSet, MaturityModelViewSet, ImportViewSet)
    menu_label = _("Maturity")
    menu_icon = "table"
    menu_name = "mognad"
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_maturity_viewsets():
    return MaturityViewSetGroup()


@hooks.register("register_admin_viewset")
def register_organisation_chooser():
    return organisation_chooser_viewset


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    for action, formatter in audit.FORMATTERS.items():
        actions.register_action(action)(formatter)


# --- Plug-in points of arena (arena/hooks.py) ----------------------------------------------------------------------
hooks.register(arena_hooks.HOME_SECTIONS, home.maturity_headline, order=30)
hooks.register(arena_hooks.SEED_DEMO, demo.seed_maturity_demo, order=30)
hooks.register(arena_hooks.MAIN_MENU_ITEMS, menu.dashboard_menu_item, order=50)
hooks.register(arena_hooks.OPEN_DATASETS, open_data.maturity_dataset, order=10)
