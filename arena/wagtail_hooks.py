from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from arena import hooks as arena_hooks
from arena import organisation_audit
from arena.admin_display import yes_no_column
from arena.consultations.demo import seed_consultation_demo
from arena.library.demo import seed_library
from arena.models import FocusArea, Organisation, Person
from arena.projects import demo as projects_demo
from arena.projects import home as projects_home
from arena.projects import open_data as projects_open_data
from arena.projects import related as projects_related
from arena.related_content import pages_version, related_pages
from arena.search import admin_views as search_admin
from arena.search.demo import seed_search_promotions
from arena.search.sources import document_hits, page_hits
from arena.snippet_choosers import SnippetChooserViewSet

# Change projects: after the apps' posts (10) and sessions (20); pages_version (below) covers their publication.
hooks.register(arena_hooks.RELATED_CONTENT, projects_related.related_projects, order=30)
# Other pages come last among related content: the apps' own lists (posts, sessions) are more specific.
hooks.register(arena_hooks.RELATED_CONTENT, related_pages, order=90)
hooks.register(arena_hooks.CONTENT_VERSION, pages_version, order=90)
# After the apps' demo content (blogs 10, conferences 20, maturity 30).
hooks.register(arena_hooks.SEED_DEMO, seed_consultation_demo, order=45)
hooks.register(arena_hooks.HOME_SECTIONS, projects_home.featured_projects, order=5)
# Open data: the change projects after maturity's group figures (10) and the conference programmes (20).
hooks.register(arena_hooks.OPEN_DATASETS, projects_open_data.projects_dataset, order=30)
# After the blogs (10) and the conference (20), whose posts and sessions the demo projects link to.
hooks.register(arena_hooks.SEED_DEMO, projects_demo.seed_projects_demo, order=40)
# The material library's page and documents; seeders with a higher order can link to the documents.
hooks.register(arena_hooks.SEED_DEMO, seed_library, order=35)
# Pages first, then documents; the apps' sources (conferences: 30) after. All hits are ranked together.
hooks.register(arena_hooks.SEARCH_SOURCES, page_hits, order=10)
hooks.register(arena_hooks.SEARCH_SOURCES, document_hits, order=20)
# Promoted search results for the demo, after the apps' content (they may point at it).
hooks.register(arena_hooks.SEED_DEMO, seed_search_promotions, order=90)
# The editors' search reports (popular searches, searches without results).
hooks.register("register_admin_urls", search_admin.admin_urls)
hooks.register("register_reports_menu_item", search_admin.popular_menu_item)
hooks.register("register_reports_menu_item", search_admin.unanswered_menu_item)


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    for action, formatter in organisation_audit.FORMATTERS.items():
        actions.register_action(action)(formatter)


class OrganisationEditView(EditView):
    """Wagtail logs the edit itself; deactivating or reactivating the organisation gets its own entry too."""

    def save_instance(self):
        was_active = Organisation.objects.filter(pk=self.object.pk).values_list("active", flat=True).get()
        instance = super().save_instance()
        organisation_audit.log_active_change(instance, was_active, self.request.user)
        return instance


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    edit_view_class = OrganisationEditView
    chooser_viewset_class = SnippetChooserViewSet  # chooser texts in the reader's language
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind", "cluster", yes_no_column(Organisation, "active")]
    list_filter = ["kind", "active"]
    search_fields = ["name", "description", "cluster"]
    ordering = ["name"]


register_snippet(OrganisationViewSet)


class FocusAreaViewSet(SnippetViewSet):
    model = FocusArea
    chooser_viewset_class = SnippetChooserViewSet  # chooser texts in the reader's language
    icon = "tag"
    menu_label = _("Focus areas")
    list_display = ["name", "sort_order"]
    search_fields = ["name", "description"]
    # Plain database search: partial words match, and Wagtail's SQLite search backend cannot limit a search to
    # fields (the embedded default would answer 500).
    search_backend_name = None


class PersonViewSet(SnippetViewSet):
    model = Person
    chooser_viewset_class = SnippetChooserViewSet  # chooser texts in the reader's language
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "job_title", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "job_title"]
    search_backend_name = None  # as for focus areas


register_snippet(FocusAreaViewSet)
register_snippet(PersonViewSet)
