"""Queries per request for `make bench` (`python -m bench queries`): each URL requested twice in this process, with
the site's own settings, database and cache, and the second (warm) request's database queries counted.

The load itself runs against gunicorn, where queries cannot be counted without changing the site; the warm second
request here is what most requests under that load are.
"""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

HOST = "127.0.0.1"


def count_queries(path, cookie=""):
    """The number of queries of a warm request to `path` (with an optional "name=value" session cookie), and its
    status code."""
    client = Client(HTTP_HOST=HOST)
    if cookie:
        client.cookies.load(cookie)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return len(queries), response.status_code
