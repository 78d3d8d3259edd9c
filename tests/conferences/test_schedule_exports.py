"""The programme in the c3voc/frab schedule format: /motesplats/<year>/schedule.json and schedule.xml.

Both carry what the format requires (conference: title, acronym, start, end, days; day: index and date; room: name;
event: guid and id, date, start, duration, room, slug, title, type, language, persons), read with a real XML parser
(lxml) and JSON. GUIDs come from the configured public address, never the request's Host. Only published sessions
of an edition open to everyone appear. The c3voc schedule tools themselves (in .venv-c3voc) load schedule.json into
their model and write XML from it."""

import json
import subprocess
import uuid
from datetime import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from lxml import etree
from wagtail.models import PageViewRestriction

from tests.conftest import C3VOC_PYTHON
from tests.helpers.programme import STHLM, add_sessions, make_session
from tests.helpers.recordings import create_recording

PUBLIC = "https://kunskapsarenan.goteborg.example"
HOSTS = ["testserver", "annan-vard.example", "kunskapsarenan.goteborg.example"]
EVENT_FIELDS = ("date", "start", "duration", "room", "slug", "title", "type", "language", "persons")


def get_schedule_json(client, year=2021, **extra):
    response = client.get(f"/motesplats/{year}/schedule.json", **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def get_schedule_xml(client, year=2021, **extra):
    response = client.get(f"/motesplats/{year}/schedule.xml", **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return etree.fromstring(response.content)


def json_events(data):
    return [
        event
        for day in data["schedule"]["conference"]["days"]
        for room_events in day["rooms"].values()
        for event in room_events
    ]


# --- schedule.json ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_schedule_json_has_what_the_format_requires(client, programme_2021):
    data = get_schedule_json(client)
    assert data["$schema"] == "https://c3voc.de/schedule/schema.json"
    schedule = data["schedule"]
    assert schedule["version"]
    assert schedule["base_url"] == "http://testserver/motesplats/2021/"
    conference = schedule["conference"]
    assert {key: conference[key] for key in ("title", "acronym", "start", "end", "daysCount")} == {
        "title": "Mötesplats digitalisering och innovation",
        "acronym": "motesplats_2021",
        "start": "2021-10-20",
        "end": "2021-10-20",
        "daysCount": 1,
    }
    assert conference["time_zone_name"] == "Europe/Stockholm"
    assert [room["name"] for room in conference["rooms"]] == ["Sal A", "Verkstan", "Alla spår"]
    assert all(uuid.UUID(room["guid"]) for room in conference["rooms"])
    (day,) = conference["days"]
    assert (day["index"], day["date"]) == (1, "2021-10-20")
    assert (day["day_start"], day["day_end"]) == ("2021-10-20T09:00:00+02:00", "2021-10-20T13:00:00+02:00")
    assert {room: [event["slug"] for event in events] for room, events in day["rooms"].items()} == {
        "Sal A": [f"motesplats_2021-{programme_2021['published'][0].pk}-oppning"],
        "Verkstan": [f"motesplats_2021-{programme_2021['published'][1].pk}-verkstad"],
        "Alla spår": [f"motesplats_2021-{programme_2021['published'][2].pk}-lunch"],
    }

    opening = day["rooms"]["Sal A"][0]
    session = programme_2021["published"][0]
    assert uuid.UUID(opening["guid"]).version == 5
    assert opening["id"] == session.pk
    assert opening == opening | {
        "date": "2021-10-20T09:00:00+02:00",
        "start": "09:00",
        "duration": "00:30",
        "room": "Sal A",
        "title": "Öppning: kunskapsarenan lanseras",
        "track": "Stora scenen",
        "type": "keynote",
        "language": "sv",
        "abstract": "Välkommen till årets mötesplats – digitalt för första gången.",
        "url": "http://testserver/motesplats/2021/program/oppning/",
        "do_not_record": False,
        "links": [],
    }
    assert [(person["name"], person["url"]) for person in opening["persons"]] == [
        ("Anna Lindqvist", "http://testserver/motesplats/2021/talare/anna-lindqvist/"),
        ("Örjan Åström", "http://testserver/motesplats/2021/talare/orjan-astrom/"),
    ]
    lunch = day["rooms"]["Alla spår"][0]
    assert (lunch["track"], lunch["type"], lunch["persons"]) == (None, "break", [])
    assert day["rooms"]["Verkstan"][0]["do_not_record"] is True
    for event in json_events(data):
        assert all(event[field] is not None for field in ("guid", "id", *EVENT_FIELDS)), event["slug"]


@pytest.mark.django_db
def test_a_recording_is_linked_from_its_event(client, programme_2021):
    opening, workshop, lunch = programme_2021["published"]
    create_recording(opening, external_url="https://play.goteborg.se/m/oppning")
    create_recording(workshop, external_url="https://play.goteborg.se/m/verkstad")  # "do not record": never shown
    events = {event["slug"].rsplit("-", 1)[-1]: event for event in json_events(get_schedule_json(client))}
    assert events["oppning"]["links"] == [{"url": "https://play.goteborg.se/m/oppning", "title": "Inspelning"}]
    assert events["verkstad"]["links"] == []
    xml = get_schedule_xml(client)
    (link,) = xml.findall(".//event/links/link")
    assert (link.get("href"), link.text) == ("https://play.goteborg.se/m/oppning", "Inspelning")


# --- schedule.xml ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_schedule_xml_has_what_the_format_requires_and_matches_the_json(client, programme_2021):
    root = get_schedule_xml(client)
    assert root.tag == "schedule"
    assert root.findtext("version")
    conference = root.find("conference")
    assert {tag: conference.findtext(tag) for tag in ("title", "acronym", "start", "end", "days")} == {
        "title": "Mötesplats digitalisering och innovation",
        "acronym": "motesplats_2021",
        "start": "2021-10-20",
        "end": "2021-10-20",
        "days": "1",
    }
    (day,) = root.findall("day")
    assert (day.get("index"), day.get("date")) == ("1", "2021-10-20")
    assert [room.get("name") for room in day.findall("room")] == ["Sal A", "Verkstan", "Alla spår"]

    data = get_schedule_json(client)
    by_guid = {event["guid"]: event for event in json_events(data)}
    xml_events = root.findall("day/room/event")
    assert len(xml_events) == len(by_guid) == 3
    for element in xml_events:
        event = by_guid[element.get("guid")]
        assert element.get("id") == str(event["id"])
        assert element.getparent().get("name") == event["room"]
        for field in EVENT_FIELDS[:-1]:
            assert element.findtext(field) == event[field], field
        assert [(person.get("id"), person.text) for person in element.findall("persons/person")] == [
            (str(person["id"]), person["name"]) for person in event["persons"]
        ]
        assert element.findtext("recording/optout") == ("true" if event["do_not_record"] else "false")
    opening = next(element for element in xml_events if element.findtext("slug").endswith("-oppning"))
    assert datetime.fromisoformat(opening.findtext("date")) == datetime(2021, 10, 20, 9, 0, tzinfo=STHLM)


# --- GUIDs -----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_guids_come_from_the_configured_address_not_the_host_header(client, programme_2021):
    def guids(**settings):
        with override_settings(ALLOWED_HOSTS=HOSTS, **settings):
            by_host = [
                (
                    [event["guid"] for event in json_events(get_schedule_json(client, HTTP_HOST=host))],
                    [element.get("guid") for element in get_schedule_xml(client, HTTP_HOST=host).iter("event")],
                )
                for host in ("annan-vard.example", "testserver")
            ]
        assert by_host[0] == by_host[1]
        json_guids, xml_guids = by_host[0]
        assert json_guids == xml_guids and len(set(json_guids)) == 3
        return json_guids

    public = guids(PUBLIC_BASE_URL=PUBLIC)
    assert guids(PUBLIC_BASE_URL=PUBLIC) == public
    # Another configured address is another site: other GUIDs.
    assert set(guids(PUBLIC_BASE_URL="https://annan.example")).isdisjoint(public)

    # Renaming or moving a session keeps its GUID.
    opening = programme_2021["published"][0]
    opening.title = "Öppning (ny titel)"
    opening.start = datetime(2021, 10, 20, 8, 30, tzinfo=STHLM)
    opening.save_revision().publish()
    assert sorted(guids(PUBLIC_BASE_URL=PUBLIC)) == sorted(public)


# --- What may appear -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_only_published_sessions_appear(client, programme_2021):
    # A published session with a draft of changes shows its published version.
    opening = programme_2021["published"][0]
    opening.title = "Hemlig ny titel"
    opening.save_revision()
    for path in ("schedule.json", "schedule.xml"):
        content = client.get(f"/motesplats/2021/{path}").content.decode()
        assert "Ännu ej publicerad" not in content and "hemlig" not in content.lower(), path
        assert "Öppning: kunskapsarenan lanseras" in content, path
    assert len(json_events(get_schedule_json(client))) == 3


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["schedule.json", "schedule.xml", "program.ics", "program.json"])
def test_a_staff_only_or_unpublished_edition_exports_nothing(client, edition_2021, path):
    make_session(
        edition_2021,
        "intern",
        "Intern genomgång",
        datetime(2021, 10, 20, 9, 0, tzinfo=STHLM),
        datetime(2021, 10, 20, 10, 0, tzinfo=STHLM),
    )
    restriction = PageViewRestriction.objects.create(page=edition_2021, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(f"/motesplats/2021/{path}")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    restriction.delete()
    edition_2021.unpublish()
    assert client.get(f"/motesplats/2021/{path}").status_code == 404


# --- The c3voc schedule tools read it --------------------------------------------------------------------------

C3VOC_READER = """
import json, sys
from voc.schedule import Schedule
schedule = Schedule.from_file(sys.argv[1])
events = []
schedule.foreach_event(lambda event: events.append(
    {"guid": event["guid"], "title": event["title"], "room": event["room"], "start": event.start.isoformat(),
     "duration": event["duration"], "persons": event.persons()}))
print(json.dumps({"events": events, "days": len(schedule.days()), "xml": schedule.xml()}))
"""


@pytest.mark.c3voc
@pytest.mark.django_db
def test_the_c3voc_schedule_tools_load_it_and_write_xml(client, programme_2021, tmp_path):
    data = get_schedule_json(client)
    source = tmp_path / "schedule.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [str(C3VOC_PYTHON), "-c", C3VOC_READER, str(source)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout.strip().splitlines()[-1])
    assert read["days"] == 1
    assert sorted((event["title"], event["room"]) for event in read["events"]) == [
        ("Digital delaktighet för nyanlända", "Verkstan"),
        ("Lunch", "Alla spår"),
        ("Öppning: kunskapsarenan lanseras", "Sal A"),
    ]
    opening = next(event for event in read["events"] if event["title"].startswith("Öppning"))
    assert datetime.fromisoformat(opening["start"]) == datetime(2021, 10, 20, 9, 0, tzinfo=STHLM)
    # The format's hh:mm, kept as given (version 1.1.0 of the tools computes Event.end reading it as mm:ss, so
    # their `end` is not compared here).
    assert opening["duration"] == "00:30"
    assert opening["persons"] == ["Anna Lindqvist", "Örjan Åström"]
    their_xml = etree.fromstring(read["xml"].split("?>", 1)[1].encode())
    assert sorted(element.get("guid") for element in their_xml.iter("event")) == sorted(
        event["guid"] for event in json_events(data)
    )
    assert their_xml.findtext("conference/acronym") == "motesplats_2021"
    assert sorted(element.findtext("duration") for element in their_xml.iter("event")) == ["00:30", "01:00", "01:00"]


# --- Query counts ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["schedule.json", "schedule.xml"])
def test_schedule_query_count_is_flat(client, edition_2021, path, django_assert_max_num_queries):
    url = f"/motesplats/2021/{path}"
    add_sessions(edition_2021, 0, 10, recorded=True)
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as at_ten:
        response = client.get(url)
    assert response.status_code == 200
    assert len(at_ten.captured_queries) <= 20
    add_sessions(edition_2021, 10, 30, recorded=True)
    with django_assert_max_num_queries(len(at_ten.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    if path == "schedule.json":
        assert len(json_events(json.loads(response.content))) == 40
    else:
        assert len(etree.fromstring(response.content).findall("day/room/event")) == 40
