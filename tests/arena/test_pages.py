"""The arena's own pages: home, standard pages, the accessibility statement with its report form, search."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from arena.demo.seed import ensure_home_page, seed_arena_pages
from arena.forms import MULTILINE_MAX_LENGTH
from arena.models import StandardPage
from tests.factories import OrganisationFactory


@pytest.fixture
def home(db):
    home = ensure_home_page()
    seed_arena_pages(home)
    return home


@pytest.mark.django_db
def test_home_page_lists_the_organisations(client, home):
    OrganisationFactory(name="Kretslopp och vatten", kind="forvaltning")
    OrganisationFactory(name="Higab AB", kind="bolag", cluster="Lokaler")
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="sv"' in body
    assert "Kretslopp och vatten" in body
    assert "Higab AB" in body


@pytest.mark.django_db
def test_home_page_query_count_is_flat(client, home, django_assert_max_num_queries):
    OrganisationFactory.create_batch(5)
    client.get("/")
    # 12, one for the featured change projects and three for the next edition and the maturity headline
    with django_assert_max_num_queries(16) as small:
        client.get("/")
    OrganisationFactory.create_batch(40)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/")


@pytest.mark.django_db
def test_standard_page_renders_its_body(client, home):
    response = client.get("/om/")
    assert response.status_code == 200
    assert "Om Kunskapsarenan" in response.content.decode()


@pytest.mark.django_db
def test_standard_page_query_count_is_flat(client, home, django_assert_max_num_queries):
    page = Page.objects.get(slug="om").specific
    client.get("/om/")
    with django_assert_max_num_queries(12) as small:
        client.get("/om/")
    page.body = list(page.body.raw_data) * 10
    page.save_revision().publish()
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/om/").status_code == 200


@pytest.mark.django_db
def test_standard_pages_only_live_under_home_or_standard_pages():
    assert StandardPage.parent_page_types == ["arena.HomePage", "arena.StandardPage"]
    assert StandardPage.subpage_types == ["arena.StandardPage"]


@pytest.mark.django_db
def test_empty_accessibility_report_is_rejected_in_swedish(client, home):
    response = client.post("/tillganglighet/", {"beskriv_problemet": "", "din_e_postadress": ""})
    assert response.status_code == 200
    assert "Det här fältet är obligatoriskt" in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_bad_email_and_overlong_report_are_rejected(client, home):
    response = client.post(
        "/tillganglighet/",
        {"beskriv_problemet": "x" * (MULTILINE_MAX_LENGTH + 1), "din_e_postadress": "inte-en-adress"},
    )
    body = response.content.decode()
    assert "Ange en giltig mejladress" in body
    assert "som mest 5000 tecken" in body.replace("\xa0", " ")
    assert FormSubmission.objects.count() == 0


@pytest.mark.django_db
def test_accessibility_report_is_saved_and_mailed(client, home):
    response = client.post(
        "/tillganglighet/",
        {
            "beskriv_problemet": "Knappen Skicka går inte att nå med tangentbordet.",
            "sidans_adress": "",
            "din_e_postadress": "maja@goteborg.example",
        },
    )
    assert response.status_code == 200
    assert "Tack" in response.content.decode()
    assert FormSubmission.objects.count() == 1
    assert len(mail.outbox) == 1
    assert "tangentbordet" in mail.outbox[0].body
    assert mail.outbox[0].to == ["tillganglighet@kunskapsarenan.local"]


@pytest.mark.django_db
def test_search_finds_pages(client, home):
    response = client.get("/sok/", {"q": "kunskapsarena"})
    assert response.status_code == 200
    assert "Om Kunskapsarenan" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ['"', 'om "kunskapsarena', "'\"", '""'])
def test_quotes_in_the_search_text_are_answered_without_an_error(client, home, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    if "kunskapsarena" in query:
        assert "Om Kunskapsarenan" in response.content.decode()


@pytest.mark.django_db
def test_overlong_search_is_a_swedish_400(client, home):
    response = client.get("/sok/", {"q": "a" * 500})
    assert response.status_code == 400
    assert "för lång" in response.content.decode()


@pytest.mark.django_db
def test_search_query_count_is_flat(client, home, django_assert_max_num_queries):
    def add_pages(count, start):
        for number in range(start, start + count):
            home.add_child(
                instance=StandardPage(
                    title=f"Digitalisering {number}",
                    slug=f"digitalisering-{number}",
                    intro="Om digitalisering i staden",
                )
            )

    add_pages(3, 0)
    client.get("/sok/", {"q": "digitalisering"})
    with django_assert_max_num_queries(30) as small:
        client.get("/sok/", {"q": "digitalisering"})
    add_pages(30, 3)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/sok/", {"q": "digitalisering"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_every_page_links_the_favicon_and_favicon_ico_leads_to_it(client, home):
    body = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in body
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"
    from django.contrib.staticfiles import finders

    assert finders.find("img/favicon.svg")
