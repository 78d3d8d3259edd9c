"""Shared-nothing web processes: two gunicorn processes with the production settings, sharing only PostgreSQL,
Redis and an S3 bucket (moto's server), behave as one site behind a load balancer. A login on one is valid on the
other, a document uploaded through one is served by the other, both answer from one page cache, and a publish
clears it for both, the copies each process keeps of its hottest entries included."""

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.core.cache import cache
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from arena.demo.seed import ensure_child, ensure_home_page
from arena.library.files import pdf_bytes
from arena.models import StandardPage
from arena.page_cache_local import copies
from tests.factories import SuperUserFactory
from tests.helpers.databases import database_url
from tests.helpers.mfa import current_code, give_authenticator_app
from tests.helpers.s3 import s3_bucket
from tests.helpers.web_processes import manage, production_environment, web_processes

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]

PASSWORD = "Skalbar-arena-2026"
# What a load balancer passes on: one public host name, whichever process answers.
PUBLIC_HOST = {"Host": "127.0.0.1"}


@pytest.fixture(scope="module")
def services(django_db_setup, tmp_path_factory):
    """Two web processes and what they share: the test database, this worker's Redis database (which the test
    process empties through its own cache) and a fresh bucket; static files collected for the manifest storage.
    Started once for the module; each test brings its own data."""
    from django.db import connection

    folder = tmp_path_factory.mktemp("scale-out")
    with s3_bucket() as bucket:
        variables = production_environment(
            DATABASE_URL=database_url(connection.settings_dict),
            REDIS_URL=settings.CACHES["default"]["LOCATION"],
            STATIC_ROOT=str(folder / "static"),
            MEDIA_ROOT=str(folder / "unused-media"),
            **bucket.environment(),
        )
        manage(variables, "collectstatic", "--noinput", "--verbosity", "0")
        with web_processes(2, variables, folder) as urls:
            yield {"urls": urls, "bucket": bucket, "variables": variables}


@pytest.fixture
def site(wagtail_baseline, services):
    """A home page with one page below it, and a superuser whose password the production hasher checks. The shared
    cache starts empty, as after a deploy: the last test's pages (and Wagtail's site root paths) are gone."""
    cache.clear()
    copies.announce_purge()  # the processes' own copies of cached pages (arena.page_cache_local) go with it
    home = ensure_home_page()
    about = ensure_child(home, StandardPage, "om", title="Om Kunskapsarenan", intro="Sidan före publiceringen.")
    user = SuperUserFactory(email="drift@kunskapsarenan.local")
    user.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())
    user.save(update_fields=["password"])
    return {"about": about, "app_secret": give_authenticator_app(user)}  # admins log in with a second factor


def csrf_token(browser, url):
    response = browser.get(url, timeout=30)
    assert response.status_code == 200, (url, response.status_code)
    return browser.cookies["csrftoken"]


def log_in(browser, base, second_step_base, app_secret):
    """The password through one process, the authenticator app's code through the other: the half-done login lives
    in the shared session too."""
    login = f"{base}/konto/login/"
    data = {
        "login": "drift@kunskapsarenan.local",
        "password": PASSWORD,
        "csrfmiddlewaretoken": csrf_token(browser, login),
    }
    response = browser.post(login, data=data, allow_redirects=False, timeout=30)
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("mfa_authenticate")
    code_step = f"{second_step_base}{reverse('mfa_authenticate')}"
    data = {"code": current_code(app_secret), "csrfmiddlewaretoken": csrf_token(browser, code_step)}
    return browser.post(code_step, data=data, allow_redirects=False, timeout=30)


def test_a_login_and_an_upload_through_one_process_hold_on_the_other(site, services):
    a, b = services["urls"]
    browser = requests.Session()
    response = log_in(browser, a, b, site["app_secret"])
    assert response.status_code == 302
    assert "sessionid" in browser.cookies

    # The session lives in the database: the other process knows the user.
    admin = browser.get(f"{b}/admin/", allow_redirects=False, timeout=30)
    assert admin.status_code == 200
    assert "/admin/logout/" in admin.text  # the account menu, shown only to a signed-in user
    # Without the session cookie the same process sends the visitor to the login page.
    anonymous = requests.get(f"{b}/admin/", allow_redirects=False, timeout=30)
    assert anonymous.status_code == 302
    assert anonymous.headers["Location"].startswith("/konto/login/")

    content = pdf_bytes("Delad rapport", ["Laddad upp genom den ena processen, hämtad genom den andra."])
    add = f"{a}/admin/documents/add/"
    response = browser.post(
        add,
        data={
            "csrfmiddlewaretoken": csrf_token(browser, add),
            "title": "Delad rapport",
            "collection": Collection.get_first_root_node().pk,
            "document_type": "rapport",
            "language": "sv",
            "is_accessible": "on",
        },
        files={"file": ("delad-rapport.pdf", content, "application/pdf")},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, response.text[:2000]
    document = get_document_model().objects.get(title="Delad rapport")
    assert services["bucket"].size_of(document.file.name) == len(content)

    served = requests.get(f"{b}{document.url}", timeout=30)
    assert served.status_code == 200
    assert served.content == content


def test_both_processes_answer_from_one_page_cache_and_a_publish_clears_it_for_both(site, services):
    a, b = services["urls"]
    first = requests.get(f"{a}/om/", headers=PUBLIC_HOST, timeout=30)
    assert first.status_code == 200
    assert first.headers["X-Page-Cache"] == "miss"
    # Process B has never rendered the page: it answers with what A stored.
    second = requests.get(f"{b}/om/", headers=PUBLIC_HOST, timeout=30)
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.content == first.content

    # An editor publishes elsewhere (here a third process of the same site, as the Celery worker's scheduled
    # publishing would be).
    publish = (
        "from wagtail.models import Page; page = Page.objects.get(pk={pk}).specific; "
        "page.title = 'Om arenan, uppdaterad'; page.save_revision().publish()"
    )
    manage(services["variables"], "shell", "-c", publish.format(pk=site["about"].pk))
    # The old entry is gone for both: B renders afresh and A answers with what B stored.
    fresh = requests.get(f"{b}/om/", headers=PUBLIC_HOST, timeout=30)
    assert fresh.status_code == 200
    assert fresh.headers["X-Page-Cache"] == "miss"
    assert "Om arenan, uppdaterad" in fresh.text
    shared = requests.get(f"{a}/om/", headers=PUBLIC_HOST, timeout=30)
    assert shared.headers["X-Page-Cache"] == "hit"
    assert shared.content == fresh.content
