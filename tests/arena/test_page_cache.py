"""Anonymous pages are served from the cache until something is published; logged-in pages never are."""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from tests.factories import UserFactory


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_second_anonymous_view_is_a_cache_hit_without_queries(
    client, page_cache, about_page, django_assert_num_queries
):
    first = client.get("/om-arenan/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/om-arenan/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.django_db
def test_publishing_purges_the_cache(client, page_cache, about_page):
    assert b"F\xc3\xb6rsta versionen" in client.get("/om-arenan/").content
    about_page.intro = "Andra versionen"
    about_page.save_revision().publish()
    response = client.get("/om-arenan/")
    assert response["X-Page-Cache"] == "miss"
    assert "Andra versionen" in response.content.decode()


@pytest.mark.django_db
def test_logged_in_views_bypass_the_cache(client, page_cache, about_page):
    client.force_login(UserFactory())
    client.get("/om-arenan/")
    response = client.get("/om-arenan/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_query_parameters_that_pages_read_are_cached_separately(client, page_cache, about_page):
    client.get("/om-arenan/")
    assert client.get("/om-arenan/?sida=2")["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_pages_survive_a_redis_outage(client, page_cache, about_page, settings):
    down = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
    settings.CACHES = {"default": down, "renditions": down}
    for _ in range(2):
        response = client.get("/om-arenan/")
        assert response.status_code == 200
        assert "Om arenan" in response.content.decode()


@pytest.mark.redis
@pytest.mark.django_db
def test_cache_lives_in_redis_when_configured(client, page_cache, about_page, settings):
    from django.core.cache import caches
    from django_redis.cache import RedisCache

    assert isinstance(caches["default"], RedisCache), "CI must run with REDIS_URL so the cache is Redis"
    client.get("/om-arenan/")
    assert client.get("/om-arenan/")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_editing_site_settings_purges_the_cache(client, page_cache, about_page):
    from arena.models import SiteSettings

    client.get("/om-arenan/")
    assert client.get("/om-arenan/")["X-Page-Cache"] == "hit"
    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.footer_text = "Ny sidfot för arenan"
    settings_row.save()
    response = client.get("/om-arenan/")
    assert response["X-Page-Cache"] == "miss"
    assert "Ny sidfot för arenan" in response.content.decode()
