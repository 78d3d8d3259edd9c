"""Session.objects.for_user: organisers see drafts too; everyone else sees published sessions of published
editions only."""

import pytest
from django.contrib.auth.models import AnonymousUser

from conferences.models import Session
from tests.conferences.factories import at, create_session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_staff_and_visitors_see_published_sessions_organisers_drafts_too(edition, organiser):
    published = create_session(edition, "Öppningen", start=at(edition.date, 9))
    draft = create_session(edition, "Hemligt utkast", start=at(edition.date, 11), live=False)

    for user in (AnonymousUser(), UserFactory()):
        assert list(Session.objects.for_user(user)) == [published]
    assert set(Session.objects.for_user(organiser)) == {published, draft}


def test_sessions_of_an_unpublished_edition_are_hidden_from_staff(edition, organiser):
    session = create_session(edition, "Öppningen", start=at(edition.date, 9))
    edition.unpublish()

    assert not Session.objects.for_user(UserFactory()).exists()
    assert list(Session.objects.for_user(organiser)) == [session]
