"""The demo (`manage.py seed_demo`) in tests: its passwords, and one seeding shared by a whole module.

Django is imported inside the functions: tests/conftest.py imports this module before Django is set up.
"""

import io
from contextlib import contextmanager

DEMO_PASSWORD = "Arena-demo-2026"
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
def demo_seeded_twice(django_db_blocker, media_dir, snapshot):
    """Run seed_demo twice inside one transaction that is rolled back afterwards, so a module can share one
    seeding. Yields the snapshot() after each run and the command output."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings
    from wagtail.models import Site

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media_dir)), transaction.atomic():
        out = io.StringIO()
        call_command("seed_demo", password=DEMO_TEST_PASSWORD, stdout=out)
        first = snapshot()
        call_command("seed_demo", password=DEMO_TEST_PASSWORD, stdout=out)
        Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
        yield {"first": first, "second": snapshot(), "output": out.getvalue()}
        transaction.set_rollback(True)
