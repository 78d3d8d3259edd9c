"""Programme exports: program.ics (whole day), one .ics per session and program.json against its documented schema.

Only published sessions are exported; times are Europe/Stockholm with the right offset, also across the
daylight-saving changes (2026-03-29 and 2026-10-25). program.json carries each session's recording with absolute
video and caption URLs (schema 1.1)."""

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from tests.helpers.programme import STHLM, add_sessions, make_edition, make_session
from tests.helpers.recordings import create_recording

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "conferences" / "programme" / "schema.json"
CEST = timedelta(hours=2)
CET = timedelta(hours=1)


# --- Fixtures (motesplats, edition_2021 and programme_2021 are in tests/conferences/conftest.py) --------------


@pytest.fixture
def autumn_dst(motesplats):
    """2026-10-25: clocks go back in Sweden at 03:00 CEST → 02:00 CET, so 02:00–03:00 happens twice."""
    edition = make_edition(motesplats, 2026, date(2026, 10, 25), tracks=(("Natt", "Sal N"), ("Morgon", "Sal M")))
    night, morning = edition.tracks.order_by("sort_order")
    before = make_session(
        edition,
        "fore-omstallningen",
        "Före omställningen",
        datetime(2026, 10, 25, 1, 30, tzinfo=STHLM),  # +02:00
        datetime(2026, 10, 25, 2, 30, fold=0, tzinfo=STHLM),  # first 02:30, still +02:00
        track=night,
    )
    after = make_session(
        edition,
        "efter-omstallningen",
        "Efter omställningen",
        datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=STHLM),  # second 02:30, now +01:00
        datetime(2026, 10, 25, 3, 30, tzinfo=STHLM),  # +01:00
        track=night,
    )
    morning_session = make_session(
        edition,
        "morgon",
        "Morgonpass",
        datetime(2026, 10, 25, 9, 0, tzinfo=STHLM),
        datetime(2026, 10, 25, 10, 0, tzinfo=STHLM),
        track=morning,
    )
    return edition, {"before": before, "after": after, "morning": morning_session}


@pytest.fixture
def spring_dst(motesplats):
    """2026-03-29: clocks go forward in Sweden at 02:00 CET → 03:00 CEST."""
    edition = make_edition(motesplats, 2026, date(2026, 3, 29))
    (track,) = edition.tracks.all()
    early = make_session(
        edition,
        "tidigt",
        "Tidigt pass",
        datetime(2026, 3, 29, 0, 30, tzinfo=STHLM),  # +01:00
        datetime(2026, 3, 29, 1, 30, tzinfo=STHLM),  # +01:00
        track=track,
    )
    across = make_session(
        edition,
        "over-omstallningen",
        "Över omställningen",
        datetime(2026, 3, 29, 1, 30, tzinfo=STHLM),  # +01:00
        datetime(2026, 3, 29, 3, 30, tzinfo=STHLM),  # +02:00, one real hour later
        track=track,
    )
    morning = make_session(
        edition,
        "morgon",
        "Morgonpass",
        datetime(2026, 3, 29, 9, 0, tzinfo=STHLM),
        datetime(2026, 3, 29, 10, 0, tzinfo=STHLM),
        track=track,
    )
    return edition, {"early": early, "across": across, "morning": morning}


# --- Helpers -----------------------------------------------------------------------------------------------------


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events_by_url(calendar):
    return {str(event["URL"]): event for event in calendar.walk("VEVENT")}


def uids(calendar):
    return {str(event["URL"]): str(event["UID"]) for event in calendar.walk("VEVENT")}


def utc(moment):
    """Compare instants in UTC: aware datetimes in one zone subtract by wall clock, and an ambiguous local time
    (02:30 on the autumn night) never compares equal across zones (PEP 495)."""
    return moment.astimezone(UTC)


def session_url(session):
    return f"http://testserver/motesplats/{session.edition.year}/program/{session.code}/"


def get_programme_json(client, year):
    response = client.get(f"/motesplats/{year}/program.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response, json.loads(response.content)


def load_schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(data):
    schema = load_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator_class(schema, format_checker=validator_class.FORMAT_CHECKER).validate(data)


# --- program.ics -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_programme_ics_lists_exactly_the_published_sessions(client, programme_2021):
    calendar = get_calendar(client, "/motesplats/2021/program.ics")
    events = events_by_url(calendar)
    published = programme_2021["published"]
    assert set(events) == {session_url(session) for session in published}
    assert "Ännu ej publicerad" not in {str(event["SUMMARY"]) for event in events.values()}
    for session in published:
        event = events[session_url(session)]
        assert str(event["SUMMARY"]) == session.title
        assert str(event["URL"]).startswith("http://testserver/")
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert (utc(start), utc(end)) == (utc(session.start), utc(session.end))
        assert start.tzinfo is not None and end.tzinfo is not None
        assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
        assert event["DTEND"].params["TZID"] == "Europe/Stockholm"
        assert start.utcoffset() == end.utcoffset() == timedelta(hours=2)  # October 20: summer time
    opening = events[session_url(published[0])]
    assert str(opening["LOCATION"]) == "Sal A"
    assert str(opening["DESCRIPTION"]).startswith("Välkommen")
    assert str(events[session_url(published[1])]["LOCATION"]) == "Verkstan"  # no room: the track's name
    assert "LOCATION" not in events[session_url(published[2])]


PUBLIC = "https://kunskapsarenan.goteborg.example"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/motesplats/2021/program.ics", "/motesplats/2021/program/oppning.ics"])
def test_ics_uids_and_urls_come_from_the_public_address_not_the_host_header(client, programme_2021, path):
    with override_settings(PUBLIC_BASE_URL=PUBLIC):
        calendars = [
            Calendar.from_ical(client.get(path, HTTP_HOST=host).content)
            for host in ("annan-vard.example", "testserver:8000")
        ]
    first, second = ([(str(e["UID"]), str(e["URL"])) for e in calendar.walk("VEVENT")] for calendar in calendars)
    assert first == second
    assert first and all(uid.endswith("@kunskapsarenan.goteborg.example") for uid, _ in first)
    assert all(url.startswith(PUBLIC + "/motesplats/2021/program/") for _, url in first)


@pytest.mark.django_db
def test_programme_json_urls_come_from_the_public_address_not_the_host_header(client, programme_2021):
    with override_settings(PUBLIC_BASE_URL=PUBLIC):
        data = json.loads(client.get("/motesplats/2021/program.json", HTTP_HOST="annan-vard.example").content)
    assert data["edition"]["url"] == PUBLIC + "/motesplats/2021/"
    assert data["sessions"][0]["url"] == PUBLIC + "/motesplats/2021/program/oppning/"
    assert data["sessions"][0]["ics_url"] == PUBLIC + "/motesplats/2021/program/oppning.ics"


@pytest.mark.django_db
def test_programme_ics_declares_the_time_zone_it_uses(client, programme_2021):
    calendar = get_calendar(client, "/motesplats/2021/program.ics")
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])


@pytest.mark.django_db
def test_uids_are_stable_and_unique(client, programme_2021):
    first = uids(get_calendar(client, "/motesplats/2021/program.ics"))
    second = uids(get_calendar(client, "/motesplats/2021/program.ics"))
    assert first == second
    assert len(set(first.values())) == len(first) == 3

    opening = programme_2021["published"][0]
    opening.title = "Öppning (ny titel)"
    opening.save_revision().publish()
    after_edit = events_by_url(get_calendar(client, "/motesplats/2021/program.ics"))
    assert str(after_edit[session_url(opening)]["SUMMARY"]) == "Öppning (ny titel)"
    assert str(after_edit[session_url(opening)]["UID"]) == first[session_url(opening)]

    single = get_calendar(client, f"/motesplats/2021/program/{opening.code}.ics")
    (event,) = single.walk("VEVENT")
    assert str(event["UID"]) == first[session_url(opening)]


@pytest.mark.django_db
def test_session_ics_has_one_event(client, programme_2021):
    session = programme_2021["published"][1]
    response = client.get(f"/motesplats/2021/program/{session.code}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert f'filename="{session.code}.ics"' in response["Content-Disposition"]
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == session.title
    assert utc(event.decoded("DTSTART")) == utc(session.start)
    assert utc(event.decoded("DTEND")) == utc(session.end)
    assert str(event["URL"]) == session_url(session)


@pytest.mark.django_db
def test_session_ics_is_404_for_unknown_and_draft_sessions(client, programme_2021):
    assert client.get("/motesplats/2021/program/finns-inte.ics").status_code == 404
    assert client.get(f"/motesplats/2021/program/{programme_2021['draft'].code}.ics").status_code == 404


@pytest.mark.django_db
def test_an_unpublished_session_appears_once_published(client, programme_2021):
    draft = programme_2021["draft"]
    draft.save_revision().publish()
    events = events_by_url(get_calendar(client, "/motesplats/2021/program.ics"))
    assert session_url(draft) in events
    _, data = get_programme_json(client, 2021)
    assert draft.code in [session["code"] for session in data["sessions"]]


# --- Daylight-saving time ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_ics_times_across_the_autumn_change(client, autumn_dst):
    edition, sessions = autumn_dst
    events = events_by_url(get_calendar(client, "/motesplats/2026/program.ics"))
    assert len(events) == 3
    expected_offsets = {"before": (CEST, CEST), "after": (CET, CET), "morning": (CET, CET)}
    for key, session in sessions.items():
        event = events[session_url(session)]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        # The same instants as stored, whatever form the file uses.
        assert (utc(start), utc(end)) == (utc(session.start), utc(session.end)), key
        assert utc(end) - utc(start) == timedelta(hours=1), key
        local = (start.astimezone(STHLM), end.astimezone(STHLM))
        assert (local[0].utcoffset(), local[1].utcoffset()) == expected_offsets[key], key
    morning = events[session_url(sessions["morning"])]
    assert morning["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert morning.decoded("DTSTART").utcoffset() == CET
    assert morning.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 10, 25, 9, 0)
    before = events[session_url(sessions["before"])]
    assert before.decoded("DTSTART").utcoffset() == CEST
    # 02:30 happens twice that night: the second one must not be read back as the first.
    after = events[session_url(sessions["after"])]
    assert utc(after.decoded("DTSTART")) - utc(before.decoded("DTSTART")) == timedelta(hours=2)
    # iCalendar reads an ambiguous TZID time as the first occurrence, so the second 02:30 is written in UTC.
    assert "TZID" not in after["DTSTART"].params
    assert after.decoded("DTSTART") == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert b"DTSTART:20261025T013000Z" in client.get(f"/motesplats/2026/program/{sessions['after'].code}.ics").content


@pytest.mark.django_db
def test_json_times_across_the_autumn_change(client, autumn_dst):
    edition, sessions = autumn_dst
    _, data = get_programme_json(client, 2026)
    validate(data)
    by_code = {session["code"]: session for session in data["sessions"]}
    assert by_code["fore-omstallningen"]["start"] == "2026-10-25T01:30:00+02:00"
    assert by_code["fore-omstallningen"]["end"] == "2026-10-25T02:30:00+02:00"
    assert by_code["efter-omstallningen"]["start"] == "2026-10-25T02:30:00+01:00"
    assert by_code["efter-omstallningen"]["end"] == "2026-10-25T03:30:00+01:00"
    assert by_code["morgon"]["start"] == "2026-10-25T09:00:00+01:00"
    assert by_code["morgon"]["end"] == "2026-10-25T10:00:00+01:00"
    for key, session in sessions.items():
        row = by_code[session.code]
        assert utc(datetime.fromisoformat(row["start"])) == utc(session.start), key
        assert utc(datetime.fromisoformat(row["end"])) == utc(session.end), key
    assert [row["code"] for row in data["sessions"]] == ["fore-omstallningen", "efter-omstallningen", "morgon"]


@pytest.mark.django_db
def test_times_across_the_spring_change(client, spring_dst):
    edition, sessions = spring_dst
    events = events_by_url(get_calendar(client, "/motesplats/2026/program.ics"))
    expected = {"early": (CET, CET), "across": (CET, CEST), "morning": (CEST, CEST)}
    for key, session in sessions.items():
        event = events[session_url(session)]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert (utc(start), utc(end)) == (utc(session.start), utc(session.end)), key
        assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
        assert (start.utcoffset(), end.utcoffset()) == expected[key], key
    across = events[session_url(sessions["across"])]
    assert utc(across.decoded("DTEND")) - utc(across.decoded("DTSTART")) == timedelta(hours=1)

    _, data = get_programme_json(client, 2026)
    validate(data)
    by_code = {session["code"]: session for session in data["sessions"]}
    assert (by_code["tidigt"]["start"], by_code["tidigt"]["end"]) == (
        "2026-03-29T00:30:00+01:00",
        "2026-03-29T01:30:00+01:00",
    )
    assert (by_code["over-omstallningen"]["start"], by_code["over-omstallningen"]["end"]) == (
        "2026-03-29T01:30:00+01:00",
        "2026-03-29T03:30:00+02:00",
    )
    assert (by_code["morgon"]["start"], by_code["morgon"]["end"]) == (
        "2026-03-29T09:00:00+02:00",
        "2026-03-29T10:00:00+02:00",
    )


# --- program.json ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_programme_json_matches_its_schema(client, programme_2021):
    response, data = get_programme_json(client, 2021)
    validate(data)
    assert data["schema_version"] == "1.1"
    assert data["edition"] == {
        "year": 2021,
        "title": "Mötesplats digitalisering och innovation",
        "date": "2021-10-20",
        "theme": "Vi växer",
        "format": "digital",
        "timezone": "Europe/Stockholm",
        "url": "http://testserver/motesplats/2021/",
    }


@pytest.mark.django_db
def test_programme_json_content(client, programme_2021):
    response, data = get_programme_json(client, 2021)
    assert [session["code"] for session in data["sessions"]] == ["oppning", "verkstad", "lunch"]
    opening, workshop, lunch = data["sessions"]
    assert opening == {
        "code": "oppning",
        "title": "Öppning: kunskapsarenan lanseras",
        "abstract": "Välkommen till årets mötesplats – digitalt för första gången.",
        "type": "keynote",
        "start": "2021-10-20T09:00:00+02:00",
        "end": "2021-10-20T09:30:00+02:00",
        "track": "Stora scenen",
        "room": "Sal A",
        "url": "http://testserver/motesplats/2021/program/oppning/",
        "ics_url": "http://testserver/motesplats/2021/program/oppning.ics",
        "featured": True,
        "do_not_record": False,
        "speakers": [
            {"name": "Anna Lindqvist", "title": None, "organisation": "Stadsledningskontoret"},
            {"name": "Örjan Åström", "title": "Digitaliseringsstrateg", "organisation": None},
        ],
        "organisations": ["Stadsledningskontoret"],
        "focus_areas": ["medborgardialog"],
        "recording": None,
    }
    assert (workshop["track"], workshop["room"], workshop["do_not_record"]) == ("Verkstan", None, True)
    assert (lunch["track"], lunch["room"], lunch["type"], lunch["speakers"]) == (None, None, "break", [])
    # Swedish letters as they are, not \u escapes.
    text = response.content.decode("utf-8")
    assert "Örjan Åström" in text and "\\u00" not in text


@pytest.mark.django_db
def test_the_ics_url_in_json_serves_the_session(client, programme_2021):
    _, data = get_programme_json(client, 2021)
    for row in data["sessions"]:
        path = row["ics_url"].removeprefix("http://testserver")
        (event,) = get_calendar(client, path).walk("VEVENT")
        assert str(event["URL"]) == row["url"]


@pytest.mark.django_db
def test_the_schema_rejects_what_the_format_does_not_allow(programme_2021):
    from conferences.programme.exporters import programme_data

    data = json.loads(json.dumps(programme_data(programme_2021["published"][0].edition)))
    validate(data)
    broken = [
        ("start", "2021-10-20T09:00:00"),  # no offset
        ("start", "2021-10-20T07:00:00Z"),  # UTC instead of local time with offset
        ("url", "inte en adress"),
        ("type", "mingel"),
    ]
    for key, value in broken:
        candidate = json.loads(json.dumps(data))
        candidate["sessions"][0][key] = value
        with pytest.raises(jsonschema.ValidationError):
            validate(candidate)
    candidate = json.loads(json.dumps(data))
    del candidate["sessions"][0]["speakers"]
    with pytest.raises(jsonschema.ValidationError):
        validate(candidate)
    candidate = json.loads(json.dumps(data))
    candidate["sessions"][0]["unexpected"] = 1
    with pytest.raises(jsonschema.ValidationError):
        validate(candidate)


def test_the_schema_documents_every_field():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    def walk(node, where):
        for name, sub in node.get("properties", {}).items():
            assert sub.get("description"), f"{where}.{name} has no description"
            walk(sub, f"{where}.{name}")
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{where}[]")
        for name, sub in node.get("$defs", {}).items():
            assert sub.get("description"), f"$defs.{name} has no description"
            walk(sub, f"$defs.{name}")

    walk(schema, "$")


# --- Recordings in program.json (schema 1.1) --------------------------------------------------------------------


@pytest.fixture
def recorded_2021(programme_2021):
    """The opening recorded on this site with Swedish and English captions; the lunch on an external video page;
    the workshop (do not record) with a recording uploaded by mistake."""
    opening, workshop, lunch = programme_2021["published"]
    return {
        "opening": create_recording(opening, captions=("sv", "en")),
        "lunch": create_recording(lunch, captions=(), transcript="", external_url="https://play.goteborg.se/m/lunch"),
        "workshop": create_recording(workshop),
        "draft": create_recording(programme_2021["draft"]),
    }


def test_programme_json_carries_recordings_with_absolute_urls(client, recorded_2021):
    _, data = get_programme_json(client, 2021)
    validate(data)
    by_code = {session["code"]: session for session in data["sessions"]}
    assert "hemlig" not in by_code  # still only published sessions
    opening = recorded_2021["opening"]
    swedish, english = opening.captions.order_by("sort_order")
    assert by_code["oppning"]["recording"] == {
        "video_url": f"http://testserver{opening.video.url}",
        "mime_type": "video/webm",
        "external": False,
        "plays_in_browser": True,
        "captions": [
            {"language": "sv", "srclang": "sv", "label": "Svenska", "url": f"http://testserver{swedish.file.url}"},
            {"language": "en", "srclang": "en", "label": "Engelska", "url": f"http://testserver{english.file.url}"},
        ],
        "has_transcript": True,
    }
    assert by_code["lunch"]["recording"] == {
        "video_url": "https://play.goteborg.se/m/lunch",
        "mime_type": None,
        "external": True,
        "plays_in_browser": False,
        "captions": [],
        "has_transcript": False,
    }
    # A session that must not be recorded never exposes a recording.
    assert by_code["verkstad"]["do_not_record"] is True
    assert by_code["verkstad"]["recording"] is None


def test_the_recording_urls_in_json_are_those_of_the_session_page_player(client, recorded_2021):
    _, data = get_programme_json(client, 2021)
    (session,) = [row for row in data["sessions"] if row["code"] == "oppning"]
    page = client.get(session["url"].removeprefix("http://testserver")).content.decode()
    for caption in session["recording"]["captions"]:
        assert f'src="{caption["url"].removeprefix("http://testserver")}"' in page
    assert f'<source src="{session["recording"]["video_url"].removeprefix("http://testserver")}"' in page


def test_media_urls_that_are_already_absolute_stay_as_they_are(client, recorded_2021, settings):
    settings.MEDIA_URL = "https://media.example.se/arena/"
    _, data = get_programme_json(client, 2021)
    validate(data)
    (opening,) = [row for row in data["sessions"] if row["code"] == "oppning"]
    assert opening["recording"]["video_url"].startswith("https://media.example.se/arena/recordings/")
    assert opening["recording"]["captions"][0]["url"].startswith("https://media.example.se/arena/recordings/captions/")


def test_the_schema_rejects_a_malformed_recording(client, recorded_2021):
    _, data = get_programme_json(client, 2021)
    index = [row["code"] for row in data["sessions"]].index("oppning")
    broken = [
        ("video_url", "/media/relative.webm"),
        ("mime_type", "video/x-msvideo"),
        ("external", "no"),
        ("captions", [{"language": "xx", "srclang": "xx", "label": "?", "url": "http://testserver/a.vtt"}]),
    ]
    for key, value in broken:
        candidate = json.loads(json.dumps(data))
        candidate["sessions"][index]["recording"][key] = value
        with pytest.raises(jsonschema.ValidationError):
            validate(candidate)
    candidate = json.loads(json.dumps(data))
    del candidate["sessions"][index]["recording"]["captions"]
    with pytest.raises(jsonschema.ValidationError):
        validate(candidate)
    candidate = json.loads(json.dumps(data))
    del candidate["sessions"][index]["recording"]
    with pytest.raises(jsonschema.ValidationError):
        validate(candidate)


# --- Query counts ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, recorded",
    [("program.json", False), ("program.json", True), ("program.ics", False)],
    ids=["json", "json-with-recordings", "ics"],
)
def test_export_query_count_is_flat(client, edition_2021, path, recorded, django_assert_max_num_queries):
    url = f"/motesplats/2021/{path}"
    add_sessions(edition_2021, 0, 10, recorded=recorded)
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as at_ten:
        response = client.get(url)
    assert response.status_code == 200
    assert len(at_ten.captured_queries) <= 20
    add_sessions(edition_2021, 10, 30, recorded=recorded)
    with django_assert_max_num_queries(len(at_ten.captured_queries)):
        response = client.get(url)
    if path == "program.json":
        sessions = json.loads(response.content)["sessions"]
        assert len(sessions) == 40
        assert all((session["recording"] is not None) == recorded for session in sessions)
        if recorded:
            assert all(len(session["recording"]["captions"]) == 2 for session in sessions)
    else:
        assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 40
