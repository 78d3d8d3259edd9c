"""Shared test setup: service gating for the `postgres`, `redis` and `e2e` markers, and browser fixtures.

Tests marked with a service the machine lacks are skipped with a one-line reason, so `make test` works on a
bare laptop. Under CI=true a missing service is an error instead: CI must never pass by skipping.
"""

import os

# Playwright's sync API keeps an event loop running on the main thread, which makes Django refuse ORM
# calls (SynchronousOnlyOperation). The tests are synchronous, so this is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import functools  # noqa: E402
import shutil  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

import pytest  # noqa: E402

from tests.helpers.browser import AXE_JS, CHROMIUM, CHROMIUM_ARGS, ROOT, browser_contexts  # noqa: E402
from tests.helpers.demo import (  # noqa: E402
    DEMO_ADMIN_EMAIL,
    DEMO_PASSWORD,
    E2E_ORGANISATIONS,
    ensure_wagtail_baseline,
)

# --- Service gating -------------------------------------------------------------------------------------------


def running_in_ci():
    return os.environ.get("CI") == "true"


@functools.cache
def postgres_missing():
    from django.conf import settings

    if not getattr(settings, "USING_POSTGRES", False):
        return "DATABASE_URL is not a PostgreSQL URL (e.g. postgres://postgres@127.0.0.1:5432/kunskapsarenan)"
    return None


@functools.cache
def redis_missing():
    url = os.environ.get("REDIS_URL", "").strip()
    if not url:
        return "REDIS_URL is not set (e.g. redis://127.0.0.1:6379/0)"
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        try:
            client.ping()
        finally:
            client.close()
    except Exception as exc:  # any failure means "no usable Redis"; the reason says which
        return f"Redis at {url} does not answer PING ({exc.__class__.__name__}: {exc})"
    return None


@functools.cache
def e2e_missing():
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"{CHROMIUM} is missing (run `make test-assets` as root, or apt-get install chromium)"
    if not AXE_JS.is_file():
        hint = "run `npm ci`" if shutil.which("npm") else "install npm, then run `npm ci`"
        return f"{AXE_JS.relative_to(ROOT)} is missing ({hint})"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (make install-dev)"
    return None


C3VOC_PYTHON = ROOT / ".venv-c3voc" / "bin" / "python"


@functools.cache
def c3voc_missing():
    if not C3VOC_PYTHON.is_file():
        return f"{C3VOC_PYTHON.relative_to(ROOT)} is missing (make install-dev)"
    return None


SERVICE_CHECKS = {"postgres": postgres_missing, "redis": redis_missing, "e2e": e2e_missing, "c3voc": c3voc_missing}


def missing_service(item):
    """The first '<marker>: <reason>' for a service this test needs and the machine lacks, else None."""
    for marker, check in SERVICE_CHECKS.items():
        if item.get_closest_marker(marker) is None:
            continue
        reason = check()
        if reason:
            return f"{marker}: {reason}"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # tryfirst: decide before any fixture (database, live server, browser) is set up.
    reason = missing_service(item)
    if reason is None:
        return
    if running_in_ci():
        pytest.fail(f"CI=true but a required service is missing. {reason}", pytrace=False)
    pytest.skip(reason)


# --- Browser fixtures ------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    manager = sync_playwright().start()
    yield manager
    manager.stop()


@pytest.fixture(scope="session", autouse=True)
def database_sessions_ended_at_exit(django_db_setup, django_db_blocker):
    """After the last test, end the database sessions that other threads (live servers' request threads) still hold.

    A request thread keeps its connection until it notices that the browser closed its keep-alive socket, which can
    be after its server stopped; the test database then cannot be dropped ("is being accessed by other users").
    Set up after django_db_setup, so torn down before it drops the database. This process's own connections are
    closed first and the sessions ended from a connection of its own to the server's maintenance database: the
    process's connection may itself be one that the server has already ended."""
    yield
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        return
    import psycopg

    with django_db_blocker.unblock():
        name = connection.settings_dict["NAME"]
        params = {**connection.get_connection_params(), "dbname": "postgres"}
        connections.close_all()
        with psycopg.connect(**params, autocommit=True) as server:
            server.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser, live_server):
    """Factory for browser contexts (Swedish locale, base_url = the live server); all are closed afterwards."""
    with browser_contexts(browser, live_server.url) as make:
        yield make


@pytest.fixture
def page(new_context):
    """A fresh page in its own context, so cookies and sessions never leak between tests."""
    return new_context().new_page()


@dataclass(frozen=True)
class DemoSite:
    url: str
    home: object
    admin_email: str = DEMO_ADMIN_EMAIL
    password: str = DEMO_PASSWORD


@pytest.fixture
def caches_on(settings):
    """The page cache and everything keyed by its generations (fragments, the page lookup, the site frame) on and
    empty, in the real cache (Redis in CI); the test settings turn them off (PAGE_CACHE_SECONDS=0)."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded images and documents go to a per-test directory, never the project's media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


@pytest.fixture
def wagtail_baseline(transactional_db):
    """For transactional tests: an earlier one may have flushed the locale and root collection pages need."""
    ensure_wagtail_baseline()


@pytest.fixture(scope="session", autouse=True)
def wagtail_baseline_after_flush():
    """A transactional test ends by flushing every table, and Django then sends post_migrate: put back the locale
    and root collection there, so a test that runs after it on the same worker can still create organisations."""
    from django.apps import apps
    from django.db.models.signals import post_migrate

    def restore(**kwargs):
        ensure_wagtail_baseline()

    sender = apps.get_app_config("wagtailcore")
    post_migrate.connect(restore, sender=sender, weak=False, dispatch_uid="tests-wagtail-baseline")
    yield
    post_migrate.disconnect(sender=sender, dispatch_uid="tests-wagtail-baseline")


@pytest.fixture
def demo_site(live_server):
    """The arena's demo pages and users with a few organisations (one of each kind), served by live_server.
    Use with @pytest.mark.django_db(transaction=True). Apps' demo content is left out to keep each test fast;
    tests create the posts they look at (test_demo_content_in_the_browser covers the full demo once)."""
    from wagtail.models import Site

    from arena.demo.seed import seed

    ensure_wagtail_baseline()
    result = seed(DEMO_PASSWORD, organisation_names=E2E_ORGANISATIONS, app_content=False)
    # The seeded default site is localhost:80. Wagtail falls back to the default site for any host, but
    # matching the live server's host and port keeps absolute URLs (canonical links, full_url) correct.
    address = urlsplit(live_server.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname = address.hostname
    site.port = address.port or 80
    site.save()
    return DemoSite(url=live_server.url, home=result["home"])


# --- Tenants and people shared by the app tests ---------------------------------------------------------------
# Apps that need more before an organisation exists (the blogs' root page) override org_a/org_b in their own
# conftest; the role fixtures below then use those overrides.


@pytest.fixture
def org_a(db):
    from tests.factories import OrganisationFactory

    return OrganisationFactory(name="Förskoleförvaltningen")


@pytest.fixture
def org_b(db):
    from tests.factories import OrganisationFactory

    return OrganisationFactory(name="Stadsbyggnadsförvaltningen")


@pytest.fixture
def writer_a(org_a):
    from tests.factories import UserFactory, add_writer

    return add_writer(UserFactory(username="skribent_a"), org_a)


@pytest.fixture
def editor_a(org_a):
    from tests.factories import UserFactory, add_editor

    return add_editor(UserFactory(username="redaktor_a"), org_a)


@pytest.fixture
def writer_b(org_b):
    from tests.factories import UserFactory, add_writer

    return add_writer(UserFactory(username="skribent_b"), org_b)


@pytest.fixture
def editor_b(org_b):
    from tests.factories import UserFactory, add_editor

    return add_editor(UserFactory(username="redaktor_b"), org_b)


@pytest.fixture
def staff(db):
    from tests.factories import UserFactory

    return UserFactory(username="medarbetare")


@pytest.fixture
def superuser(db):
    from tests.factories import SuperUserFactory

    return SuperUserFactory()
