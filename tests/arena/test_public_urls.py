"""The demo site's public URLs and their status codes stay as they were (issue 14: restructuring the code must not
change what a visitor can reach).

The demo is seeded once for the module; the URL list is the sitemap, the fixed routes of the URL contract
(/work/shared/DESIGN.md) and every internal link on those pages, one level deep. Each is fetched anonymously with
the test client and compared, as "STATUS PATH" lines sorted by path (redirects with their target), with the
committed snapshot in tests/arena/data/public_urls.txt.

When a change is meant to alter the public URLs, regenerate the snapshot and review its diff:

    UPDATE_URL_SNAPSHOT=1 .venv/bin/pytest -n 0 tests/arena/test_public_urls.py

PostgreSQL only: the search page's results (and so the links on it) depend on the database's full-text search.
"""

import os
from pathlib import Path

import pytest
from django.test import Client

from tests.helpers.demo import demo_seeded
from tests.helpers.site_links import links_on, sitemap_paths

SNAPSHOT = Path(__file__).resolve().parent / "data" / "public_urls.txt"
UPDATE = os.environ.get("UPDATE_URL_SNAPSHOT") == "1"
# The demo's conference editions (conferences/demo_programme.py): the past two and the coming one.
DEMO_YEARS = (2021, 2022, 2027)
FIXED_ROUTES = [
    "/",
    "/bloggar/",
    "/bloggar/rss/",
    "/forandringsprojekt/",
    "/material/",
    "/motesplats/",
    "/motesplats/inspelningar/",
    "/motesplats/inspelningar/rss/",
    *(
        f"/motesplats/{year}/{route}"
        for year in DEMO_YEARS
        for route in ("", "program/", "program.ics", "program.json", "schedule.xml", "schedule.json", "talare/")
    ),
    "/mognad/",
    "/oppna-data/",
    "/oppna-data/katalog.ttl",
    "/sok/?q=digitalisering",
    "/api/v2/pages/",
    "/tillganglighet/",
    "/kakor/",
    "/konto/login/",
    "/healthz",
    "/sitemap.xml",
    "/robots.txt",
]
# Pages whose own status is checked but whose links are not followed: search results that rank equally may come
# in any order, so which of them land on the first page can differ from run to run.
LINKS_NOT_FOLLOWED_FROM = ("/sok/",)


def line(path, response):
    if 300 <= response.status_code < 400:
        return f"{response.status_code} {path} -> {response['Location']}"
    return f"{response.status_code} {path}"


def public_url_lines():
    client = Client()
    seeds = sitemap_paths(client) | set(FIXED_ROUTES)
    lines, found = {}, set()
    for path in seeds:
        response = client.get(path)
        lines[path] = line(path, response)
        if not path.startswith(LINKS_NOT_FOLLOWED_FROM):
            found |= links_on(response, path)
    for path in found - seeds:
        lines[path] = line(path, client.get(path))
    return [lines[path] for path in sorted(lines)]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_seeded(django_db_blocker, tmp_path_factory.mktemp("demo-media")) as result:
        yield result


@pytest.mark.postgres
@pytest.mark.django_db
def test_public_urls_and_status_codes_are_unchanged(seeded):
    current = public_url_lines()

    if UPDATE:
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text("\n".join(current) + "\n", encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    gone = [entry for entry in expected if entry not in current]
    new = [entry for entry in current if entry not in expected]
    assert not gone and not new, "Changed public URLs (UPDATE_URL_SNAPSHOT=1 rewrites the snapshot):\n" + "\n".join(
        [f"- {entry}" for entry in gone] + [f"+ {entry}" for entry in new]
    )
    assert current == expected  # same lines, same order
