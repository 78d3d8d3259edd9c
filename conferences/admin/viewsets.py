"""The conference's admin viewsets, one "Mötesplats" menu group (registered in conferences/wagtail_hooks.py):
programme items (sessions) as snippets with drafts and publishing, the recorded programme changes (read-only), the
registrations (listed, exported and cancelled, never edited) and the recordings with their captions."""

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from arena.admin_display import InspectView, yes_no_column
from arena.permission_policies import ReadOnlyModelPolicy
from conferences.admin import views as admin_views
from conferences.models import (
    ConferenceEditionPage,
    EditionTrack,
    Recording,
    RecordingCaption,
    Registration,
    Session,
    SessionChange,
)


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
    list_display = ["title", "edition", "start", "track", "session_type", yes_no_column(Session, "live")]
    list_filter = ["edition", "session_type", "is_featured"]
    list_export = ["title", "code", "edition", "start", "end", "track", "session_type", "live"]
    search_fields = ["title", "abstract"]
    # Plain database search: partial words match ("verks" finds "AI-verkstad"), on SQLite too, whose Wagtail
    # search backend cannot limit a search to fields.
    search_backend_name = None
    ordering = ["start"]
    list_per_page = 50
    add_view_class = admin_views.SessionCreateView

    def get_edit_handler(self):
        return ObjectList(Session.panels, base_form_class=SessionAdminForm).bind_to_model(Session)

    def get_queryset(self, request):
        # A track's name in the listing carries its edition's year (track__page).
        return Session.objects.select_related("edition", "track__page")


class SessionChangeViewSet(ModelViewSet):
    model = SessionChange
    icon = "history"
    menu_label = _("Programme changes")
    menu_name = "programme-changes"
    list_display = ["session", "old_start", "new_start", "changed_at"]
    list_filter = ["session__edition"]
    inspect_view_enabled = True
    inspect_view_class = InspectView
    copy_view_enabled = False
    form_fields = ["session"]
    ordering = ["-changed_at"]

    @property
    def permission_policy(self):
        return ReadOnlyModelPolicy(self.model)

    def get_index_view_kwargs(self, **kwargs):
        # Each row names its session: fetch them with the changes, not one query per row.
        return super().get_index_view_kwargs(queryset=SessionChange.objects.select_related("session"), **kwargs)


def session_choice_label(session):
    """Session titles repeat across years ("Välkommen"): the year tells them apart."""
    return f"{session.edition.year} · {session.title}"


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return session_choice_label(obj)


# --- Registrations ----------------------------------------------------------------------------------------------


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Attendees register themselves: the admin never adds or deletes a registration, and "change" only allows
    cancelling one on the attendee's behalf (there is no edit form)."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


def registrable_sessions(request):
    return Session.objects.filter(registration_required=True).select_related("edition").order_by("-start", "title")


class SessionFilter(django_filters.ModelChoiceFilter):
    field_class = SessionChoiceField


class RegistrationFilterSet(WagtailFilterSet):
    DAY = "day"
    SESSIONS = "session"
    ACTIVE = "active"

    edition = django_filters.ModelChoiceFilter(
        label=_("Conference day"), queryset=ConferenceEditionPage.objects.filter(year__isnull=False).order_by("-year")
    )
    scope = django_filters.ChoiceFilter(
        label=_("Whole day or session"),
        choices=[(DAY, _("Whole day")), (SESSIONS, _("Sessions (e.g. workshops)"))],
        method="filter_scope",
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    session = SessionFilter(label=_("Session"), queryset=registrable_sessions)
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(ACTIVE, _("Confirmed or waiting")), *Registration.Status.choices],
        method="filter_status",
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )

    class Meta:
        model = Registration
        fields = ["edition", "session"]

    def filter_scope(self, queryset, name, value):
        return queryset.filter(session__isnull=value == self.DAY)

    def filter_status(self, queryset, name, value):
        return queryset.active() if value == self.ACTIVE else queryset.filter(status=value)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    name = "anmalningar"
    icon = "group"
    permission_policy = RegistrationPermissionPolicy(Registration)
    index_view_class = admin_views.RegistrationIndexView
    inspect_view_class = admin_views.RegistrationInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "user",
        "organisation",
        "edition",
        "session",
        "status",
        "needs",
        "created_at",
        "status_changed_at",
        "reminder_sent_at",
    ]
    copy_view_enabled = False
    add_to_reference_index = False
    filterset_class = RegistrationFilterSet
    # Enables the search box; RegistrationIndexView.search_queryset also matches "first last" as one name.
    search_fields = ["user__first_name", "user__last_name", "user__email", "user__username"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    list_per_page = 100
    list_export = ["name", "email", "organisation", "edition", "session", "status", "created_at", "needs"]

    def get_common_view_kwargs(self, **kwargs):
        # Only the list, the overview, inspecting and cancelling exist: no add, edit, delete, history or usage.
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(overview_url_name=self.get_url_name("overview"), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(cancel_url_name=self.get_url_name("cancel"), **kwargs)

    @property
    def overview_view(self):
        return admin_views.RegistrationOverviewView.as_view(
            permission_policy=self.permission_policy, index_url_name=self.get_url_name("index")
        )

    @property
    def cancel_view(self):
        return admin_views.RegistrationCancelView.as_view(
            permission_policy=self.permission_policy, inspect_url_name=self.get_url_name("inspect")
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("per-dag/", self.overview_view, name="overview"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/avboka/", self.cancel_view, name="cancel"),
        ]

    def register_admin_url_finder(self):
        pass  # registrations have no edit view to find

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="conferences", codename__in=["view_registration", "change_registration"]
        )


# --- Recordings -------------------------------------------------------------------------------------------------


class RecordingAdminForm(WagtailAdminModelForm):
    """The session picker offers the sessions of published editions, newest first, that have no recording yet and
    are not marked "do not record".

    A plain select instead of the snippet chooser, whose modal would list every session. The recording's own session
    stays on offer even if its edition was unpublished since, so the form still saves."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("session")
        if field is None:
            return
        offered = Q(edition__live=True, recording__isnull=True, do_not_record=False)
        if self.instance.session_id:
            offered |= Q(pk=self.instance.session_id)
        self.fields["session"] = SessionChoiceField(
            queryset=Session.objects.filter(offered).select_related("edition").order_by("-start", "title"),
            label=field.label,
            help_text=field.help_text,
        )


class CaptionWarningPanel(Panel):
    """A visible warning at the top of the form while the recording has no saved captions."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "conferences/admin/caption_warning_panel.html"

        def is_shown(self):
            return not (self.instance.pk and self.instance.captions.exists())


def caption_languages(recording):
    return ", ".join(caption.get_language_display() for caption in recording.captions.all())


def video_source(recording):
    return _("Video file") if recording.video else _("External link")


def caption_warning(recording):
    return "" if recording.captions.all() else _("Missing captions")


class WarningColumn(Column):
    cell_template_name = "conferences/admin/warning_cell.html"


def recording_editions(request):
    return ConferenceEditionPage.objects.filter(year__isnull=False).order_by("-year")


class RecordingFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        label=_("Conference day"), field_name="session__edition", queryset=recording_editions
    )
    captions = django_filters.ChoiceFilter(
        label=_("Captions"),
        choices=[("yes", _("Has captions")), ("no", _("Missing captions"))],
        method="filter_captions",
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )

    class Meta:
        model = Recording
        fields = []

    def filter_captions(self, queryset, name, value):
        has_captions = Exists(RecordingCaption.objects.filter(recording=OuterRef("pk")))
        return queryset.filter(has_captions if value == "yes" else ~has_captions)


class RecordingViewSet(SnippetViewSet):
    model = Recording
    icon = "media"
    menu_name = "recordings"
    add_view_class = admin_views.RecordingCreateView
    edit_view_class = admin_views.RecordingEditView
    list_display = [
        "session",
        Column("year", label=_("Year"), accessor="session.edition.year", sort_key="session__edition__year"),
        Column("source", label=_("Video"), accessor=video_source),
        Column("captions", label=_("Captions"), accessor=caption_languages),
        WarningColumn("caption_warning", label=_("Accessibility"), accessor=caption_warning),
    ]
    filterset_class = RecordingFilterSet
    search_fields = ["session__title", "transcript"]
    search_backend_name = None  # plain database search: partial words in titles and transcripts match
    ordering = ["-session__start"]
    list_per_page = 50
    copy_view_enabled = False

    def get_edit_handler(self):
        return ObjectList(
            [CaptionWarningPanel(heading=_("Captions missing")), *Recording.panels], base_form_class=RecordingAdminForm
        ).bind_to_model(Recording)

    def get_queryset(self, request):
        return Recording.objects.select_related("session__edition").prefetch_related("captions")


class ConferenceViewSetGroup(SnippetViewSetGroup):
    items = (SessionViewSet, SessionChangeViewSet, RegistrationViewSet, RecordingViewSet)
    menu_label = "Mötesplats"  # the conference's name, not translated
    menu_icon = "date"
    menu_name = "motesplats"
    menu_order = 250
