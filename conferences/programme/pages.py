"""What the series page and the edition page's programme routes show: the series, the edition, its programme, a
session, the speakers and a speaker. Each function gets the page from its route and reads through it; this module
never imports the conference models (they import it)."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

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


def series_page(request, page):
    today = timezone.localdate()
    editions = list(page.editions())
    context = page.get_context(request)
    context.update(
        upcoming=[edition for edition in editions if edition.date >= today][::-1],
        archive=[edition for edition in editions if edition.date < today],
        has_recordings=page.recordings().exists(),
    )
    return TemplateResponse(request, "conferences/conference_series_page.html", context)


def edition_page(request, page):
    sessions = list(page.programme())
    now = timezone.now()
    context = page.get_context(request)
    context.update(
        featured=[session for session in sessions if session.is_featured],
        # "Pågår nu"/"Härnäst" are computed from the clock on every request, never stored.
        is_today=timezone.localdate() == page.date,
        happening_now=[session for session in sessions if session.start <= now < session.end],
        up_next=next((session for session in sessions if session.start > now), None),
        session_count=len(sessions),
        structured_data=structured_data.edition_script(request, page, sessions),
    )
    response = TemplateResponse(request, "conferences/conference_edition_page.html", context)
    if context["is_today"]:
        # "Pågår nu" changes by the minute on the day: keep this page out of the anonymous page cache.
        patch_cache_control(response, no_cache=True)
    return response


def programme_page(request, page):
    form = ProgrammeFilterForm(request.GET, edition=page)
    filters = form.cleaned_data if form.is_valid() else {}
    sessions = list(
        page.programme().filtered(
            track=filters.get("spar") and filters["spar"].pk,
            session_type=filters.get("typ"),
            focus_area=filters.get("fokus") and filters["fokus"].slug,
        )
    )
    filtered = any(filters.values())
    context = page.get_context(request)
    context.update(
        slots=programme_by_time(sessions),
        # "Showing 5 of 23 sessions" under a filter; the whole day costs no extra count query.
        shown_count=len(sessions),
        total_count=page.programme().count() if filtered else len(sessions),
        filtered=filtered,
        filter_form=form,
        changes=page.programme_changes()[:20],
        focus_areas=FocusArea.objects.all(),
        # Subscribing keeps a calendar in step with the programme; the plain link downloads it once.
        subscribe_url=webcal_url(page.route_url("programme_ics_route")),
    )
    return TemplateResponse(request, "conferences/programme_page.html", context, status=200 if form.is_valid() else 400)


def session_page(request, page, code):
    session = page.programme_with_recordings().filter(code=code).first()
    if session is None:
        raise Http404(_("There is no such session in the programme."))
    recording = session.shown_recording
    changes = list(session.changes.all()[:5])
    context = page.get_context(request)
    context.update(
        session=session,
        changes=changes,
        player=recording_player(recording) if recording else None,
        structured_data=structured_data.session_script(request, page, session, changes=changes, recording=recording),
    )
    return TemplateResponse(request, "conferences/session_page.html", context)


def speakers_page(request, page):
    context = page.get_context(request)
    context.update(speakers=page.speakers())
    return TemplateResponse(request, "conferences/speakers_page.html", context)


def speaker_page(request, page, slug):
    person = Person.objects.select_related("organisation", "photo").filter(slug=slug).first()
    sessions = list(page.speaker_sessions(person)) if person is not None else []
    # A speaker page exists only under an edition the person speaks at: not under another year, nor for a session
    # that is still a draft.
    if not any(session.edition_id == page.pk for session in sessions):
        raise Http404(_("There is no such speaker."))
    context = page.get_context(request)
    context.update(person=person, sessions=sessions)
    return TemplateResponse(request, "conferences/speaker_page.html", context)
