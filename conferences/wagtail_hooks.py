"""The conference in the Wagtail admin: programme items (sessions) as snippets with drafts and publishing,
and the recorded programme changes, read-only, under one "Mötesplats" menu group."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from conferences.models import EditionTrack, Session, SessionChange


class SessionAdminForm(WagtailAdminModelForm):
    """Offers only the tracks of the session's edition once the edition is known.

    The queryset is narrowed only when the form is displayed: a submitted track from another edition reaches
    Session.clean(), which rejects it with a message that says why."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("track")
        if field is None:
            return
        tracks = EditionTrack.objects.select_related("page").order_by("-page__year", "sort_order")
        edition_id = self.instance.edition_id or self.initial.get("edition")
        if not self.is_bound and edition_id:
            tracks = tracks.filter(page_id=getattr(edition_id, "pk", edition_id))
        field.queryset = tracks


class SessionViewSet(SnippetViewSet):
    model = Session
    icon = "date"
    menu_label = _("Programme items")
    menu_name = "programme-items"
    list_display = ["title", "edition", "start", "track", "session_type", "live"]
    list_filter = ["edition", "session_type", "is_featured"]
    list_export = ["title", "code", "edition", "start", "end", "track", "session_type", "live"]
    search_fields = ["title", "abstract"]
    ordering = ["start"]
    list_per_page = 50

    def get_edit_handler(self):
        return ObjectList(Session.panels, base_form_class=SessionAdminForm).bind_to_model(Session)

    def get_queryset(self, request):
        return Session.objects.select_related("edition", "track")


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Programme changes are written by the signal when a published session moves; nobody edits them."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class SessionChangeViewSet(ModelViewSet):
    model = SessionChange
    icon = "history"
    menu_label = _("Programme changes")
    menu_name = "programme-changes"
    list_display = ["session", "old_start", "new_start", "changed_at"]
    list_filter = ["session__edition"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["session"]
    ordering = ["-changed_at"]

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)


class ConferenceViewSetGroup(SnippetViewSetGroup):
    items = (SessionViewSet, SessionChangeViewSet)
    menu_label = "Mötesplats"  # the conference's name, not translated
    menu_icon = "date"
    menu_name = "motesplats"
    menu_order = 250


register_snippet(ConferenceViewSetGroup)
