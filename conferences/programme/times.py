"""Conference times are stored in UTC and always read in the site's zone (settings.TIME_ZONE, Europe/Stockholm),
whatever zone the request, the admin user or the worker happens to have active."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def site_zone():
    return ZoneInfo(settings.TIME_ZONE)


def site_time(value):
    """`value` (aware) as a wall-clock time in the site's zone."""
    return timezone.localtime(value, site_zone())
