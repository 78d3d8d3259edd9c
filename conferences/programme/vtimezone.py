"""The site's time zone as an iCalendar VTIMEZONE with its yearly rules, so one calendar file is right in any year.

A VTIMEZONE that lists one year's transitions only (what icalendar's add_missing_timezones writes) leaves a reader to
guess other years, and vobject, which keeps one definition per TZID for the whole process, then shifts another year's
times by an hour. The conference runs on Swedish time (settings.TIME_ZONE, Europe/Stockholm): the EU's summer-time
rules since 1996, from 02:00 CET on the last Sunday of March to 03:00 CEST on the last Sunday of October.
tests/conferences/test_calendar_sync.py holds these rules against the zone database."""

from datetime import datetime, timedelta

from django.conf import settings
from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

CET = timedelta(hours=1)
CEST = timedelta(hours=2)


def _transition(component, name, onset, month, offset_from, offset_to):
    """`onset` is the local wall-clock time of the first transition under the rule (RFC 5545 §3.6.5)."""
    component.add("tzname", name)
    component.add("dtstart", onset)
    component.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
    component.add("tzoffsetfrom", offset_from)
    component.add("tzoffsetto", offset_to)
    return component


def site_vtimezone():
    zone = Timezone()
    zone.add("tzid", settings.TIME_ZONE)
    zone.add_component(_transition(TimezoneDaylight(), "CEST", datetime(1981, 3, 29, 2, 0), 3, CET, CEST))
    zone.add_component(_transition(TimezoneStandard(), "CET", datetime(1996, 10, 27, 3, 0), 10, CEST, CET))
    return zone
