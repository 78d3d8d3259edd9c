"""Every public page of the seeded demo has a <title> of its own (WCAG 2.4.2: the title tells one page from another).

The demo is seeded once for the module (rolled back afterwards). The pages are those of the sitemap and every internal
page reachable from them by links (the link rules of test_public_urls): that reaches the routes the sitemap leaves
out (sessions, speakers, authors). Addresses with a query string (filters, pages of a list, searches) are left out: they
are views of the page without one, and their titles say so only in part.
"""

import re
from html import unescape

import pytest
from django.test import Client

from tests.helpers.demo import demo_seeded
from tests.helpers.site_links import links_on, sitemap_paths

TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
# Feeds and calendar/data files are not pages.
NOT_PAGES = re.compile(r"(/rss/|\.(ics|json|xml|txt|ttl|csv|xlsx)$)")


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_seeded(django_db_blocker, tmp_path_factory.mktemp("demo-media")) as result:
        yield result


def is_page(path):
    return "?" not in path and not NOT_PAGES.search(path)


def page_titles():
    """{path: title} for every public HTML page reachable from the sitemap."""
    client = Client()
    titles = {}
    pending = sorted(path for path in sitemap_paths(client) if is_page(path))
    followed = set(pending)
    for path in pending:
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        titles[path] = " ".join(unescape(TITLE.search(response.content.decode()).group(1)).split())
        for link in sorted(links_on(response, path)):
            if is_page(link) and link not in followed:
                followed.add(link)
                pending.append(link)
        if len(followed) > 1000:  # a guard against a crawl that never ends, far above the demo's size
            break
    return titles


@pytest.mark.postgres
@pytest.mark.django_db
def test_every_public_page_of_the_demo_has_a_title_of_its_own(seeded):
    titles = page_titles()
    # The routes the sitemap leaves out were reached too.
    assert any("/program/" in path for path in titles) and any("/talare/" in path for path in titles)
    by_title = {}
    for path, title in titles.items():
        by_title.setdefault(title, []).append(path)
    shared = {title: paths for title, paths in by_title.items() if len(paths) > 1}
    assert shared == {}, "Pages that share a <title>:\n" + "\n".join(
        f"- {title}: {', '.join(paths)}" for title, paths in shared.items()
    )
