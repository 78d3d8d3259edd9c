"""The demo (`manage.py seed_demo`) in tests: its passwords, and one seeding shared by a whole module.

Django is imported inside the functions: tests/conftest.py imports this module before Django is set up.
"""

import io
from contextlib import contextmanager

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


@contextmanager
def demo_seeded(django_db_blocker, media_dir, runs=1, snapshot=lambda: None):
    """Run seed_demo `runs` times inside one transaction that is rolled back afterwards, so a module can share one
    seeding. Yields the snapshot() after each run and the command output. The default site answers to the test
    client's host ("testserver"), so absolute URLs in pages and feeds point at the site under test."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings
    from wagtail.models import Site

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media_dir)), transaction.atomic():
        out = io.StringIO()
        snapshots = []
        for _run in range(runs):
            call_command("seed_demo", password=DEMO_TEST_PASSWORD, stdout=out)
            snapshots.append(snapshot())
        Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
        yield {"snapshots": snapshots, "output": out.getvalue()}
        transaction.set_rollback(True)


@contextmanager
def demo_seeded_twice(django_db_blocker, media_dir, snapshot):
    """The demo seeded twice (the idempotence tests): yields the snapshot() after each run and the command output."""
    with demo_seeded(django_db_blocker, media_dir, runs=2, snapshot=snapshot) as result:
        first, second = result["snapshots"]
        yield {"first": first, "second": second, "output": result["output"]}
