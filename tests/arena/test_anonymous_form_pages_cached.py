"""Pages with a form for anonymous visitors (the accessibility report, consultations) set no cookie on GET, so they
are served from the page cache like any other page, and their forms still work with CSRF protection: an anonymous
post is accepted when the browser's Origin header names this site (arena/csrf.py), signed-in users keep Django's
token check."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from wagtail.contrib.forms.models import FormSubmission

from arena.demo.seed import ensure_home_page, seed_arena_pages
from tests.factories import UserFactory
from tests.helpers.consultations import QUESTION_NAME, add_consultation, consultation_index

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

SITE = "http://testserver"
REPORT = {
    "beskriv_problemet": "Knappen Skicka går inte att nå med tangentbordet.",
    "sidans_adress": "",
    "din_e_postadress": "maja@goteborg.example",
}


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


@pytest.fixture
def home(db):
    home = ensure_home_page()
    seed_arena_pages(home)
    return home


@pytest.fixture
def consultation(home):
    return add_consultation(consultation_index(home), "Inspel om planen", slug="planen")


def browser():
    """A client that enforces CSRF like a real site does (the test client skips it by default)."""
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("path", ["/tillganglighet/", "/inspel/planen/"])
def test_a_form_page_sets_no_cookie_and_is_served_from_the_cache(home, consultation, path):
    client = browser()
    first = client.get(path)
    assert first.status_code == 200
    assert first.cookies == {}
    assert 'name="csrfmiddlewaretoken"' not in first.content.decode()
    assert first["X-Page-Cache"] == "miss"
    second = client.get(path)
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_an_anonymous_report_from_this_site_is_accepted(home):
    response = browser().post("/tillganglighet/", REPORT, HTTP_ORIGIN=SITE, HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 200
    assert "Tack" in response.content.decode()
    assert FormSubmission.objects.count() == 1


def test_an_anonymous_consultation_answer_from_this_site_is_accepted(consultation):
    response = browser().post("/inspel/planen/", {QUESTION_NAME: "Gemensam inloggning."}, HTTP_ORIGIN=SITE)
    assert response.status_code == 200
    assert "Tack för dina synpunkter" in response.content.decode()
    assert FormSubmission.objects.filter(page=consultation).count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://annan-webbplats.example"},
        {"HTTP_ORIGIN": SITE, "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": SITE, "HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "null"},
        {},
    ],
    ids=["other-origin", "cross-site", "same-site", "null-origin", "no-origin"],
)
def test_a_post_from_elsewhere_or_of_unknown_origin_is_refused(home, headers):
    response = browser().post("/tillganglighet/", REPORT, **headers)
    assert response.status_code == 403
    assert FormSubmission.objects.count() == 0


def test_a_signed_in_user_gets_a_token_and_the_usual_check(home):
    client = browser()
    client.force_login(UserFactory())
    page = client.get("/tillganglighet/")
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    token = page.cookies["csrftoken"].value
    refused = client.post("/tillganglighet/", {**REPORT, "csrfmiddlewaretoken": "x" * 32}, HTTP_ORIGIN=SITE)
    assert refused.status_code == 403
    accepted = client.post("/tillganglighet/", {**REPORT, "csrfmiddlewaretoken": token}, HTTP_ORIGIN=SITE)
    assert accepted.status_code == 200
    assert FormSubmission.objects.count() == 1
