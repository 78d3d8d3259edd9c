"""iCalendar that calendars can keep in sync: UIDs from the configured public address, DTSTAMP, CREATED,
LAST-MODIFIED and a SEQUENCE that rises with every published time change (the download and the "Ny tid" e-mail
agree), a VTIMEZONE with yearly rules, a calendar name without the year twice, and a webcal:// link to subscribe.

The demo's 2021 and 2027 programmes are read in one process by both icalendar and vobject: vobject keeps one time
zone definition per TZID for the whole process, so a one-year VTIMEZONE from the first file shifted the second
file's times by an hour."""

import datetime
import re
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from django.test import override_settings

from conferences.models import Session
from conferences.registration import rules
from tests.conferences.factories import at
from tests.factories import UserFactory
from tests.helpers.demo import demo_seeded
from tests.helpers.registrations import create_workshop, open_edition

STOCKHOLM = ZoneInfo("Europe/Stockholm")
PUBLIC = "https://kunskapsarenan.goteborg.example"
HOSTS = ["testserver", "annan-vard.example", "kunskapsarenan.goteborg.example"]


def ics(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


def events(content):
    return {str(event["UID"]): event for event in icalendar.Calendar.from_ical(content).walk("VEVENT")}


# --- The demo's programmes, read by two parsers in one process ------------------------------------------------


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_seeded(django_db_blocker, tmp_path_factory.mktemp("demo-media")) as result:
        yield result


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_demo_programmes_of_two_years_read_right_in_icalendar_and_vobject(seeded, client):
    files = {year: ics(client, f"/motesplats/{year}/program.ics").decode() for year in (2021, 2027)}
    for year, text in files.items():
        expected = {
            session.get_url(): (session.start.astimezone(UTC), session.end.astimezone(UTC))
            for session in Session.objects.filter(edition__year=year, live=True).select_related("edition")
        }
        assert expected, year
        read_by_icalendar = {
            str(event["URL"]).removeprefix("http://testserver"): (
                event.decoded("DTSTART").astimezone(UTC),
                event.decoded("DTEND").astimezone(UTC),
            )
            for event in icalendar.Calendar.from_ical(text).walk("VEVENT")
        }
        assert read_by_icalendar == expected, year
        read_by_vobject = {
            event.url.value.removeprefix("http://testserver"): (
                event.dtstart.value.astimezone(UTC),
                event.dtend.value.astimezone(UTC),
            )
            for event in vobject.readOne(text).vevent_list
        }
        assert read_by_vobject == expected, year
    # October 2021 is summer time (+02:00) in Sweden: a session at 09:00 starts at 07:00 UTC.
    opening = Session.objects.get(edition__year=2021, code="valkommen")
    assert opening.start.astimezone(STOCKHOLM).utcoffset() == timedelta(hours=2)
    assert opening.start.astimezone(UTC).hour == opening.start.astimezone(STOCKHOLM).hour - 2


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_demo_calendar_is_named_once_by_year(seeded, client):
    calendar = icalendar.Calendar.from_ical(ics(client, "/motesplats/2021/program.ics"))
    assert str(calendar["X-WR-CALNAME"]) == "Mötesplats digitalisering och innovation 2021"


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_demo_programme_change_raised_the_sequence(seeded, client):
    moved = Session.objects.get(edition__year=2021, code="innovation-for-naringslivet")
    assert moved.changes.count() == 1 and moved.sequence == 1
    by_url = {str(event["URL"]): event for event in events(ics(client, "/motesplats/2021/program.ics")).values()}
    assert by_url[f"http://testserver{moved.get_url()}"]["SEQUENCE"] == 1
    assert {event["SEQUENCE"] for url, event in by_url.items() if not url.endswith(f"/{moved.code}/")} == {0}


# --- VTIMEZONE -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_time_zone_has_yearly_rules_that_match_the_zone_database(client, series):
    edition = open_edition(series)
    create_workshop(edition, "AI-verkstad", 9, 10)
    calendar = icalendar.Calendar.from_ical(ics(client, f"/motesplats/{edition.year}/program.ics"))
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Stockholm"
    rules_by_kind = {component.name: component for component in zone.subcomponents}
    assert set(rules_by_kind) == {"STANDARD", "DAYLIGHT"}
    assert rules_by_kind["DAYLIGHT"]["RRULE"] == {"FREQ": ["YEARLY"], "BYMONTH": [3], "BYDAY": ["-1SU"]}
    assert rules_by_kind["STANDARD"]["RRULE"] == {"FREQ": ["YEARLY"], "BYMONTH": [10], "BYDAY": ["-1SU"]}

    # Read back by vobject, the rules give the zone database's offset at every hour around each change, any year.
    (vzone,) = vobject.readOne(calendar.to_ical().decode()).vtimezone_list
    tzinfo = vzone.gettzinfo()
    for year in range(2000, 2041):
        for month in (3, 10):
            last_day = datetime.datetime(year, month, 31, tzinfo=UTC)
            for hours in range(-72, 24):
                moment = last_day + timedelta(hours=hours)
                assert moment.astimezone(tzinfo).utcoffset() == moment.astimezone(STOCKHOLM).utcoffset(), moment


# --- UIDs, stamps and the sequence -----------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(PUBLIC_BASE_URL=PUBLIC, ALLOWED_HOSTS=HOSTS)
def test_uids_are_the_same_whatever_host_the_request_carries(client, series):
    edition = open_edition(series)
    create_workshop(edition, "AI-verkstad", 9, 10)
    create_workshop(edition, "Öppna data", 13, 14)
    path = f"/motesplats/{edition.year}/program.ics"
    first, second = (set(events(ics(client, path, HTTP_HOST=host))) for host in ("annan-vard.example", "testserver"))
    assert first == second and len(first) == 2
    assert all(uid.endswith("@kunskapsarenan.goteborg.example") for uid in first)


@pytest.mark.django_db
def test_every_event_carries_its_stamps_and_sequence(client, series):
    edition = open_edition(series)
    workshop = create_workshop(edition, "AI-verkstad", 9, 10)
    content = ics(client, f"/motesplats/{edition.year}/program.ics")
    (event,) = events(content).values()
    assert event["SEQUENCE"] == 0
    # iCalendar times have whole seconds.
    assert event.decoded("CREATED") == workshop.created_at.replace(microsecond=0)
    assert event.decoded("LAST-MODIFIED") == workshop.updated_at.replace(microsecond=0)
    # A download has no METHOD, so DTSTAMP is the last modification (RFC 5545 §3.8.7.2).
    assert event.decoded("DTSTAMP") == workshop.updated_at.replace(microsecond=0)
    for name in (b"CREATED", b"LAST-MODIFIED", b"DTSTAMP"):  # in UTC, as RFC 5545 requires of these three
        assert re.search(rb"\r\n" + name + rb":\d{8}T\d{6}Z\r\n", content), name


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what is queued on commit (the "Ny tid" e-mail's Celery task, eager in tests)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def mail_event(message):
    (attachment,) = [item for item in message.attachments if item[2].startswith("text/calendar")]
    (event,) = icalendar.Calendar.from_ical(attachment[1]).walk("VEVENT")
    return event


@pytest.mark.django_db
def test_the_sequence_rises_with_each_published_time_change_and_the_mail_agrees(client, series, commit, mailoutbox):
    edition = open_edition(series)
    workshop = create_workshop(edition, "AI-verkstad", 10, 11, code="ai-verkstad")
    rules.register_for_session(UserFactory(email="maja.lind@exempel.test"), workshop)
    path = f"/motesplats/{edition.year}/program/ai-verkstad.ics"

    for number, hour in enumerate((13, 15), start=1):
        workshop = Session.objects.get(pk=workshop.pk)
        before = workshop.updated_at
        with commit():
            workshop.start, workshop.end = at(edition.date, hour), at(edition.date, hour + 1)
            workshop.save_revision().publish()
        (downloaded,) = events(ics(client, path)).values()
        mailed = mail_event(mailoutbox[-1])
        assert mailoutbox[-1].subject == "Ny tid: AI-verkstad"
        assert downloaded["SEQUENCE"] == mailed["SEQUENCE"] == number
        assert str(downloaded["UID"]) == str(mailed["UID"])
        assert downloaded.decoded("DTSTART") == mailed.decoded("DTSTART") == at(edition.date, hour)
        modified = Session.objects.get(pk=workshop.pk).updated_at
        assert modified > before
        assert downloaded.decoded("LAST-MODIFIED") == modified.replace(microsecond=0)
        assert mailed.decoded("CREATED") == downloaded.decoded("CREATED")

    # A title change is no time change, and a draft of a new time is not published: neither raises it.
    workshop = Session.objects.get(pk=workshop.pk)
    workshop.title = "AI-verkstaden"
    workshop.save_revision().publish()
    workshop = Session.objects.get(pk=workshop.pk)
    workshop.start, workshop.end = at(edition.date, 8), at(edition.date, 9)
    workshop.save_revision()
    (downloaded,) = events(ics(client, path)).values()
    assert downloaded["SEQUENCE"] == 2
    assert downloaded.decoded("DTSTART") == at(edition.date, 15)
    assert str(downloaded["SUMMARY"]) == "AI-verkstaden"


@pytest.mark.django_db
def test_a_revision_saved_before_a_time_change_does_not_take_the_sequence_back(client, series):
    edition = open_edition(series)
    workshop = create_workshop(edition, "AI-verkstad", 10, 11, code="ai-verkstad")
    stale = Session.objects.get(pk=workshop.pk)
    stale.title = "AI-verkstad (utkast)"
    stale_revision = stale.save_revision()
    moved = Session.objects.get(pk=workshop.pk)
    moved.start, moved.end = at(edition.date, 13), at(edition.date, 14)
    moved.save_revision().publish()
    assert Session.objects.get(pk=workshop.pk).sequence == 1
    # Publishing the older draft moves the session back to 10:00: a time change again, so 2, never 0 or 1.
    stale_revision.publish()
    assert Session.objects.get(pk=workshop.pk).sequence == 2
    (event,) = events(ics(client, f"/motesplats/{edition.year}/program/ai-verkstad.ics")).values()
    assert event["SEQUENCE"] == 2
    assert event.decoded("DTSTART") == at(edition.date, 10)


@pytest.mark.django_db
def test_the_day_in_the_confirmation_carries_the_sessions_sequence(series, commit, mailoutbox):
    edition = open_edition(series)
    workshop = create_workshop(edition, "AI-verkstad", 10, 11)
    workshop.start, workshop.end = at(edition.date, 13), at(edition.date, 14)
    workshop.save_revision().publish()
    with commit():
        rules.register_for_day(UserFactory(email="maja.lind@exempel.test"), edition)
    event = mail_event(mailoutbox[-1])
    assert event["SEQUENCE"] == 1
    assert all(name in event for name in ("DTSTAMP", "CREATED", "LAST-MODIFIED"))


# --- The programme page offers the formats ---------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(PUBLIC_BASE_URL=PUBLIC, ALLOWED_HOSTS=HOSTS)
def test_the_programme_page_links_every_format(client, series):
    edition = open_edition(series)
    create_workshop(edition, "AI-verkstad", 10, 11)
    response = client.get(f"/motesplats/{edition.year}/program/", HTTP_HOST="annan-vard.example")
    assert response.status_code == 200
    html = response.content.decode()
    base = f"/motesplats/{edition.year}/"
    assert f'href="webcal://kunskapsarenan.goteborg.example{base}program.ics"' in html
    for name, kind in (
        ("program.ics", "text/calendar"),
        ("program.json", "application/json"),
        ("schedule.xml", "application/xml"),
        ("schedule.json", "application/json"),
    ):
        assert f'<a href="{base}{name}">' in html, name
        assert f'<link rel="alternate" type="{kind}" href="{base}{name}"' in html, name
