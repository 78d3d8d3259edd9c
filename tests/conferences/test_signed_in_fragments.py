"""The conference pages' cached fragments for signed-in visitors (arena.fragments, {% fragment %}): with the caches on
and warm, a published programme change (a new time, another room, a new speaker) and an unpublished session show on
the programme and edition pages at once; a registration is shown to the registering user and never to another user,
because the personal parts of the registration page stay outside the fragments."""

import datetime

import pytest
from django.test import Client

from conferences.models import Session
from conferences.models.sessions import SessionSpeaker
from conferences.registration import rules
from tests.conferences.factories import PersonFactory, at, create_session
from tests.factories import UserFactory
from tests.helpers.registrations import open_edition

pytestmark = [pytest.mark.usefixtures("caches_on"), pytest.mark.django_db, pytest.mark.redis]

OCT_20 = datetime.date(2021, 10, 20)


@pytest.fixture
def staff(db):
    client = Client()
    client.force_login(UserFactory())
    return client


@pytest.fixture
def keynote(edition, tracks):
    speaker = PersonFactory(name="Amira Haddad", slug="amira-haddad")
    return create_session(
        edition,
        "Kunskapsarenan lanseras",
        at(OCT_20, 9),
        at(OCT_20, 9, 45),
        tracks[0],
        speakers=[speaker],
        is_featured=True,
    )


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def warm(client, *paths):
    for path in paths:
        page(client, path)
        page(client, path)


def publish_changes(session, **changes):
    """Change a published session the way the admin does: a revision, then Publish."""
    session = Session.objects.get(pk=session.pk)
    for name, value in changes.items():
        setattr(session, name, value)
    session.save_revision().publish()


PROGRAMME, EDITION = "/motesplats/2021/program/", "/motesplats/2021/"


def test_a_new_time_shows_at_once_on_the_programme_and_the_edition_page(staff, keynote):
    warm(staff, PROGRAMME, EDITION)
    assert "09:00" in page(staff, PROGRAMME)
    publish_changes(keynote, start=at(OCT_20, 11), end=at(OCT_20, 11, 30))
    programme = page(staff, PROGRAMME)
    assert "11:00" in programme
    assert "Programändringar" in programme
    edition = page(staff, EDITION)
    assert "11:00" in edition
    assert "09:00" not in edition


def test_another_room_shows_at_once(staff, keynote, tracks):
    warm(staff, PROGRAMME, EDITION)
    assert "Sal B" not in page(staff, PROGRAMME)
    publish_changes(keynote, track=tracks[1])
    assert "Sal B" in page(staff, PROGRAMME)
    assert "Sal B" in page(staff, EDITION)


def test_a_new_speaker_shows_at_once(staff, keynote):
    warm(staff, PROGRAMME, EDITION, "/motesplats/2021/talare/")
    newcomer = PersonFactory(name="Bengt Nyström", slug="bengt-nystrom")
    session = Session.objects.get(pk=keynote.pk)
    session.session_speakers = [
        *session.session_speakers.all(),
        SessionSpeaker(person=newcomer, sort_order=1),
    ]
    session.save_revision().publish()
    assert "Bengt Nyström" in page(staff, PROGRAMME)
    assert "Bengt Nyström" in page(staff, EDITION)
    assert "Bengt Nyström" in page(staff, "/motesplats/2021/talare/")
    assert "Bengt Nyström" in page(staff, f"/motesplats/2021/program/{keynote.code}/")


def test_an_unpublished_session_leaves_at_once(staff, keynote):
    session_path = f"/motesplats/2021/program/{keynote.code}/"
    warm(staff, PROGRAMME, EDITION, session_path)
    Session.objects.get(pk=keynote.pk).unpublish()
    assert "Kunskapsarenan lanseras" not in page(staff, PROGRAMME)
    assert "Kunskapsarenan lanseras" not in page(staff, EDITION)
    assert staff.get(session_path).status_code == 404


def test_a_registration_shows_to_its_user_and_never_to_another(series):
    upcoming = open_edition(series)
    registration_path = f"/motesplats/{upcoming.year}/anmalan/"
    edition_path = f"/motesplats/{upcoming.year}/"
    attendee, colleague = UserFactory(), UserFactory()
    attendee_client, colleague_client = Client(), Client()
    attendee_client.force_login(attendee)
    colleague_client.force_login(colleague)
    warm(attendee_client, registration_path, edition_path)
    warm(colleague_client, registration_path, edition_path)
    rules.register_for_day(attendee, upcoming)

    mine = page(attendee_client, registration_path)
    assert "Konferensdagen" in mine
    assert "Du är inte anmäld till den här konferensdagen." not in mine
    theirs = page(colleague_client, registration_path)
    assert "Konferensdagen" not in theirs
    assert "Du är inte anmäld till den här konferensdagen." in theirs
    # The edition page's fragments are shared by everyone and say nothing about who is registered.
    for client in (attendee_client, colleague_client):
        edition = page(client, edition_path)
        assert "Konferensdagen" not in edition
        assert "Du är anmäld" not in edition


def test_each_filter_of_the_programme_has_its_own_fragment(staff, keynote, edition, tracks):
    create_session(
        edition, "Verkstad om AI", at(OCT_20, 10), at(OCT_20, 11), tracks[1], session_type=Session.Type.WORKSHOP
    )
    warm(staff, PROGRAMME)
    workshops = page(staff, PROGRAMME + "?typ=workshop")
    assert "Verkstad om AI" in workshops
    assert "Kunskapsarenan lanseras" not in workshops
    whole = page(staff, PROGRAMME)
    assert "Verkstad om AI" in whole
    assert "Kunskapsarenan lanseras" in whole
    bad = staff.get(PROGRAMME + "?typ=ingen")
    assert bad.status_code == 400
    assert staff.get(PROGRAMME + "?typ=ingen").status_code == 400
