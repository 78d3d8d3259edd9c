"""Every absolute URL the site produces starts with the one configured public address (PUBLIC_BASE_URL), whatever
Host header the request came in with: feeds, the sitemap, robots.txt, the API, Open Graph tags, calendar files
and the programme's JSON. Runs on the demo content, on any database (a bare machine's SQLite too)."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import override_settings

from arena.site_url import sync_default_site
from tests.helpers.demo import demo_seeded

PUBLIC = "https://kunskapsarenan.goteborg.example"
REQUEST_HOST = "annan-vard.example"
URL = re.compile(r"https?://[^\s\"'<>\\)]+")
# Hosts that are not ours and may appear: XML/RDF namespaces, and the demo's external stream and video links.
FOREIGN_HOSTS = {
    "www.w3.org",
    "purl.org",
    "www.sitemaps.org",
    "www.google.com",
    "schema.org",
    "backend.userland.com",
    "search.yahoo.com",  # the Media RSS namespace
    "json-schema.org",
    "kunskapsarenan.local",
    "www.youtube.com",
    "youtu.be",
    "player.vimeo.com",
    "vimeo.com",
    "play.example.se",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        demo_seeded(django_db_blocker, tmp_path_factory.mktemp("absolute-url-media")),
        override_settings(PUBLIC_BASE_URL=PUBLIC, WAGTAILADMIN_BASE_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC),
        django_db_blocker.unblock(),
    ):
        sync_default_site()
        yield


def fetch(client, path):
    response = client.get(path, HTTP_HOST=REQUEST_HOST)
    assert response.status_code == 200, path
    return response.content.decode()


def documents(client):
    """(path, body) of every document that carries absolute URLs, found by following the site's own links."""
    from wagtail.models import Page

    found = {}
    for path in ("/sitemap.xml", "/robots.txt", "/bloggar/rss/", "/api/v2/pages/?limit=50"):
        found[path] = fetch(client, path)
    post = next(page for page in Page.objects.live().public().specific() if type(page).__name__ == "BlogPostPage")
    found[post.url] = fetch(client, post.url)
    found[f"{post.get_parent().url}rss/"] = fetch(client, f"{post.get_parent().url}rss/")
    api_detail = f"/api/v2/pages/{post.pk}/"
    found[api_detail] = fetch(client, api_detail)
    # Conference editions (arena's tests don't import the app): the programme's calendar and JSON files.
    editions = [page for page in Page.objects.live().public().specific() if type(page).__name__.endswith("EditionPage")]
    for edition in editions:
        for name in ("program.ics", "program.json"):
            found[edition.url + name] = fetch(client, edition.url + name)
    return found


@pytest.mark.django_db
def test_every_absolute_url_starts_with_the_public_address(demo, client):
    with override_settings(PUBLIC_BASE_URL=PUBLIC, WAGTAILADMIN_BASE_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC):
        found = documents(client)
    assert any(path.endswith(".ics") for path in found), "the demo's programme calendars were checked"
    wrong = sorted(
        {
            f"{path}: {url}"
            for path, body in found.items()
            for url in URL.findall(body)
            if not url.startswith(PUBLIC + "/") and urlsplit(url).hostname not in FOREIGN_HOSTS
        }
    )
    assert wrong == []
    assert all(REQUEST_HOST not in body for body in found.values())
    assert sum(body.count(PUBLIC + "/") for body in found.values()) > 100
