"""The demo (`manage.py seed_demo`) in tests: its passwords, and one seeding shared by a whole module.

Django is imported inside the functions: tests/conftest.py imports this module before Django is set up.
"""

import io
from contextlib import contextmanager
from pathlib import Path

DEMO_PASSWORD = "Arena-demo-2026"
# Every demo user's organisation, plus one company and one guest organisation.
E2E_ORGANISATIONS = {"Stadsledningskontoret", "Intraservice", "Higab AB", "Helsingborgs stad"}
DEMO_ADMIN_EMAIL = "admin@kunskapsarenan.local"
# The idempotence tests seed with a password of their own, so they never depend on the default one.
DEMO_TEST_PASSWORD = "x-Arena-demo-1"


def ensure_wagtail_baseline():
    """Recreate what Wagtail's data migrations made and a transactional test's flush removed.

    Transactional tests (which live_server needs) end by emptying every table. Content types and permissions
    come back by themselves (post_migrate), but the default locale and the root collection do not.
    """
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


# This process's copy of the seeded demo (see demo_seeded): every table's rows, the command's output, and the media
# directory its files were written to.
_seeded_copy = {}
# Tables whose rows no test changes and a copy must not replace.
KEPT_TABLES = {"django_migrations"}


@contextmanager
def demo_seeded(django_db_blocker, media_dir, runs=1, snapshot=lambda: None):
    """The demo seeded `runs` times inside one transaction that is rolled back afterwards, so a module can share one
    seeding. Yields the snapshot() after each run, the command output and the media directory the demo's files are
    in. The default site answers to the test client's host ("testserver"), so absolute URLs in pages and feeds point
    at the site under test.

    Seeding takes 15 seconds and a dozen modules need the demo, so the first run in each test process is copied,
    table by table (PostgreSQL's COPY), and later modules get the copy back in a second instead of seeding: the same
    rows, ids and files. The media directory is then the first module's, given as media_dir there."""
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import override_settings
    from django.urls import get_resolver
    from wagtail.models import Site

    # `manage.py seed_demo` loads the URLs first (its system checks), and with them Wagtail's admin, which is when
    # snippets start to have their references tracked; call_command skips the checks.
    get_resolver().url_patterns  # noqa: B018
    copying = connection.vendor == "postgresql"
    media = _seeded_copy.get("media", str(media_dir)) if copying else str(media_dir)
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        out = io.StringIO()
        snapshots = []
        for run in range(runs):
            if run == 0 and copying and _seeded_copy:
                _restore_tables(connection, _seeded_copy["tables"])
                out.write(_seeded_copy["output"])
            else:
                call_command("seed_demo", password=DEMO_TEST_PASSWORD, stdout=out)
                if run == 0 and copying:
                    _seeded_copy.update(tables=_copy_tables(connection), output=out.getvalue(), media=media)
            snapshots.append(snapshot())
        Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
        _forget_cached_rows(cache)
        try:
            yield {"snapshots": snapshots, "output": out.getvalue(), "media_dir": Path(settings.MEDIA_ROOT)}
        finally:
            transaction.set_rollback(True)
    _forget_cached_rows(cache)


def _copy_tables(connection):
    from psycopg import sql

    tables = []
    with connection.cursor() as cursor:
        for table in sorted(set(connection.introspection.table_names()) - KEPT_TABLES):
            statement = sql.SQL("COPY {} TO STDOUT (FORMAT BINARY)").format(sql.Identifier(table))
            with cursor.cursor.copy(statement) as copy:
                tables.append((table, b"".join(bytes(block) for block in copy)))
    return tables


def _restore_tables(connection, tables):
    """Replace every table's rows with the copy's. Django's foreign keys are checked at commit (DEFERRABLE INITIALLY
    DEFERRED), so the order of the tables does not matter; the transaction is rolled back in the end anyway."""
    from psycopg import sql

    with connection.cursor() as cursor:
        # TRUNCATE refuses tables with foreign key checks still pending in the transaction: run them first.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        names = sql.SQL(", ").join(sql.Identifier(table) for table, _rows in tables)
        cursor.execute(sql.SQL("TRUNCATE {}").format(names))
        for table, rows in tables:
            with cursor.cursor.copy(
                sql.SQL("COPY {} FROM STDIN (FORMAT BINARY)").format(sql.Identifier(table))
            ) as copy:
                copy.write(rows)


def _forget_cached_rows(cache):
    """Rows changed without signals (a copy put back, a rollback): content type ids may differ from what this process
    cached after a browser test's flush, and the cache may hold pages of the rows before."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    cache.clear()


@contextmanager
def demo_seeded_twice(django_db_blocker, media_dir, snapshot):
    """The demo seeded twice (the idempotence tests): yields the snapshot() after each run and the command output."""
    with demo_seeded(django_db_blocker, media_dir, runs=2, snapshot=snapshot) as result:
        first, second = result["snapshots"]
        yield {"first": first, "second": second, "output": result["output"], "media_dir": result["media_dir"]}
