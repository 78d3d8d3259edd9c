"""Read-side queries for the conference pages and exports; only published sessions are ever shown."""

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q
from wagtail.search.backends import get_search_backend

from arena.models import FocusArea, Organisation, Person
from arena.search_text import clean_search_text
from conferences.models import ConferenceEditionPage, Recording, RecordingCaption, Session, SessionSpeaker


def published_sessions(edition):
    return Session.objects.published().filter(edition=edition).for_programme()


def with_recordings(sessions, *, transcripts=True):
    """Sessions with their recording (if any) and its caption tracks: two queries, however many tracks.

    With transcripts=False the (long) transcripts stay in the database and each session carries
    `recording_has_transcript` instead, for lists and exports of a whole day."""
    sessions = sessions.select_related("recording").prefetch_related(
        Prefetch("recording__captions", queryset=RecordingCaption.objects.order_by("sort_order", "pk"))
    )
    if transcripts:
        return sessions
    return sessions.defer("recording__transcript").annotate(
        recording_has_transcript=ExpressionWrapper(~Q(recording__transcript=""), output_field=BooleanField())
    )


def shown_recording(session):
    """The session's recording as the public site shows it: none for a session that must not be recorded, nor for
    a recording with neither a video file nor a link (the admin refuses one; a row written elsewhere might not)."""
    if session.do_not_record:
        return None
    recording = getattr(session, "recording", None)
    return recording if recording is not None and recording.video_url else None


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


def speaker_sessions(person, edition):
    """A speaker's published sessions across the years, newest first, for their page under `edition`.

    Only published editions count. Other years' editions must also be open to everyone (the page may be seen by
    anyone); `edition` itself is the page being shown, which the visitor has already been let into."""
    return (
        Session.objects.published()
        .filter(session_speakers__person=person, edition__live=True)
        .filter(Q(edition=edition) | Q(edition__in=ConferenceEditionPage.objects.public().values("pk")))
        .select_related("edition", "track")
        .order_by("-start")
    )


# --- The recordings archive (/motesplats/inspelningar/) ----------------------------------------------------------


def archive_recordings(series):
    """Recordings of published sessions in the series' published, public editions, newest first.

    A session marked "do not record" never shows a recording, even if one was uploaded by mistake; like on the
    session page, a recording with neither a file nor a link is left out."""
    return (
        Recording.objects.filter(
            session__live=True,
            session__do_not_record=False,
            session__edition__in=editions(series).order_by(),
        )
        .exclude(video="", external_url="")
        .order_by("-session__start", "-pk")
    )


def filter_recordings(recordings, *, edition=None, focus_area=None, organisation=None, matching_ids=None):
    """Narrow the archive. An organisation matches when it is involved in the session or a speaker belongs to it."""
    if edition is not None:
        recordings = recordings.filter(session__edition=edition)
    if focus_area is not None:
        # Subqueries rather than joins, so a session with several matches is still listed once.
        recordings = recordings.filter(session__in=Session.objects.filter(focus_areas=focus_area).values("pk"))
    if organisation is not None:
        involved = Session.objects.filter(
            Q(organisations=organisation) | Q(session_speakers__person__organisation=organisation)
        )
        recordings = recordings.filter(session__in=involved.values("pk"))
    if matching_ids is not None:
        recordings = recordings.filter(pk__in=matching_ids)
    return recordings


def search_recording_ids(query):
    """Ids of the recordings whose transcript, session title or abstract match `query` (Wagtail search).

    The search backend only sees the index, so the archive's filters are applied afterwards in the database; the
    order comes from the archive, not from relevance. Only ids are loaded, never the long transcripts."""
    text = clean_search_text(query)
    if not text:
        return []
    results = get_search_backend().search(text, Recording.objects.order_by().only("pk"), order_by_relevance=False)
    return [recording.pk for recording in results]


def for_archive_listing(recordings):
    """What an archive item shows (session, edition, speakers, caption languages) in a fixed number of queries.

    The transcripts themselves stay in the database (an hour's talk is tens of kilobytes); the list only says
    whether there is one."""
    has_transcript = ExpressionWrapper(~Q(transcript=""), output_field=BooleanField())
    return (
        recordings.defer("transcript")
        .annotate(has_transcript=has_transcript)
        .select_related("session", "session__edition")
        .prefetch_related(
            Prefetch(
                "session__session_speakers",
                queryset=SessionSpeaker.objects.select_related("person", "person__organisation"),
            ),
            Prefetch("captions", queryset=RecordingCaption.objects.order_by("sort_order", "pk")),
        )
    )


def archive_editions(recordings):
    return ConferenceEditionPage.objects.filter(pk__in=recordings.values("session__edition")).order_by("-year")


def archive_focus_areas(recordings):
    links = Session.focus_areas.through.objects.filter(session__in=recordings.values("session"))
    return FocusArea.objects.filter(pk__in=links.values("focusarea"))


def archive_organisations(recordings):
    """Organisations involved in a recorded session or employing one of its speakers."""
    sessions = recordings.values("session")
    involved = Session.organisations.through.objects.filter(session__in=sessions).values("organisation")
    employing = Person.objects.filter(conference_sessions__session__in=sessions).values("organisation")
    return Organisation.objects.filter(Q(pk__in=involved) | Q(pk__in=employing)).order_by("name")
