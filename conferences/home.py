"""The conference on the start page: the next edition (date, place, theme, programme, registration while it is
open) or, when none is announced, the latest one with a link to its recordings.

Only published editions that anyone may see are shown: the start page is the same for everyone and is cached for
anonymous visitors. Registration opening or closing does not purge that cache; like the edition page's own
registration box, the start page may say so up to PAGE_CACHE_SECONDS late.
"""

from urllib.parse import urlencode

from django.utils import timezone

from arena.home_sections import HomeSection
from conferences.models import ConferenceSeriesPage
from conferences.registration.pages import window_summary

TEMPLATE = "conferences/includes/home_conference.html"


def conference_section(request):
    series = ConferenceSeriesPage.objects.live().public().first()
    if series is None:
        return None
    today = timezone.localdate()
    editions = series.editions()
    upcoming = editions.filter(date__gte=today).order_by("date", "pk").first()
    if upcoming is not None:
        return HomeSection(
            TEMPLATE,
            {"edition": upcoming, "series": series, "upcoming": True, "window": window_summary(upcoming)},
        )
    latest = editions.filter(date__lt=today).order_by("-date", "-pk").first()
    if latest is None:
        return None
    recordings_url = None
    if series.recordings().filter(session__edition=latest).exists():
        # The archive filtered to the edition's year (its ?ar= filter takes the year).
        recordings_url = "{}{}?{}".format(
            series.get_url(request), series.reverse_subpage("recordings_route"), urlencode({"ar": latest.year})
        )
    return HomeSection(
        TEMPLATE, {"edition": latest, "series": series, "upcoming": False, "recordings_url": recordings_url}
    )
