"""The anonymous page cache keys on the query parameters pages read, nothing else: junk parameters (utm_*, random
ones) reuse the cached entry instead of filling Redis, and the list of read parameters matches the code."""

import importlib
import re
from pathlib import Path

import pytest
from django.core.cache import cache, caches
from django.test import RequestFactory

from arena import page_cache

ROOT = Path(__file__).resolve().parents[2]
APPS = ("arena", "blogs", "conferences", "maturity")
# Views served only under the cache's skipped prefixes (the admin), and the API, whose query strings are kept whole.
NOT_CACHED = {"blogs/admin_views.py", "arena/api.py"}
# Constants the code passes to request.GET.get(), by the expression used.
PARAMETER_CONSTANTS = {
    "PAGE_PARAMETER": "arena.pagination.PAGE_PARAMETER",
    "services.TYPE_PARAMETER": "arena.search.services.TYPE_PARAMETER",
    "services.ORGANISATION_PARAMETER": "arena.search.services.ORGANISATION_PARAMETER",
}


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def redis_page_keys():
    from django_redis import get_redis_connection

    return set(get_redis_connection("default").scan_iter(match=f"*{page_cache.ENTRY_PREFIX}*", count=1000))


def source_files():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative and relative not in NOT_CACHED:
                yield relative, path.read_text()


def constant_value(dotted):
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def form_class(name):
    for relative, text in source_files():
        if re.search(rf"^class {name}\(", text, re.MULTILINE):
            return getattr(importlib.import_module(relative.removesuffix(".py").replace("/", ".")), name)
    raise AssertionError(f"no class {name} in the apps")


def test_every_parameter_the_code_reads_is_in_the_cache_key():
    read = set()
    for relative, text in source_files():
        for expression in re.findall(r"request\.GET\.get\(\s*([^,)]+)", text):
            expression = expression.strip()
            if expression[0] in "\"'":
                read.add(expression.strip("\"'"))
            else:
                assert expression in PARAMETER_CONSTANTS, f"{relative}: request.GET.get({expression}) is not known here"
                read.add(constant_value(PARAMETER_CONSTANTS[expression]))
        for name in re.findall(r"(\w+Form)\(request\.GET", text):
            read.update(form_class(name).base_fields)
    assert {"sida", "q", "ar", "tagg", "spar", "omgang"} <= read  # the scan finds forms and constants alike
    missing = read - page_cache.READ_PARAMETERS
    assert not missing, f"read but not in the cache key: {sorted(missing)}"


@pytest.mark.parametrize(
    ("query", "normalised"),
    [
        ("utm_source=x&utm_medium=y&fbclid=z", ""),
        ("ar=2025&utm_source=x&organisation=a", "ar=2025&organisation=a"),
        ("organisation=a&ar=2025", "ar=2025&organisation=a"),
        ("sida=2&sida=2&q=b&q=a", "q=b&q=a&sida=2"),
        ("q=%C3%A5r+2025", "q=%C3%A5r+2025"),
    ],
)
def test_the_query_is_cut_down_to_read_parameters_and_sorted(query, normalised):
    assert page_cache.normalised_query(RequestFactory().get(f"/bloggar/?{query}")) == normalised


def test_the_api_keeps_its_whole_query_string():
    request = RequestFactory().get("/api/v2/pages/?type=blogs.BlogPostPage&fields=intro")
    assert page_cache.normalised_query(request) == "fields=intro&type=blogs.BlogPostPage"


@pytest.mark.redis
@pytest.mark.django_db
def test_junk_parameters_create_no_new_redis_entries_and_are_hits(client, page_cache_on, about_page):
    assert "RedisCache" in type(caches["default"]).__name__, "CI must run with REDIS_URL so the cache is Redis"
    first = client.get("/om-arenan/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    keys_after_first = redis_page_keys()
    assert keys_after_first, "the first view is stored in Redis"

    for number in range(50):
        response = client.get(f"/om-arenan/?utm_source=nyhetsbrev{number}&junk{number}=x{number}&utm_campaign=v")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"
        assert response.content == first.content
    assert redis_page_keys() == keys_after_first

    read = client.get("/om-arenan/?sida=2&utm_source=x")
    assert read["X-Page-Cache"] == "miss"
    assert len(redis_page_keys()) == len(keys_after_first) + 1
    assert client.get("/om-arenan/?utm_medium=y&sida=2")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_the_order_of_read_parameters_does_not_matter(client, page_cache_on, about_page):
    assert client.get("/om-arenan/?ar=2025&sida=1")["X-Page-Cache"] == "miss"
    assert client.get("/om-arenan/?sida=1&ar=2025&utm_source=x")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_unknown_api_parameters_are_refused_and_never_cached(client, page_cache_on, about_page):
    for _ in range(2):
        response = client.get("/api/v2/pages/?utm_source=x")
        assert response.status_code == 400
        assert "X-Page-Cache" not in response
    assert client.get("/api/v2/pages/?type=arena.StandardPage")["X-Page-Cache"] == "miss"
    assert client.get("/api/v2/pages/?type=arena.StandardPage")["X-Page-Cache"] == "hit"
    assert client.get("/api/v2/pages/")["X-Page-Cache"] == "miss"
