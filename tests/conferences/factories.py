"""Factories for conference tests: a series page under the home page, an edition with tracks, and sessions.

Sessions are snippets with draft/publish: ``create_session(..., live=False)`` leaves an unpublished draft, the
default publishes a revision the way the admin's "Publish" button does.
"""

import datetime
import itertools
import zoneinfo

from django.utils.text import slugify

from arena.demo.seed import ensure_home_page
from conferences.models import ConferenceEditionPage, ConferenceSeriesPage, EditionTrack, Session
from conferences.models.sessions import SessionSpeaker
from tests.blogs.factories import FocusAreaFactory, PersonFactory  # noqa: F401 (re-exported for the tests)

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
SERIES_TITLE = "Mötesplats digitalisering och innovation"
_codes = itertools.count(1)


def at(day, hour, minute=0):
    """An aware datetime on `day` at hour:minute Swedish time."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=STOCKHOLM)


def create_series(home=None, **fields):
    home = home or ensure_home_page()
    existing = ConferenceSeriesPage.objects.first()
    if existing is not None:
        return existing
    fields.setdefault("title", SERIES_TITLE)
    fields.setdefault("slug", "motesplats")
    fields.setdefault("intro", "Stadens årliga konferens om digitalisering och innovation för medarbetare.")
    return home.add_child(instance=ConferenceSeriesPage(**fields))


def create_edition(series, year=2021, date=None, tracks=(("Stora salen", "Sal A"), ("Lilla salen", "Sal B")), **fields):
    """A published edition with the given tracks, e.g. the first conference on 20 October 2021."""
    date = date or (datetime.date(2021, 10, 20) if year == 2021 else datetime.date(year, 10, 15))
    fields.setdefault("title", f"Mötesplats digitalisering och innovation {year}")
    fields.setdefault("slug", str(year))
    fields.setdefault("theme", "Digitalisering som gör skillnad")
    fields.setdefault("intro", "En dag med lärande exempel från stadens förvaltningar och bolag.")
    fields.setdefault("format", ConferenceEditionPage.Format.DIGITAL)
    edition = ConferenceEditionPage(year=year, date=date, **fields)
    edition.tracks = [EditionTrack(name=name, room=room, sort_order=order) for order, (name, room) in enumerate(tracks)]
    series.add_child(instance=edition)
    edition.save_revision().publish()
    edition.refresh_from_db()
    return edition


def create_session(
    edition,
    title=None,
    start=None,
    end=None,
    track=None,
    *,
    speakers=(),
    live=True,
    code=None,
    session_type=Session.Type.TALK,
    focus_areas=(),
    organisations=(),
    clean=True,
    **fields,
):
    """A session in `edition`; published (a revision published) unless live=False, which leaves a draft.

    The revision is validated like the admin does (clean=True): one session at a time per track, on the day.
    """
    number = next(_codes)
    title = title or f"Session {number}"
    start = start or at(edition.date, 9)
    end = end or start + datetime.timedelta(minutes=30)
    session = Session(
        edition=edition,
        title=title,
        code=code or f"{slugify(title)[:60]}-{number}",
        start=start,
        end=end,
        track=track,
        session_type=session_type,
        live=False,
        **fields,
    )
    session.session_speakers = [SessionSpeaker(person=person, sort_order=i) for i, person in enumerate(speakers)]
    session.focus_areas = list(focus_areas)
    session.organisations = list(organisations)
    session.save()
    revision = session.save_revision(clean=clean)
    if live:
        revision.publish()
    session.refresh_from_db()
    return session
