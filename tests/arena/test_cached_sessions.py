"""Sessions are read from the cache (Redis) and kept in the database: a logged-in request costs no session query, and
a login outlives a cache that was emptied (or down) because the database still has it."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


def session_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/konto/email/")
    return response, [query["sql"] for query in queries.captured_queries if "django_session" in query["sql"]]


def test_a_logged_in_request_reads_its_session_from_the_cache(client, staff):
    client.force_login(staff)
    response, reads = session_queries(client)
    assert response.status_code == 200
    assert reads == []


def test_a_login_outlives_an_emptied_cache(client, staff):
    client.force_login(staff)
    cache.clear()
    response, reads = session_queries(client)
    assert response.status_code == 200
    assert response.context["user"] == staff
    assert len(reads) == 1
