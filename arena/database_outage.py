"""When PostgreSQL cannot be reached, visitors get a Swedish "try again shortly" page (503 with Retry-After).

Django turns every uncaught exception into the 500 handler, also those raised in middleware after the view (a
session being saved), so the handler is the one place that sees them all. Cached anonymous pages never get here:
the page cache answers them before anything touches the database.
"""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

# Long enough for a database restart or a failover, short enough that a visitor's retry is worth it.
RETRY_AFTER_SECONDS = 30


def is_database_outage(exc):
    """OperationalError covers a refused or lost connection; InterfaceError a connection that is already closed."""
    return isinstance(exc, (OperationalError, InterfaceError))


def unavailable_response():
    # No RequestContext: the context processors (site settings, menus) would ask the database again.
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Proxies and browsers must not keep the outage page once the database is back.
    add_never_cache_headers(response)
    return response
