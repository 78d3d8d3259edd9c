"""A real PostgreSQL outage: pages answer a Swedish 503 with Retry-After, cached anonymous pages keep coming, and
/healthz says the database is down. The test's own connection is set aside and restored by the helper."""

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client
from wagtail.models import Site

from arena.models import StandardPage
from tests.helpers.outages import database_unreachable

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def about_page(db):
    home = Site.objects.get(is_default_site=True).root_page
    return home.add_child(instance=StandardPage(title="Om arenan", slug="om-arenan", intro="Vad arenan är"))


@pytest.fixture
def client():
    # As in production: the exception becomes the error page instead of being raised into the test.
    return Client(raise_request_exception=False)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_the_helper_really_cuts_the_database_off_and_restores_it():
    with database_unreachable():
        with pytest.raises(OperationalError, match="port 1"):
            connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_a_page_answers_a_swedish_503_with_retry_after(client, about_page):
    with database_unreachable():
        response = client.get("/om-arenan/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    assert '<html lang="sv">' in body
    assert "<title>Tillfälligt otillgänglig – Kunskapsarenan</title>" in body
    assert '<main id="main"' in body
    assert "<h1>Tillfälligt otillgänglig</h1>" in body
    assert "Försök igen om någon minut." in body
    assert "/static/css/arena.css" in body
    # The page itself stayed in the database: nothing of it could be read.
    assert "Vad arenan är" not in body


def test_a_logged_in_visitor_gets_the_same_503(client, about_page):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    with database_unreachable():
        response = client.get("/om-arenan/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_the_error_handler_tells_an_outage_from_other_errors(rf):
    from arena.views.errors import server_error

    try:
        raise OperationalError("connection refused")
    except OperationalError:
        assert server_error(rf.get("/")).status_code == 503
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Retry-After" not in response


@pytest.mark.redis
def test_a_cached_anonymous_page_is_still_served(client, about_page, page_cache):
    never_visited = about_page.get_parent().add_child(instance=StandardPage(title="Kontakt", slug="kontakt")).url
    first = client.get("/om-arenan/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with database_unreachable():
        cached = client.get("/om-arenan/")
        # Read by pages, so a key of its own and not cached yet; the page itself comes with its cached route.
        other_variant = client.get("/om-arenan/?sida=2")
        uncached = client.get(never_visited)  # neither the page nor its route is cached: the outage page
    assert cached.status_code == 200
    assert cached["X-Page-Cache"] == "hit"
    assert "Vad arenan är" in cached.content.decode()
    assert other_variant.status_code == 200
    assert "Vad arenan är" in other_variant.content.decode()
    assert uncached.status_code == 503


def test_healthz_reports_the_database_down(client):
    with database_unreachable():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["database"] == "error"
