"""Query pins for the maturity dashboards and exports: exact counts with warm caches (the page caches on, the real
Redis cache) for an anonymous visitor, a staff member of an organisation and an analyst, and flat counts with the
caches off at two sizes. A warm dashboard or export reads the session's user and nothing else: its body (or file),
the published rounds, the organisation and the access decision all come from the cache."""

import pytest
from django.core.cache import cache
from django.test import Client

from arena.models import Organisation
from tests.factories import UserFactory, add_writer
from tests.helpers.maturity_data import analyst_user, build_model, organisations, populate

pytestmark = pytest.mark.django_db

# Every pinned number. "warm": (role, page) → queries per request with warm caches ("own" is the staff member's
# organisation, "other" another one). "cold_max": page → the most queries with the caches off, at either size.
PINNED = {
    "warm": {
        ("anonymous", "overview"): 0,
        ("anonymous", "own"): 0,
        ("anonymous", "csv"): 0,
        ("anonymous", "xlsx"): 0,
        ("staff", "overview"): 1,
        ("staff", "own"): 1,
        ("staff", "other"): 1,
        ("staff", "csv"): 1,
        ("staff", "xlsx"): 1,
        ("analyst", "overview"): 1,
        ("analyst", "overview_sorted"): 1,
        ("analyst", "earlier_round"): 1,
        ("analyst", "own"): 1,
        ("analyst", "other"): 1,
        ("analyst", "csv"): 1,
        ("analyst", "xlsx"): 1,
    },
    "cold_max": {"overview": 14, "own": 16, "csv": 10, "xlsx": 10},
}
# role → status of every page: anonymous visitors go to the login page; staff get a 403 for another organisation.
STATUS = {"anonymous": 302, "staff": 200, "analyst": 200}
SIZES = [3, 12]  # organisations of each kind


def build(count):
    model = build_model()
    forvaltningar = organisations(count)
    bolag = organisations(count, kind=Organisation.Kind.BOLAG, prefix="Bolag")
    populate(model, [2020, 2021], forvaltningar, bolag, small={forvaltningar[0]})
    return forvaltningar[1], forvaltningar[2]


def paths(own, other):
    return {
        "overview": "/mognad/",
        "overview_sorted": "/mognad/?sort=total&dir=desc",
        "earlier_round": "/mognad/?omgang=2020",
        "own": f"/mognad/{own.slug}/",
        "other": f"/mognad/{other.slug}/",
        "csv": "/mognad/export.csv",
        "xlsx": "/mognad/export.xlsx",
    }


def client_for(role, own):
    client = Client()
    if role == "staff":
        client.force_login(add_writer(UserFactory(), own))
    elif role == "analyst":
        client.force_login(analyst_user())
    return client


@pytest.fixture
def caches_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.mark.redis
@pytest.mark.parametrize(("role", "page"), list(PINNED["warm"]))
def test_warm_query_counts(caches_on, django_assert_num_queries, role, page):
    own, other = build(3)
    path = paths(own, other)[page]
    client = client_for(role, own)
    client.get(path)
    client.get(path)
    with django_assert_num_queries(PINNED["warm"][(role, page)]):
        response = client.get(path)
    expected = 403 if (role, page) == ("staff", "other") else STATUS[role]
    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith("/konto/login/?next=")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("role", ["staff", "analyst"])
@pytest.mark.parametrize("page", list(PINNED["cold_max"]))
def test_counts_are_flat_with_the_caches_off(django_assert_max_num_queries, size, role, page):
    own, other = build(size)
    path = paths(own, other)[page]
    client = client_for(role, own)
    client.get(path)  # per-process caches (content types, site root paths), as on a running server
    with django_assert_max_num_queries(PINNED["cold_max"][page]) as queries:
        response = client.get(path)
    assert response.status_code == 200
    assert len(queries) <= PINNED["cold_max"][page]
