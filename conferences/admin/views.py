"""Views behind the conference admin: the attendee list with its spreadsheet export, the overview of registrations
per conference day, cancelling a registration on someone's behalf, and the recording views that warn about
missing captions."""

import datetime
from collections import OrderedDict, defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Value
from django.db.models.functions import Concat
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.snippets import CreateView, EditView

from arena.admin_display import InspectView
from conferences.models import ConferenceEditionPage, Registration, Session
from conferences.programme.times import site_time
from conferences.registration import rules

NEEDS_EXCERPT_LENGTH = 60
# A spreadsheet reads a CSV cell that starts with one of these as a formula. Attendees write their own name and
# needs, so such text is exported with a leading apostrophe and shown as the text it is.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def attendee_name(registration):
    return registration.user.get_full_name() or registration.user.get_username()


def organisation_name(registration):
    return registration.organisation.name if registration.organisation_id else ""


def session_label(registration):
    return registration.session.title if registration.session_id else gettext("Whole day")


def needs_excerpt(registration):
    return Truncator(registration.needs).chars(NEEDS_EXCERPT_LENGTH)


def local_time(value):
    return date_format(site_time(value), "SHORT_DATETIME_FORMAT") if value else ""


def as_spreadsheet_text(value):
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


class RegistrationIndexView(IndexView):
    """The attendee list: filtered, searched by name or e-mail, and exported (CSV/XLSX) exactly as filtered."""

    export_headings = {
        "name": _("Name"),
        "email": _("E-mail"),
        "organisation": _("Organisation"),
        "edition": _("Conference day"),
        "session": _("Session"),
        "status": _("Status"),
        "created_at": _("Registered"),
        "needs": _("Needs"),
    }
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        # Times in the export are Swedish local time, as the organisers read them (Wagtail's default is UTC).
        datetime.datetime: {
            IndexView.FORMAT_CSV: lambda value: site_time(value).strftime("%Y-%m-%d %H:%M"),
            IndexView.FORMAT_XLSX: lambda value: site_time(value).replace(tzinfo=None),
        },
        str: {IndexView.FORMAT_CSV: as_spreadsheet_text},
    }
    overview_url_name = None

    def get_base_queryset(self):
        return Registration.objects.for_user(self.request.user).select_related(
            "user", "organisation", "edition", "session"
        )

    @cached_property
    def columns(self):
        name_column_class = self._get_title_column_class(TitleColumn)
        return [
            name_column_class(
                "name",
                label=_("Name"),
                accessor=attendee_name,
                sort_key="user__last_name",
                get_url=self.get_inspect_url,
            ),
            Column("email", label=_("E-mail"), accessor="user.email", sort_key="user__email"),
            Column("organisation", label=_("Organisation"), accessor=organisation_name, sort_key="organisation__name"),
            Column("edition", label=_("Conference day"), accessor="edition.title", sort_key="edition__year"),
            Column("session", label=_("Session"), accessor=session_label, sort_key="session__start"),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            Column(
                "created_at",
                label=_("Registered"),
                accessor=lambda registration: local_time(registration.created_at),
                sort_key="created_at",
            ),
            Column("needs", label=_("Needs"), accessor=needs_excerpt),
        ]

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        full_name = Concat("user__first_name", Value(" "), "user__last_name")
        matches = Q(full_name__icontains=query) | Q(user__email__icontains=query) | Q(user__username__icontains=query)
        return queryset.annotate(full_name=full_name).filter(matches)

    def to_row_dict(self, item):
        return OrderedDict(
            name=attendee_name(item),
            email=item.user.email,
            organisation=organisation_name(item),
            edition=item.edition.title,
            session=session_label(item),
            status=item.get_status_display(),
            created_at=item.created_at,
            needs=item.needs,
        )

    def get_filename(self):
        parts = ["anmalningar"]
        filters = self.filters
        if filters is not None and filters.is_valid():
            if edition := filters.form.cleaned_data.get("edition"):
                parts.append(str(edition.year))
            if session := filters.form.cleaned_data.get("session"):
                parts.append(f"{session.edition.year}-{session.code}")
        return "-".join(parts)

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(_("Per conference day"), url=reverse(self.overview_url_name), icon_name="table"),
        ]


class RegistrationInspectView(InspectView):
    """One registration, with its place on the waiting list and, for those allowed, a button to cancel it."""

    template_name = "conferences/admin/registration_inspect.html"
    cancel_url_name = None

    def get_object(self, queryset=None):
        # Wagtail looks the object up (setup) before it checks permissions (dispatch). Check first, so that someone
        # who may not use the attendee list is refused it here too, not told whether a registration exists.
        if not self.user_has_any_permission(self.any_permission_required):
            raise PermissionDenied
        return get_object_or_404(
            Registration.objects.for_user(self.request.user).select_related(
                "user", "organisation", "edition", "session"
            ),
            pk=self.pk,
        )

    def get_page_subtitle(self):
        return f"{attendee_name(self.object)} – {session_label(self.object)}"

    def get_user_display_value(self):
        return f"{attendee_name(self.object)} <{self.object.user.email}>"

    def get_organisation_display_value(self):
        return organisation_name(self.object) or "–"

    def get_needs_display_value(self):
        return self.object.needs or "–"

    def get_session_display_value(self):
        return session_label(self.object)

    def get_created_at_display_value(self):
        return local_time(self.object.created_at)

    def get_status_changed_at_display_value(self):
        return local_time(self.object.status_changed_at)

    def get_reminder_sent_at_display_value(self):
        return local_time(self.object.reminder_sent_at) or "–"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["queue_position"] = rules.waiting_list_position(self.object)
        if self.object.is_active and self.user_has_permission("change"):
            context["cancel_url"] = reverse(self.cancel_url_name, args=(self.object.pk,))
        return context


class RegistrationCancelView(PermissionCheckedMixin, View):
    """Cancels a registration on the attendee's behalf (POST only), through the same rule attendees use, so the
    first on the waiting list gets the place and everyone concerned is e-mailed."""

    http_method_names = ["post"]
    permission_required = "change"
    inspect_url_name = None

    def post(self, request, pk):
        registration = get_object_or_404(
            Registration.objects.for_user(request.user).select_related("user", "edition", "session"), pk=pk
        )
        name = attendee_name(registration)
        if not registration.is_active:
            messages.info(request, gettext("The registration of %(name)s was already cancelled.") % {"name": name})
        else:
            promoted = rules.cancel(registration, by=request.user)
            messages.success(request, gettext("The registration of %(name)s is cancelled.") % {"name": name})
            for other in promoted:
                messages.success(
                    request,
                    gettext("%(name)s got the place from the waiting list (%(target)s).")
                    % {"name": attendee_name(other), "target": session_label(other)},
                )
        return redirect(self.inspect_url_name, pk)


class RegistrationOverviewView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirmed and waiting registrations per conference day and per session that takes registrations, counted in
    one aggregate query, with links to the filtered attendee list and its export."""

    permission_required = "view"
    template_name = "conferences/admin/registration_overview.html"
    page_title = _("Registrations per conference day")
    header_icon = "table"
    index_url_name = None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": capfirst(Registration._meta.verbose_name_plural)},
            {"url": "", "label": self.get_page_title()},
        ]

    def counts(self):
        """{(edition_id, session_id or None): {"confirmed": n, "waitlisted": n}} for every active registration."""
        rows = (
            Registration.objects.for_user(self.request.user)
            .active()
            .values("edition_id", "session_id")
            .annotate(
                confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
                waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
            )
            .order_by()
        )
        return {(row["edition_id"], row["session_id"]): row for row in rows}

    def list_urls(self, **filters):
        index = reverse(self.index_url_name)
        query = {**filters, "status": "active"}
        return {
            "list": f"{index}?{urlencode(query)}",
            "csv": f"{index}?{urlencode({**query, 'export': 'csv'})}",
            "xlsx": f"{index}?{urlencode({**query, 'export': 'xlsx'})}",
        }

    def row(self, counts, label, capacity, urls, **extra):
        confirmed, waitlisted = counts.get("confirmed", 0), counts.get("waitlisted", 0)
        return {
            "label": label,
            "capacity": capacity,
            "confirmed": confirmed,
            "waitlisted": waitlisted,
            "places_left": rules.places_left(capacity, confirmed),
            "urls": urls,
            **extra,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = self.counts()
        sessions = defaultdict(list)
        for session in Session.objects.filter(registration_required=True).order_by("start", "title"):
            sessions[session.edition_id].append(session)
        editions = []
        for edition in ConferenceEditionPage.objects.filter(year__isnull=False).order_by("-year"):
            day = self.row(
                counts.get((edition.pk, None), {}),
                gettext("Whole day"),
                edition.capacity,
                self.list_urls(edition=edition.pk, scope="day"),
            )
            rows = [
                self.row(
                    counts.get((edition.pk, session.pk), {}),
                    session.title,
                    session.capacity,
                    self.list_urls(session=session.pk),
                    start=session.start,
                    live=session.live,
                )
                for session in sessions[edition.pk]
            ]
            editions.append({"edition": edition, "window": rules.window_state(edition), "day": day, "sessions": rows})
        context["editions"] = editions
        return context


class CaptionWarningMixin:
    """After a recording is saved without captions, say so next to the success message."""

    def save_action(self):
        response = super().save_action()
        if not self.expects_json_response and not self.object.captions.exists():
            messages.warning(
                self.request,
                gettext(
                    "“%(title)s” has no captions. Prerecorded video on the site must be captioned: add a WebVTT file."
                )
                % {"title": self.object.session.title},
            )
        return response


class SessionCreateView(CreateView):
    """Adding a session, without autosave; autosave starts on the edit view once the organiser has saved it.

    A saved draft needs its edition, address and times (NOT NULL in the database), so a background save of a
    half-filled form could only answer 400; and each one that succeeded left a draft row behind the organiser's
    back, which a second attempt at the same session then ran into."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = False


class RecordingCreateView(CaptionWarningMixin, CreateView):
    pass


class RecordingEditView(CaptionWarningMixin, EditView):
    pass
