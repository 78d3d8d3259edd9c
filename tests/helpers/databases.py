"""Extra PostgreSQL databases beside pytest's test database, for tests whose subject is the database itself (backup
and restore) or whose servers run outside the test's transaction.

Names start with DATABASE_URL's database name and end with the pytest-xdist worker, so parallel workers and parallel
checkouts sharing one server never meet. Django is imported inside the functions (tests/conftest.py style).
"""

import os
from contextlib import contextmanager
from urllib.parse import quote, urlsplit


def database_url(settings_dict, name=None):
    """A postgres:// URL (as DATABASE_URL, pg_dump and psycopg take it) for a Django database's server and `name`."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{quote(password, safe='')}" if password else user
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}@{host}:{port}/{name or settings_dict['NAME']}"


def extra_database_name(purpose):
    base = urlsplit(os.environ.get("DATABASE_URL", "")).path.strip("/") or "kunskapsarenan"
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return "_".join(part for part in (base, purpose, worker) if part)


def _drop(server, name):
    from psycopg import sql

    server.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@contextmanager
def empty_database(purpose):
    """A new, empty database on the test database's server (any leftover of an aborted run is dropped first); yields
    its URL and drops it afterwards."""
    import psycopg
    from django.db import connection
    from psycopg import sql

    name = extra_database_name(purpose)
    maintenance = database_url(connection.settings_dict, "postgres")
    with psycopg.connect(maintenance, autocommit=True) as admin:
        _drop(admin, name)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield database_url(connection.settings_dict, name)
    finally:
        with psycopg.connect(maintenance, autocommit=True) as admin:
            _drop(admin, name)
