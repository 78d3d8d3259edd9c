"""The organisers' admin listings of the programme (Mötesplats → Programpunkter) and of the programme changes
(Mötesplats → Programändringar): their query counts do not grow with the number of rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conferences.models import Session, SessionChange
from tests.conferences.factories import PersonFactory, at, create_session
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SESSIONS = reverse("wagtailsnippets_conferences_session:list")
CHANGES = reverse("sessionchange:index")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def add_sessions(edition, tracks, number, start, *, moved=False, drafts=False):
    """Sessions in both tracks (one in three a draft if drafts), each moved a few minutes after publishing if moved."""
    organisation = OrganisationFactory()
    for index in range(start, start + number):
        begins = at(edition.date, 7) + datetime.timedelta(minutes=10 * (index // 2))
        session = create_session(
            edition,
            f"Punkt {index}",
            begins,
            begins + datetime.timedelta(minutes=5),
            tracks[index % 2],
            speakers=[PersonFactory(organisation=organisation)],
            organisations=[organisation],
            live=not (drafts and index % 3 == 0),
        )
        if moved:
            session.start += datetime.timedelta(minutes=2)
            session.end += datetime.timedelta(minutes=2)
            session.save_revision().publish()


@pytest.mark.parametrize("query", ["", "?session_type=talk", "?q=punkt"])
def test_programme_items_listing_queries_are_flat(
    client, organiser, edition, tracks, query, django_assert_max_num_queries
):
    url = f"{SESSIONS}{query}"
    add_sessions(edition, tracks, 3, 0, drafts=True)
    client.get(url)  # warm up site and settings caches
    small = count_queries(client, url)
    add_sessions(edition, tracks, 30, 3, drafts=True)
    assert Session.objects.count() == 33
    with django_assert_max_num_queries(small):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 33


def test_programme_changes_listing_queries_are_flat(client, organiser, edition, tracks, django_assert_max_num_queries):
    add_sessions(edition, tracks, 3, 0, moved=True)
    client.get(CHANGES)
    small = count_queries(client, CHANGES)
    add_sessions(edition, tracks, 17, 3, moved=True)  # a full page of 20
    assert SessionChange.objects.count() == 20
    with django_assert_max_num_queries(small):
        response = client.get(CHANGES)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 20
    assert "Punkt 19" in response.content.decode()


def test_the_programme_items_search_finds_part_of_a_word(client, organiser, edition, tracks):
    add_sessions(edition, tracks, 2, 0)
    Session.objects.filter(title="Punkt 1").update(title="AI-verkstad för chefer")

    response = client.get(f"{SESSIONS}?q=verks")

    assert [session.title for session in response.context["object_list"]] == ["AI-verkstad för chefer"]
