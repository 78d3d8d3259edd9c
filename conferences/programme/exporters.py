"""Programme exports: iCalendar (whole day and per session) and JSON (schema in conferences/programme/schema.json).
The c3voc/frab schedule is in conferences.programme.schedule.

Only published sessions are exported. Times carry their offset and the Europe/Stockholm zone. The edition page's
routes call these with the page; this module never imports the conference models.

Absolute URLs and UIDs come from the configured public address (arena.site_url), never from the request's Host
header: a calendar must get the same UID for a session whatever name the file was fetched under, and the same
events are attached to e-mails sent by a worker with no request at all."""

from datetime import UTC

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from arena.site_url import absolute_url, domain
from conferences.programme.times import site_zone
from conferences.programme.vtimezone import site_vtimezone

SCHEMA_VERSION = "1.1"
PRODID = "-//Kunskapsarenan//Mötesplats digitalisering och innovation//SV"


def _ics_time(moment):
    """Local Europe/Stockholm time (TZID), except where the wall-clock time is ambiguous.

    On the autumn night 02:00–03:00 happens twice; iCalendar reads an ambiguous TZID time as its first occurrence
    (RFC 5545 §3.3.5), so a time in the second hour is written in UTC to keep the right instant."""
    local = moment.astimezone(site_zone())
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        return local.astimezone(UTC)
    return local


def with_edition(sessions, edition):
    """The sessions, each pointing at the edition already loaded (no query per session for its URL and UID)."""
    sessions = list(sessions)
    for session in sessions:
        session.edition = edition
    return sessions


def session_uid(session):
    # Stable for the life of the session: edition year + code + the public host.
    return f"motesplats-{session.edition.year}-{session.code}@{domain()}"


def session_event(session, stamp=None):
    """The session as a VEVENT. SEQUENCE is the session's own counter, raised by every published time change, so the
    download and an e-mail about the same session always agree. Without METHOD (a download), DTSTAMP is the last
    modification (RFC 5545 §3.8.7.2); an e-mail (METHOD:PUBLISH) passes the time it is written as `stamp`."""
    event = Event()
    event.add("uid", session_uid(session))
    event.add("sequence", session.sequence)
    event.add("dtstamp", stamp or session.updated_at)
    event.add("created", session.created_at)
    event.add("last-modified", session.updated_at)
    event.add("summary", session.title)
    event.add("dtstart", _ics_time(session.start))
    event.add("dtend", _ics_time(session.end))
    if session.abstract:
        event.add("description", session.abstract)
    if session.track_id:
        event.add("location", session.track.room or session.track.name)
    event.add("url", absolute_url(session.get_url()))
    return event


def calendar_for(sessions, name, *, stamp=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    # RFC 5545 wants a VTIMEZONE for every TZID used; Outlook ignores events without one.
    calendar.add_component(site_vtimezone())
    for session in sessions:
        calendar.add_component(session_event(session, stamp))
    return calendar


def calendar_name(edition):
    """The edition's title, which usually names the year already ("Mötesplats … 2021"); else with the year, so a
    subscriber tells the years apart."""
    year = str(edition.year)
    return edition.title if year in edition.title else f"{edition.title} {year}"


def ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def programme_ics_response(edition):
    sessions = with_edition(edition.programme(), edition)
    calendar = calendar_for(sessions, calendar_name(edition))
    return ics_response(calendar, f"motesplats-{edition.year}.ics")


def session_ics_response(edition, code):
    session = edition.programme().filter(code=code).first()
    if session is None:
        raise Http404(_("There is no such session in the programme."))
    session.edition = edition
    return ics_response(calendar_for([session], session.title), f"{code}.ics")


def recording_data(session):
    """The session's recording for program.json (schema 1.1), or None; URLs absolute, also for media on S3."""
    recording = session.shown_recording
    if recording is None:
        return None
    return {
        "video_url": absolute_url(recording.video_url),
        "mime_type": recording.mime_type or None,
        "external": not recording.video,
        "plays_in_browser": recording.plays_here,
        "captions": [
            {
                "language": caption.language,
                "srclang": caption.srclang,
                "label": str(caption.get_language_display()),
                "url": absolute_url(caption.file.url),
            }
            for caption in recording.captions.all()
        ],
        "has_transcript": bool(session.recording_has_transcript),
    }


def session_data(session):
    return {
        "code": session.code,
        "title": session.title,
        "abstract": session.abstract,
        "type": session.session_type,
        "start": session.start.astimezone(site_zone()).isoformat(),
        "end": session.end.astimezone(site_zone()).isoformat(),
        "track": session.track.name if session.track_id else None,
        "room": (session.track.room or None) if session.track_id else None,
        "url": absolute_url(session.get_url()),
        "ics_url": absolute_url(session.edition.route_url("session_ics_route", code=session.code)),
        "featured": session.is_featured,
        "do_not_record": session.do_not_record,
        "speakers": [
            {
                "name": link.person.name,
                "title": link.person.job_title or None,
                "organisation": link.person.organisation.name if link.person.organisation_id else None,
            }
            for link in session.session_speakers.all()
        ],
        "organisations": [organisation.name for organisation in session.organisations.all()],
        "focus_areas": [area.slug for area in session.focus_areas.all()],
        "recording": recording_data(session),
    }


def programme_data(edition):
    sessions = with_edition(edition.programme_with_recordings(transcripts=False), edition)
    return {
        "schema_version": SCHEMA_VERSION,
        "edition": {
            "year": edition.year,
            "title": edition.title,
            "date": edition.date.isoformat(),
            "theme": edition.theme or None,
            "format": edition.format,
            "timezone": settings.TIME_ZONE,
            "url": absolute_url(edition.url),
        },
        "sessions": [session_data(session) for session in sessions],
    }


def programme_json_response(edition):
    return JsonResponse(programme_data(edition), json_dumps_params={"ensure_ascii": False, "indent": 2})
