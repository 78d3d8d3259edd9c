"""The conference in the site search (/sok/, conferences.search on arena's search hook): published sessions by title,
abstract and speaker, recordings by transcript; only what an anonymous visitor may see."""

import re

import pytest
from wagtail.models import PageViewRestriction

from tests.conferences.factories import PersonFactory, at, create_edition, create_session
from tests.factories import OrganisationFactory
from tests.helpers.recordings import create_recording

pytestmark = pytest.mark.django_db


def results(response):
    """(title, url, meta) of each ordinary result, in order."""
    html = response.content.decode()
    return re.findall(
        r'<h3 class="search-result__title"><a href="([^"]*)">([^<]*)</a></h3>\s*<p class="search-result__meta">([^<]*)',
        html,
    )


def titles(response):
    return [title for _url, title, _meta in results(response)]


def test_a_published_session_is_found_by_title_abstract_and_speaker(client, edition):
    org = OrganisationFactory(name="Kretslopp och vatten")
    speaker = PersonFactory(name="Greta Vattenström", organisation=org)
    abstract = "Hur mätdata om ledningsnätet används."
    create_session(edition, "Sensorer i avloppsnätet", abstract=abstract, speakers=[speaker])

    by_title = results(client.get("/sok/", {"q": "avloppsnätet"}))
    assert by_title == [
        (
            "/motesplats/2021/program/" + by_title[0][0].split("/program/")[1],
            "Sensorer i avloppsnätet",
            "Programpunkt · Kretslopp och vatten",
        )
    ]
    assert titles(client.get("/sok/", {"q": "ledningsnätet"})) == ["Sensorer i avloppsnätet"]
    assert titles(client.get("/sok/", {"q": "Vattenström"})) == ["Sensorer i avloppsnätet"]
    session_page = client.get(by_title[0][0])
    assert session_page.status_code == 200


def test_drafts_and_sessions_of_unpublished_or_restricted_editions_are_not_found(client, series, edition):
    create_session(edition, "Utkast om kvantdatorer", live=False)
    hidden = create_edition(series, year=2023, title="Intern konferens 2023")
    create_session(hidden, "Internt om kvantdatorer", start=at(hidden.date, 9))
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    unpublished = create_edition(series, year=2024, title="Planerad konferens 2024")
    create_session(unpublished, "Planerat om kvantdatorer", start=at(unpublished.date, 9))
    unpublished.unpublish()

    response = client.get("/sok/", {"q": "kvantdatorer"})

    assert response.status_code == 200
    assert titles(response) == []


def test_a_word_said_in_a_recording_finds_its_transcript(client, edition):
    session = create_session(edition, "Planen i praktiken", abstract="Om planen.")
    create_recording(session, transcript="Vi pratar om hur trygghetslarmen i hemtjänsten blev digitala.")

    response = client.get("/sok/", {"q": "trygghetslarmen"})

    assert response.status_code == 200
    found = results(response)
    assert [(title, meta) for _url, title, meta in found] == [("Inspelning: Planen i praktiken", "Inspelning")]
    assert found[0][0].endswith("#recording-heading")
    assert "typ=recording" in response.content.decode()


def test_recordings_of_drafts_and_of_do_not_record_sessions_are_not_found(client, edition):
    draft = create_session(edition, "Utkast", live=False)
    create_recording(draft, transcript="Trygghetslarmen i ett utkast.")
    not_recorded = create_session(edition, "Inte inspelad", do_not_record=True, start=at(edition.date, 10))
    create_recording(not_recorded, transcript="Trygghetslarmen som inte fick spelas in.")

    assert titles(client.get("/sok/", {"q": "trygghetslarmen"})) == []


@pytest.mark.postgres
def test_transcript_search_uses_swedish_stemming_and_highlights(client, edition):
    session = create_session(edition, "Planen i praktiken")
    create_recording(session, transcript="Här berättar vi om digitalisering i stadens förvaltningar.")

    html = client.get("/sok/", {"q": "digitaliseringen", "typ": "recording"}).content.decode()

    assert "Inspelning: Planen i praktiken" in html
    assert "<mark>digitalisering</mark> i stadens förvaltningar" in html


def test_query_count_is_the_same_for_few_and_many_sessions_and_recordings(
    client, edition, django_assert_max_num_queries
):
    def add(count, start):
        for number in range(start, start + count):
            speaker = PersonFactory(organisation=OrganisationFactory())
            begins = at(edition.date, 8 + number // 4, (number % 4) * 15)
            session = create_session(edition, f"Kvantdatorer {number}", start=begins, speakers=[speaker], clean=False)
            create_recording(session, captions=(), transcript="Om kvantdatorer i staden.")

    add(6, 0)
    client.get("/sok/", {"q": "kvantdatorer"})
    with django_assert_max_num_queries(40) as few:
        assert client.get("/sok/", {"q": "kvantdatorer", "sida": 2}).status_code == 200
    add(24, 6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/sok/", {"q": "kvantdatorer", "sida": 2})
    assert response.status_code == 200
    assert "60 träffar" in response.content.decode()
