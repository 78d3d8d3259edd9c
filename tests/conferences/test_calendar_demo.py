"""The demo's 2021 and 2027 programmes read in one process by both icalendar and vobject: vobject keeps one time
zone definition per TZID for the whole process, so a one-year VTIMEZONE from the first file shifted the second
file's times by an hour. Its own module: the seeded demo lasts the whole module, and the calendar-sync tests build
editions of their own."""

from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from conferences.models import Session
from tests.helpers.demo import demo_seeded
from tests.helpers.programme import events, ics

STOCKHOLM = ZoneInfo("Europe/Stockholm")


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
