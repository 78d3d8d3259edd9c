"""Content-Security-Policy and Permissions-Policy headers: strict on the public site, Wagtail's own policy on the admin,
the 500 page's inline styles allowed by a nonce, and what production adds from its environment.
(tests/e2e/test_content_security_policy.py shows in Chromium that nothing on the site is blocked.)"""

import io
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import FileResponse
from django.urls import path, reverse
from wagtail.models import Site

from arena.library.files import pdf_bytes
from arena.models import StandardPage
from arena.urls import urlpatterns as arena_urlpatterns
from tests.factories import SuperUserFactory

ROOT = Path(__file__).resolve().parents[2]


def broken_view(request):
    raise RuntimeError("a bug")


def pdf_view(request):
    return FileResponse(io.BytesIO(pdf_bytes("Rapport", ["Text."])), content_type="application/pdf")


# The site's URLs and error handlers with a broken page and a PDF: this module is the URLconf of two tests.
urlpatterns = [path("trasig/", broken_view), path("rapport.pdf", pdf_view), *arena_urlpatterns]
handler500 = "arena.views.errors.server_error"


def directives(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


@pytest.fixture
def public_page(db):
    home = Site.objects.get(is_default_site=True).root_page
    return home.add_child(instance=StandardPage(title="Om arenan", slug="om-arenan"))


def test_a_public_page_gets_the_strict_policy(client, public_page):
    response = client.get(public_page.url)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert "nonce-" not in response["Content-Security-Policy"]
    # Only behind https (production): a plain-http development server must keep loading its own files.
    assert "upgrade-insecure-requests" not in policy


@pytest.mark.django_db
def test_every_response_has_the_permissions_policy(client, public_page):
    for url in (public_page.url, reverse("account_login"), "/finns-inte/", reverse("wagtailadmin_home")):
        features = dict(item.split("=", 1) for item in client.get(url)["Permissions-Policy"].split(", "))
        assert features["camera"] == "()", url
        assert features["microphone"] == "()", url
        assert features["geolocation"] == "()", url
        assert features["payment"] == "()", url
        assert features["usb"] == "()", url
        # Recordings' video element may go fullscreen, and so may the video players that video blocks embed.
        assert features["fullscreen"].startswith("(self "), url
        assert '"https://www.youtube.com"' in features["fullscreen"], url


@pytest.mark.usefixtures("caches_on")
def test_a_page_from_the_anonymous_cache_carries_both_policies(client, public_page):
    """The policies are stored with a cached page (the cache sits outside the policy middleware): a hit, which runs
    no view and no inner middleware, sends them exactly as the render did."""
    rendered = client.get(public_page.url)
    cached = client.get(public_page.url)
    assert (rendered["X-Page-Cache"], cached["X-Page-Cache"]) == ("miss", "hit")
    assert cached["Content-Security-Policy"] == rendered["Content-Security-Policy"]
    assert directives(cached)["script-src"] == ["'self'"]
    assert cached["Permissions-Policy"] == rendered["Permissions-Policy"]
    assert "camera=()" in cached["Permissions-Policy"]


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy(client):
    client.force_login(SuperUserFactory())
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["img-src"] == ["'self'", "data:", "blob:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_login_redirect_is_already_under_the_admin_policy(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert "'unsafe-inline'" in directives(response)["script-src"]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_the_500_page_styles_itself_with_a_nonce(client):
    client.raise_request_exception = False
    response = client.get("/trasig/")
    assert response.status_code == 500
    policy = directives(response)
    nonce = re.search(r'<style nonce="([^"]+)">', response.content.decode()).group(1)
    assert policy["style-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert policy["script-src"] == ["'self'"]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_pdf_is_sent_without_a_policy_so_chrome_can_show_it(client):
    response = client.get("/rapport.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Content-Security-Policy" not in response
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def production_policy(**env):
    script = (
        "import json, django; django.setup(); from django.conf import settings;"
        "print(json.dumps([settings.CONTENT_SECURITY_POLICY['DIRECTIVES'],"
        " settings.ADMIN_CONTENT_SECURITY_POLICY['DIRECTIVES'], settings.PERMISSIONS_POLICY], default=str))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}}
    clean.update(
        DJANGO_SETTINGS_MODULE="arena.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="arena.example.se",
        **env,
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=clean, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_allows_the_media_host_the_sso_provider_and_extra_origins():
    public, admin, permissions = production_policy(
        AWS_STORAGE_BUCKET_NAME="arena-media",
        AWS_S3_CUSTOM_DOMAIN="media.example.se",
        OIDC_CLIENT_ID="arena",
        OIDC_CLIENT_SECRET="hemligt",
        OIDC_SERVER_URL="https://login.example.se/tenant/v2.0",
        CSP_MEDIA_ORIGINS="https://cdn.example.se/bilder/",
        CSP_EMBED_ORIGINS="https://play.example.se",
    )
    assert public["upgrade-insecure-requests"] is True
    assert public["img-src"] == ["'self'", "data:", "https://cdn.example.se", "https://media.example.se"]
    assert public["media-src"] == ["'self'", "https:", "https://cdn.example.se", "https://media.example.se"]
    assert public["form-action"] == ["'self'", "https://login.example.se"]
    assert public["frame-src"] == ["'self'", "https://play.example.se"]
    assert public["script-src"] == public["style-src"][:1] == ["'self'"]
    assert admin["form-action"] == public["form-action"]
    assert permissions["fullscreen"] == ["self", "https://play.example.se"]


def test_production_without_https_does_not_upgrade_requests():
    public, _admin, _permissions = production_policy(SECURE_SSL_REDIRECT="false")
    assert public["upgrade-insecure-requests"] is False


def test_an_origin_that_is_no_address_stops_start_up():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "arena.settings.dev", "CSP_MEDIA_ORIGINS": "cdn.example.se"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "CSP_MEDIA_ORIGINS" in result.stderr
    assert "Traceback" not in result.stderr
