"""Builders for the programme export tests: editions and sessions published through revisions, as organisers do,
and many sessions at once for the query-count tests."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from arena.models import FocusArea, Person
from conferences.models import (
    ConferenceEditionPage,
    EditionTrack,
    Recording,
    RecordingCaption,
    Session,
    SessionSpeaker,
)
from tests.factories import OrganisationFactory

STHLM = ZoneInfo("Europe/Stockholm")


def make_edition(series, year, day, tracks=(("Stora scenen", "Sal A"),)):
    edition = series.add_child(
        instance=ConferenceEditionPage(
            title="Mötesplats digitalisering och innovation", slug=str(year), year=year, date=day, theme="Vi växer"
        )
    )
    for index, (name, room) in enumerate(tracks):
        EditionTrack(page=edition, name=name, room=room, sort_order=index).save()
    edition.save_revision().publish()
    return ConferenceEditionPage.objects.get(pk=edition.pk)


def make_session(edition, code, title, start, end, *, track=None, publish=True, speakers=(), **fields):
    """A session with speakers in the given order; published unless publish=False (then a draft, never live)."""
    session = Session(
        edition=edition, code=code, title=title, start=start, end=end, track=track, live=publish, **fields
    )
    session.save()
    for index, person in enumerate(speakers):
        SessionSpeaker(session=session, person=person, sort_order=index).save()
    revision = session.save_revision()
    if publish:
        revision.publish()
    return Session.objects.get(pk=session.pk)


def add_sessions(edition, first, count, *, recorded=False):
    """`count` published sessions with two speakers, an organisation and a focus area each; with recorded=True
    each also has a recording with two caption tracks."""
    tracks = list(edition.tracks.order_by("sort_order"))
    organisation = OrganisationFactory()
    area, _ = FocusArea.objects.get_or_create(slug="innovation", defaults={"name": "Innovation"})
    day = datetime.combine(edition.date, datetime.min.time(), tzinfo=STHLM)
    for number in range(first, first + count):
        start = day + timedelta(hours=8, minutes=5 * (number // len(tracks)))
        session = Session.objects.create(
            edition=edition,
            code=f"pass-{number}",
            title=f"Pass {number}",
            start=start,
            end=start + timedelta(minutes=5),
            track=tracks[number % len(tracks)],
            live=True,
        )
        for index in range(2):
            person = Person.objects.create(
                name=f"Talare {number}-{index}", slug=f"talare-{number}-{index}", organisation=organisation
            )
            SessionSpeaker.objects.create(session=session, person=person, sort_order=index)
        session.organisations.add(organisation)
        session.focus_areas.add(area)
        session.save()
        if recorded:
            recording = Recording.objects.create(session=session, video=f"recordings/pass-{number}.webm")
            for index, language in enumerate(("sv", "en")):
                RecordingCaption.objects.create(
                    recording=recording, language=language, sort_order=index, file=f"recordings/captions/{number}.vtt"
                )
