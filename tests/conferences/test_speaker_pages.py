"""A speaker's page under an edition (/motesplats/<year>/talare/<slug>/): it exists only for a speaker with a
published session in that edition, its list of sessions across the years shows only published sessions of
published editions open to everyone, and its query count does not grow with the sessions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.conferences.factories import PersonFactory, at, create_edition, create_session

pytestmark = pytest.mark.django_db

OCT_20 = datetime.date(2021, 10, 20)


def html(response):
    return response.content.decode()


@pytest.fixture
def speaker(db):
    return PersonFactory(name="Amira Haddad", slug="amira-haddad")


@pytest.fixture
def edition_2022(series):
    return create_edition(series, year=2022, date=datetime.date(2022, 10, 12))


def test_a_speaker_of_another_year_has_no_page_under_this_year(client, edition, edition_2022, speaker):
    create_session(edition, "Något annat 2021", at(OCT_20, 9), at(OCT_20, 10))
    create_session(edition_2022, "Bara 2022", at(edition_2022.date, 9), at(edition_2022.date, 10), speakers=[speaker])
    assert client.get("/motesplats/2022/talare/amira-haddad/").status_code == 200
    response = client.get("/motesplats/2021/talare/amira-haddad/")
    assert response.status_code == 404
    assert "Bara 2022" not in html(response)


def test_a_speaker_with_only_a_draft_session_in_this_edition_has_no_page(client, edition, speaker):
    create_session(edition, "Ett utkast", at(OCT_20, 9), at(OCT_20, 10), speakers=[speaker], live=False)
    assert client.get("/motesplats/2021/talare/amira-haddad/").status_code == 404


def test_a_speaker_whose_only_session_is_in_an_unpublished_edition_has_no_page(client, edition, edition_2022, speaker):
    create_session(edition, "Något annat 2021", at(OCT_20, 9), at(OCT_20, 10))
    create_session(
        edition_2022, "Opublicerad dag", at(edition_2022.date, 9), at(edition_2022.date, 10), speakers=[speaker]
    )
    edition_2022.unpublish()
    for url in ("/motesplats/2021/talare/amira-haddad/", "/motesplats/2022/talare/amira-haddad/"):
        assert client.get(url).status_code == 404, url


def test_an_unknown_speaker_is_a_404(client, edition):
    create_session(edition, "Något", at(OCT_20, 9), at(OCT_20, 10))
    response = client.get("/motesplats/2021/talare/finns-inte/")
    assert response.status_code == 404


def test_sessions_across_years_show_only_published_sessions_of_published_public_editions(
    client, series, edition, speaker
):
    create_session(edition, "Publicerad 2021", at(OCT_20, 9), at(OCT_20, 10), speakers=[speaker])
    create_session(edition, "Utkast 2021", at(OCT_20, 11), at(OCT_20, 12), speakers=[speaker], live=False)
    later = create_edition(series, year=2022, date=datetime.date(2022, 10, 12))
    create_session(later, "Publicerad 2022", at(later.date, 9), at(later.date, 10), speakers=[speaker])
    unpublished = create_edition(series, year=2023, date=datetime.date(2023, 10, 11))
    create_session(
        unpublished, "I en opublicerad dag", at(unpublished.date, 9), at(unpublished.date, 10), speakers=[speaker]
    )
    unpublished.unpublish()
    private = create_edition(series, year=2024, date=datetime.date(2024, 10, 9))
    create_session(private, "Bara för inloggade", at(private.date, 9), at(private.date, 10), speakers=[speaker])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/motesplats/2021/talare/amira-haddad/")
    assert response.status_code == 200
    content = html(response)
    assert content.index("Publicerad 2022") < content.index("Publicerad 2021")
    for hidden in ("Utkast 2021", "I en opublicerad dag", "Bara för inloggade"):
        assert hidden not in content, hidden
    assert [session.title for session in response.context["speaker"].sessions] == ["Publicerad 2022", "Publicerad 2021"]


def test_a_restricted_edition_lists_its_own_sessions_to_those_let_in(client, series, speaker, staff):
    private = create_edition(series, year=2024, date=datetime.date(2024, 10, 9))
    create_session(private, "Bara för inloggade", at(private.date, 9), at(private.date, 10), speakers=[speaker])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/motesplats/2024/talare/amira-haddad/").status_code == 302  # to the login page
    client.force_login(staff)
    response = client.get("/motesplats/2024/talare/amira-haddad/")
    assert response.status_code == 200
    assert "Bara för inloggade" in html(response)


# --- Query counts -----------------------------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_speaker_page_queries_do_not_grow_with_sessions(
    client, series, edition, tracks, speaker, django_assert_max_num_queries
):
    create_session(edition, "Den första", at(OCT_20, 8), at(OCT_20, 8, 5), tracks[0], speakers=[speaker])
    url = "/motesplats/2021/talare/amira-haddad/"
    client.get(url)  # warm up site and settings caches
    small = count_queries(client, url)

    # Ten more: in this edition, in both tracks, and in two other years (each with its own URL to build).
    for index in range(4):
        start = at(OCT_20, 9) + datetime.timedelta(minutes=10 * index)
        create_session(
            edition,
            f"Punkt {index}",
            start,
            start + datetime.timedelta(minutes=5),
            tracks[index % 2],
            speakers=[speaker],
        )
    for year in (2022, 2023):
        other = create_edition(series, year=year)
        for index in range(3):
            start = at(other.date, 9) + datetime.timedelta(minutes=10 * index)
            create_session(
                other,
                f"Punkt {year}-{index}",
                start,
                start + datetime.timedelta(minutes=5),
                other.tracks.first(),
                speakers=[speaker],
            )

    with django_assert_max_num_queries(small):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["speaker"].sessions) == 11
