"""Read-side queries for the conference pages and exports; only published sessions are ever shown."""

from arena.models import Person
from conferences.models import ConferenceEditionPage, Session


def published_sessions(edition):
    return Session.objects.published().filter(edition=edition).for_programme()


def filter_sessions(sessions, *, track=None, session_type=None, focus_area=None):
    if track:
        sessions = sessions.filter(track_id=track)
    if session_type:
        sessions = sessions.filter(session_type=session_type)
    if focus_area:
        sessions = sessions.filter(focus_areas__slug=focus_area).distinct()
    return sessions


def programme_by_time(sessions):
    """Group sessions into time slots (same start) so the page reads like a day, track by track."""
    slots = []
    for session in sessions:
        if not slots or slots[-1]["start"] != session.start:
            slots.append({"start": session.start, "sessions": []})
        slots[-1]["sessions"].append(session)
    return slots


def editions(series):
    return ConferenceEditionPage.objects.live().public().child_of(series).order_by("-date")


def edition_speakers(edition):
    return (
        Person.objects.filter(conference_sessions__session__edition=edition, conference_sessions__session__live=True)
        .select_related("organisation", "photo")
        .prefetch_related("photo__renditions")
        .distinct()
        .order_by("name")
    )


def speaker_sessions(person):
    """A speaker's published sessions across all years, newest edition first."""
    return (
        Session.objects.published()
        .filter(session_speakers__person=person, edition__live=True)
        .select_related("edition", "track")
        .order_by("-start")
    )
