"""Real outages for tests: a database connection that PostgreSQL refuses."""

from contextlib import contextmanager

from django.db import connections

# Nothing listens on port 1, so every connection attempt is refused at once (no timeout to wait for).
CLOSED_PORT = "1"


@contextmanager
def database_unreachable(alias="default"):
    """Within the block, `alias` is a new connection to a PostgreSQL port nobody listens on.

    The test's own connection (and the transaction pytest-django keeps open on it) is set aside, not closed or
    changed, and put back afterwards, so the tests after this one see a working database."""
    original = connections[alias]
    settings_dict = {
        **original.settings_dict,
        "HOST": "127.0.0.1",
        "PORT": CLOSED_PORT,
        "OPTIONS": {**original.settings_dict.get("OPTIONS", {}), "connect_timeout": 2},
    }
    down = original.__class__(settings_dict, alias)
    connections[alias] = down
    try:
        yield
    finally:
        connections[alias] = original
        down.close()
