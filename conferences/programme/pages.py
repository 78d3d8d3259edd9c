"""What the series page and the edition page's programme routes show: the series, the edition, its programme, a
session, the speakers and a speaker. Each function gets the page from its route and reads through it; this module
never imports the conference models (they import it)."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _

from arena import fragments
from arena.models import FocusArea, Person
from arena.site_url import webcal_url
from conferences import structured_data
from conferences.programme.forms import ProgrammeFilterForm
from conferences.recordings.pages import recording_player


def programme_by_time(sessions):
    """Group sessions into time slots (same start) so the page reads like a day, track by track."""
    slots = []
    for session in sessions:
        if not slots or slots[-1]["start"] != session.start:
            slots.append({"start": session.start, "sessions": []})
        slots[-1]["sessions"].append(session)
    return slots


class _Edition:
    """What the edition page shows of its programme, read only when the template asks: the cached fragments
    ({% fragment %}, arena.fragments) never ask on a hit, so a signed-in visitor's hit costs no query."""

    def __init__(self, request, page):
        self.request = request
        self.page = page

    @cached_property
    def sessions(self):
        return list(self.page.programme())

    @cached_property
    def featured(self):
        return [session for session in self.sessions if session.is_featured]

    @cached_property
    def session_count(self):
        return len(self.sessions)

    @cached_property
    def happening_now(self):
        now = timezone.now()
        return [session for session in self.sessions if session.start <= now < session.end]

    @cached_property
    def up_next(self):
        now = timezone.now()
        return next((session for session in self.sessions if session.start > now), None)

    @cached_property
    def structured_data(self):
        return structured_data.edition_script(self.request, self.page, self.sessions)


class _Programme:
    """The programme page's sessions under its filters, read only when the template asks (see _Edition)."""

    def __init__(self, page, form, is_valid):
        self.page = page
        self.form = form
        self.is_valid = is_valid

    @cached_property
    def filters(self):
        return self.form.cleaned_data if self.is_valid and self.form.is_valid() else {}

    @cached_property
    def sessions(self):
        filters = self.filters
        return list(
            self.page.programme().filtered(
                track=filters.get("spar") and filters["spar"].pk,
                session_type=filters.get("typ"),
                focus_area=filters.get("fokus") and filters["fokus"].slug,
            )
        )

    @cached_property
    def slots(self):
        return programme_by_time(self.sessions)

    @cached_property
    def filtered(self):
        return any(self.filters.values())

    @cached_property
    def shown_count(self):
        return len(self.sessions)

    @cached_property
    def total_count(self):
        # "Showing 5 of 23 sessions" under a filter; the whole day costs no extra count query.
        return self.page.programme().count() if self.filtered else len(self.sessions)

    @cached_property
    def changes(self):
        return list(self.page.programme_changes()[:20])


class _Series:
    """The series page's editions and whether there are recordings, read only when the template asks (see _Edition)."""

    def __init__(self, page, today):
        self.page = page
        self.today = today

    @cached_property
    def editions(self):
        return list(self.page.editions())

    @cached_property
    def upcoming(self):
        return [edition for edition in self.editions if edition.date >= self.today][::-1]

    @cached_property
    def archive(self):
        return [edition for edition in self.editions if edition.date < self.today]

    @cached_property
    def has_recordings(self):
        return self.page.recordings().exists()


def series_page(request, page):
    today = timezone.localdate()
    context = page.get_context(request)
    # The day is part of the fragment's key: an edition moves from "Upcoming" to the archive once its day is past.
    context.update(today=today, series=_Series(page, today))
    return TemplateResponse(request, "conferences/conference_series_page.html", context)


def edition_page(request, page):
    context = page.get_context(request)
    context.update(
        edition=_Edition(request, page),
        # "Pågår nu"/"Härnäst" are computed from the clock on every request, never stored.
        is_today=timezone.localdate() == page.date,
    )
    response = TemplateResponse(request, "conferences/conference_edition_page.html", context)
    if context["is_today"]:
        # "Pågår nu" changes by the minute on the day: keep this page out of the anonymous page cache.
        patch_cache_control(response, no_cache=True)
    return response


def programme_page(request, page):
    form = ProgrammeFilterForm(request.GET, edition=page)
    # Without filters the form is valid without a query; with them, whether they were valid is cached with the
    # page's fragments (same content version and query string), so a signed-in visitor's hit asks nothing.
    has_filters = any(name in request.GET for name in form.fields)
    is_valid = (
        fragments.cached(request, "programme-filters-valid", form.is_valid, per_audience=False)
        if has_filters
        else form.is_valid()
    )
    context = page.get_context(request)
    context.update(
        programme=_Programme(page, form, is_valid),
        filter_form=form,
        filter_errors=not is_valid,
        has_filters=has_filters,
        focus_areas=FocusArea.objects.all(),
        # Subscribing keeps a calendar in step with the programme; the plain link downloads it once.
        subscribe_url=SimpleLazyObject(lambda: webcal_url(page.route_url("programme_ics_route"))),
    )
    return TemplateResponse(request, "conferences/programme_page.html", context, status=200 if is_valid else 400)


class _Session:
    """The session page's recording, changes and data block, read only when the template asks (see _Edition)."""

    def __init__(self, request, page, session):
        self.request = request
        self.page = page
        self.session = session

    @cached_property
    def changes(self):
        return list(self.session.changes.all()[:5])

    @cached_property
    def player(self):
        recording = self.session.shown_recording
        return recording_player(recording) if recording else None

    @cached_property
    def structured_data(self):
        return structured_data.session_script(
            self.request, self.page, self.session, changes=self.changes, recording=self.session.shown_recording
        )


def session_page(request, page, code):
    # Whether the session is in the published programme, and what the page's title and description say, is one
    # small query, cached with the page's fragments for signed-in visitors; the session itself with its recording,
    # speakers and captions is read only when a fragment misses.
    head = fragments.cached(
        request,
        "session-head",
        lambda: page.sessions.published().filter(code=code).values("title", "abstract").first(),
        per_audience=False,
    )
    if head is None:
        raise Http404(_("There is no such session in the programme."))
    session = SimpleLazyObject(lambda: page.programme_with_recordings().get(code=code))
    context = page.get_context(request)
    context.update(head=head, session=session, session_page=_Session(request, page, session))
    return TemplateResponse(request, "conferences/session_page.html", context)


def speakers_page(request, page):
    context = page.get_context(request)
    context.update(speakers=page.speakers())
    return TemplateResponse(request, "conferences/speakers_page.html", context)


class _Speaker:
    """A speaker and their sessions, read only when the template asks (see _Edition)."""

    def __init__(self, page, slug):
        self.page = page
        self.slug = slug

    @cached_property
    def person(self):
        return Person.objects.select_related("organisation", "photo").filter(slug=self.slug).first()

    @cached_property
    def sessions(self):
        return list(self.page.speaker_sessions(self.person)) if self.person is not None else []

    def head(self):
        """The name and bio for the page's title and description, or False when there is no such speaker here.

        A speaker page exists only under an edition the person speaks at: not under another year, nor for a
        session that is still a draft."""
        if not any(session.edition_id == self.page.pk for session in self.sessions):
            return False
        return {"name": self.person.name, "bio": self.person.bio}


def speaker_page(request, page, slug):
    speaker = _Speaker(page, slug)
    head = fragments.cached(request, "speaker-head", speaker.head, per_audience=False)
    if not head:
        raise Http404(_("There is no such speaker."))
    context = page.get_context(request)
    context.update(head=head, speaker=speaker)
    return TemplateResponse(request, "conferences/speaker_page.html", context)
