"""The embedded default (SQLite) takes concurrent writes: several threads, each in its own connection, run
read-then-write transactions at the same moment (as Wagtail's autosave and a submit do) without "database is
locked". Runs on any machine: it uses its own SQLite file with the settings the site would use without
DATABASE_URL."""

import threading

import pytest
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

from arena.settings.env import sqlite_database

THREADS = 8
WRITES_PER_THREAD = 25


@pytest.fixture(autouse=True)
def own_connections(django_db_blocker):
    """These connections go to a throw-away SQLite file, not to the test database."""
    with django_db_blocker.unblock():
        yield


def connect(path):
    settings = {
        "ATOMIC_REQUESTS": False,
        "AUTOCOMMIT": True,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "TIME_ZONE": None,
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
        "TEST": {},
        **sqlite_database(path),
    }
    return DatabaseWrapper(settings, alias=f"concurrency-{threading.get_ident()}")


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    connection = connect(tmp_path / "arena.sqlite3")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20_000
    connection.close()


def test_concurrent_read_then_write_transactions_all_succeed(tmp_path):
    path = tmp_path / "arena.sqlite3"
    setup = connect(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
        cursor.execute("INSERT INTO counter (id, value) VALUES (1, 0)")
    setup.close()

    errors, start = [], threading.Barrier(THREADS)

    def work():
        connection = connect(path)
        connections[connection.alias] = connection  # this thread's own; transaction.atomic finds it by alias
        try:
            start.wait()
            for _ in range(WRITES_PER_THREAD):
                # One transaction that reads, then writes, as Django runs it: the pattern that fails at once
                # with "database is locked" under SQLite's default DEFERRED transactions.
                with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                    cursor.execute("SELECT value FROM counter WHERE id = 1")
                    value = cursor.fetchone()[0]
                    cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
        except Exception as error:  # collected and asserted on below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    check = connect(path)
    with check.cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        assert cursor.fetchone()[0] == THREADS * WRITES_PER_THREAD  # no lost update either
    check.close()
