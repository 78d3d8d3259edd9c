"""Query counts: /mognad/, /mognad/<org>/ and the exports read stored results in a fixed number of queries,
the same at 10 and 45 organisations and at 1 and 5 rounds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from arena.models import Organisation
from tests.helpers.maturity_data import analyst_user, build_model, organisations, populate

pytestmark = pytest.mark.django_db

SIZES = [(10, 1), (45, 1), (10, 5), (45, 5)]
# Session, user, permissions, site settings (base.html) and the reads in maturity/queries.py.
MAX_OVERVIEW_QUERIES = 16
MAX_ORGANISATION_QUERIES = 30
MAX_EXPORT_QUERIES = 12


def build(organisation_count, round_count):
    model = build_model()
    bolag = organisations(organisation_count // 3, kind=Organisation.Kind.BOLAG, prefix="Bolag")
    forvaltningar = organisations(organisation_count - len(bolag))
    populate(model, list(range(2021 - round_count + 1, 2022)), forvaltningar, bolag, small={forvaltningar[0]})
    return forvaltningar[1]


def count(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths), as on a running server
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def analyst_client(client, db):
    client.force_login(analyst_user(username="analytiker"))
    return client


@pytest.mark.parametrize(("organisation_count", "round_count"), SIZES)
def test_overview_query_count_is_flat(analyst_client, django_assert_max_num_queries, organisation_count, round_count):
    build(organisation_count, round_count)
    analyst_client.get("/mognad/")
    with django_assert_max_num_queries(MAX_OVERVIEW_QUERIES):
        response = analyst_client.get("/mognad/?sort=total&dir=desc")
    assert response.content.decode().count('<th scope="row"><a href="/mognad/') == organisation_count


@pytest.mark.parametrize(("organisation_count", "round_count"), SIZES)
def test_organisation_page_query_count_is_flat(
    analyst_client, django_assert_max_num_queries, organisation_count, round_count
):
    organisation = build(organisation_count, round_count)
    url = f"/mognad/{organisation.slug}/"
    analyst_client.get(url)
    with django_assert_max_num_queries(MAX_ORGANISATION_QUERIES):
        response = analyst_client.get(url)
    html = response.content.decode()
    assert 'id="learning-heading"' in html
    assert html.count('<tr><th scope="row">20') == round_count  # one row per round in the trend table


@pytest.mark.parametrize(("organisation_count", "round_count"), SIZES)
def test_exports_query_count_is_flat(analyst_client, django_assert_max_num_queries, organisation_count, round_count):
    build(organisation_count, round_count)
    for url in ("/mognad/export.csv", "/mognad/export.xlsx"):
        analyst_client.get(url)
        with django_assert_max_num_queries(MAX_EXPORT_QUERIES):
            assert analyst_client.get(url).status_code == 200


def test_counts_are_identical_when_the_data_grows(client):
    """Not just under the bound: exactly the same queries for 10 organisations in 1 round as for 45 in 5."""
    model = build_model()
    forvaltningar = organisations(7)
    bolag = organisations(3, kind=Organisation.Kind.BOLAG, prefix="Bolag")
    populate(model, [2017], forvaltningar, bolag, small={forvaltningar[0]})
    client.force_login(analyst_user())
    urls = ["/mognad/", f"/mognad/{forvaltningar[1].slug}/", "/mognad/export.csv", "/mognad/export.xlsx"]
    small = [count(client, url) for url in urls]
    more_forvaltningar = organisations(23)
    more_bolag = organisations(12, kind=Organisation.Kind.BOLAG, prefix="Bolag")
    populate(
        model,
        [2018, 2019, 2020, 2021],
        forvaltningar + more_forvaltningar,
        bolag + more_bolag,
        small={forvaltningar[0], more_forvaltningar[0]},
    )
    large = [count(client, url) for url in urls]
    assert small == large
