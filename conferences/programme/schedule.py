"""The programme as a c3voc/frab schedule: schedule.json and schedule.xml, the exchange format of pentabarf, frab and
pretalx that recording pipelines (voctosched) and conference apps (Giggity, EventFahrplan, info-beamer) read.

The JSON follows the c3voc schema (https://c3voc.de/schedule/schema.json) and the XML the c3voc schedule XSD: one day,
its rooms, and in each room the published sessions, as program.json lists them. GUIDs are UUIDv5 in a namespace made
from the configured public host name (arena.site_url), never from the request's Host, so a consumer matches an event
with its earlier versions whatever address it fetched the file from. The edition page's routes call this module with
the page; it never imports the conference models."""

import uuid
from datetime import datetime, time, timedelta
from xml.etree import ElementTree as ET

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from arena.site_url import absolute_url, domain
from conferences.programme.exporters import with_edition
from conferences.programme.times import site_time, site_zone

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
GENERATOR = "Kunskapsarenan"
TIMESLOT_DURATION = "00:05"


def site_namespace():
    return uuid.uuid5(uuid.NAMESPACE_DNS, domain())


def guid(kind, pk):
    """A stable UUID for one of our objects (kind "session", "track", "person" …) on this site."""
    return str(uuid.uuid5(site_namespace(), f"{kind}:{pk}"))


def acronym(edition):
    # The c3voc schema wants lower-case letters, digits and underscores here.
    return f"motesplats_{edition.year}"


def hours_minutes(delta):
    minutes = int(delta.total_seconds()) // 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def room_of(session):
    """The room an event is in: the track's room or channel, else the track's name, and for a session outside the
    tracks (a shared break) one room for the whole conference, since every event must be in a room."""
    if session.track_id:
        return session.track.room or session.track.name
    return _("All tracks")


def person_data(person, edition):
    return {
        "guid": guid("person", person.pk),
        "id": person.pk,
        "name": person.name,
        "biography": person.bio,
        "url": absolute_url(edition.route_url("speaker_route", slug=person.slug)),
    }


def event_data(session, edition):
    start = site_time(session.start)
    recording = session.shown_recording
    links = [{"url": absolute_url(recording.video_url), "title": _("Recording")}] if recording else []
    return {
        "guid": guid("session", session.pk),
        "id": session.pk,
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        # Elapsed time, not the wall clock's difference: they part for a session across a change to or from summer time.
        "duration": hours_minutes(session.end - session.start),
        "room": room_of(session),
        "slug": f"{acronym(edition)}-{session.pk}-{session.code}".lower(),
        "url": absolute_url(session.get_url()),
        "title": session.title,
        "subtitle": "",
        "track": session.track.name if session.track_id else None,
        "type": session.session_type,
        "language": settings.LANGUAGE_CODE,
        "abstract": session.abstract,
        "description": "",
        "recording_license": "",
        "do_not_record": session.do_not_record,
        "persons": [person_data(link.person, edition) for link in session.session_speakers.all()],
        "links": links,
        "attachments": [],
    }


def _rooms(tracks, sessions, edition):
    """Room name → GUID: the tracks' rooms in their order (each name once), then the shared room if a session is
    outside the tracks."""
    rooms = {}
    for track in tracks:
        rooms.setdefault(track.room or track.name, guid("track", track.pk))
    shared = guid("edition", edition.pk)
    for session in sessions:
        rooms.setdefault(room_of(session), guid("track", session.track_id) if session.track_id else shared)
    return rooms


def schedule_data(edition):
    sessions = with_edition(edition.programme_with_recordings(transcripts=False), edition)
    tracks = list(edition.tracks.all())
    rooms = _rooms(tracks, sessions, edition)
    events_by_room = {name: [] for name in rooms}
    for session in sessions:
        events_by_room[room_of(session)].append(event_data(session, edition))
    midnight = datetime.combine(edition.date, time(), tzinfo=site_zone())
    day_start = site_time(sessions[0].start) if sessions else midnight
    day_end = site_time(max(session.end for session in sessions)) if sessions else midnight + timedelta(days=1)
    modified = max((session.updated_at for session in sessions), default=edition.last_published_at)
    return {
        "$schema": SCHEMA_URL,
        "generator": {"name": GENERATOR},
        "schedule": {
            # Changes whenever a published session does, so a consumer knows to fetch the programme again.
            "version": site_time(modified).strftime("%Y-%m-%d %H:%M:%S") if modified else "",
            "base_url": absolute_url(edition.url),
            "conference": {
                "acronym": acronym(edition),
                "title": edition.title,
                "start": edition.date.isoformat(),
                "end": edition.date.isoformat(),
                "daysCount": 1,
                "timeslot_duration": TIMESLOT_DURATION,
                "time_zone_name": settings.TIME_ZONE,
                "url": absolute_url(edition.url),
                "tracks": [{"name": track.name} for track in tracks],
                "rooms": [{"name": name, "guid": room_guid} for name, room_guid in rooms.items()],
                "days": [
                    {
                        "index": 1,
                        "date": edition.date.isoformat(),
                        "day_start": day_start.isoformat(),
                        "day_end": day_end.isoformat(),
                        "rooms": events_by_room,
                    }
                ],
            },
        },
    }


def _text(parent, tag, value):
    element = ET.SubElement(parent, tag)
    element.text = "" if value is None else str(value)
    return element


def _event_element(room, event):
    element = ET.SubElement(room, "event", id=str(event["id"]), guid=event["guid"])
    for key in ("date", "start", "duration", "room", "slug", "url", "title", "subtitle", "track", "type", "language"):
        _text(element, key, event[key])
    _text(element, "abstract", event["abstract"])
    _text(element, "description", event["description"])
    persons = ET.SubElement(element, "persons")
    for person in event["persons"]:
        _text(persons, "person", person["name"]).set("id", str(person["id"]))
    recording = ET.SubElement(element, "recording")
    _text(recording, "license", event["recording_license"])
    _text(recording, "optout", "true" if event["do_not_record"] else "false")
    links = ET.SubElement(element, "links")
    for link in event["links"]:
        _text(links, "link", link["title"]).set("href", link["url"])
    ET.SubElement(element, "attachments")


def schedule_xml(data):
    """schedule.xml from schedule_data(): the same content in the frab XML layout, where the days sit beside the
    conference and the base URL inside it."""
    schedule = data["schedule"]
    conference = schedule["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=data["generator"]["name"])
    _text(root, "version", schedule["version"])
    head = ET.SubElement(root, "conference")
    for key, tag in (
        ("acronym", "acronym"),
        ("title", "title"),
        ("start", "start"),
        ("end", "end"),
        ("daysCount", "days"),
        ("timeslot_duration", "timeslot_duration"),
        ("time_zone_name", "time_zone_name"),
    ):
        _text(head, tag, conference[key])
    _text(head, "base_url", schedule["base_url"])
    for day in conference["days"]:
        day_element = ET.SubElement(
            root, "day", index=str(day["index"]), date=day["date"], start=day["day_start"], end=day["day_end"]
        )
        for name, events in day["rooms"].items():
            room = ET.SubElement(day_element, "room", name=name)
            for event in events:
                _event_element(room, event)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def schedule_json_response(edition):
    return JsonResponse(schedule_data(edition), json_dumps_params={"ensure_ascii": False, "indent": 2})


def schedule_xml_response(edition):
    return HttpResponse(schedule_xml(schedule_data(edition)), content_type="application/xml; charset=utf-8")
