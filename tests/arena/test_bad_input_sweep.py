"""Bad input never gets a 5xx (issue 11): the demo's public pages, with every query parameter their links and forms
use, are requested with NUL bytes, invalid UTF-8, 100,000 characters, wrong types and negative and huge numbers,
and every form on them is sent the same values, anonymously and as a logged-in staff member.

The pages are those of the public URL snapshot (tests/arena/data/public_urls.txt) that answer 200, at most two of
each kind: a Wagtail page's kind is its type and the route it answers with (a blog's index, feed or author page),
any other URL's its first two path segments. So each page type is covered without fetching every post.

PostgreSQL only: NUL bytes and out-of-range numbers are what PostgreSQL refuses, so that is where they must be
caught.
"""

from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.http import Http404
from django.test import Client, RequestFactory
from wagtail.models import Page

from tests.helpers.demo import demo_seeded

SNAPSHOT = Path(__file__).resolve().parent / "data" / "public_urls.txt"
PAGES_PER_KIND = 2
BAD_VALUES = {
    "nul": "\x00",
    "nul-inside": "digital\x00isering",
    "long": "x" * 100_000,
    "negative": "-1",
    "huge": "99999999999999999999",
    "markup": "<script>alert(1)</script>",
    "list": "[]",
}
# Sent as raw bytes: not UTF-8 at all.
INVALID_UTF8 = "%ff%fe%fd"
# Parameters tried on every page, whether or not it links with them.
COMMON_PARAMETERS = ("q", "sida", "page")
# Forms whose submission changes who is logged in, so the rest of the sweep would run as someone else.
SKIPPED_ACTIONS = ("/konto/logout/",)
STAFF_EMAIL = "medarbetare@kunskapsarenan.local"


class FormParser(HTMLParser):
    """Each <form>: its method, action and the names of its fields."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action"), "fields": set()}
            )
        elif tag in ("input", "select", "textarea", "button") and self.forms and attrs.get("name"):
            if attrs["name"] != "csrfmiddlewaretoken":
                self.forms[-1]["fields"].add(attrs["name"])


def kind_of(path):
    """The page type and route that answer the path, or its first two segments when no Wagtail page does."""
    request = RequestFactory().get(path)
    try:
        page, args, _kwargs = Page.route_for_request(request, path) or (None, (), {})
    except Http404:
        page = None
    if page is None:
        return tuple(path.strip("/").split("/")[:2])
    view = args[0] if args and callable(args[0]) else None  # a routable page's route: (view, args, kwargs)
    return (type(page).__name__, getattr(view, "__name__", ""))


def sampled_pages():
    """{path: parameter names seen on it}, at most PAGES_PER_KIND paths of each kind (kind_of)."""
    parameters = defaultdict(set)
    for entry in SNAPSHOT.read_text(encoding="utf-8").splitlines():
        status, path = entry.split(" ", 2)[:2]
        if status != "200":
            continue
        url = urlsplit(path)
        parameters[url.path] |= {name for name, _value in parse_qsl(url.query, keep_blank_values=True)}
    kinds = defaultdict(list)
    for path in sorted(parameters):
        kinds[kind_of(path)].append(path)
    return {path: parameters[path] for paths in kinds.values() for path in paths[:PAGES_PER_KIND]}


def forms_on(response):
    if not response.get("Content-Type", "").startswith("text/html"):
        return []
    parser = FormParser()
    parser.feed(response.content.decode())
    return parser.forms


def action_path(form, page):
    url = urlsplit(urljoin(f"http://testserver{page}", form["action"] or page))
    return url.path if url.hostname == "testserver" else None


def sweep(client, pages):
    """Every request that answered 5xx, as "STATUS METHOD URL (case)" lines."""
    failures = []

    def check(response, method, url, case):
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {method} {url[:120]} ({case})")

    for page, names in pages.items():
        forms = forms_on(client.get(page))
        names = set(names) | set(COMMON_PARAMETERS)
        names |= {field for form in forms if form["method"] == "get" for field in form["fields"]}
        for case, value in BAD_VALUES.items():
            url = f"{page}?{urlencode(dict.fromkeys(sorted(names), value))}"
            check(client.get(url), "GET", url, case)
        url = f"{page}?" + "&".join(f"{name}={INVALID_UTF8}" for name in sorted(names))
        check(client.get(url), "GET", url, "invalid-utf8")
        for form in forms:
            action = action_path(form, page)
            if form["method"] != "post" or action is None or action in SKIPPED_ACTIONS:
                continue
            for case, value in BAD_VALUES.items():
                check(client.post(action, dict.fromkeys(form["fields"], value)), "POST", action, case)
            body = "&".join(f"{field}={INVALID_UTF8}" for field in sorted(form["fields"]))
            response = client.post(action, body, content_type="application/x-www-form-urlencoded")
            check(response, "POST", action, "invalid-utf8")
    return failures


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_seeded(django_db_blocker, tmp_path_factory.mktemp("demo-media")) as result:
        yield result


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_sample_covers_every_page_type_and_route(seeded):
    pages = sampled_pages()
    kinds = {kind_of(path) for path in pages}
    public_types = {page.specific_class.__name__ for page in Page.objects.live().public().filter(depth__gt=1)}
    assert public_types <= {kind[0] for kind in kinds}
    assert {
        ("BlogIndexPage", "author_route"),
        ("BlogIndexPage", "feed_route"),
        ("BlogSpacePage", "index_route"),
    } <= kinds
    sections = {path.strip("/").split("/")[0] for path in pages}
    assert {"sok", "oppna-data", "api", "konto"} <= sections  # views that are not pages
    assert any(names for names in pages.values())  # the listings' filters and pagination are among them


@pytest.mark.postgres
@pytest.mark.django_db
def test_no_bad_value_gets_a_server_error_anonymously(seeded):
    assert sweep(Client(), sampled_pages()) == []


@pytest.mark.postgres
@pytest.mark.django_db
def test_no_bad_value_gets_a_server_error_for_staff(seeded):
    client = Client()
    client.force_login(get_user_model().objects.get(email=STAFF_EMAIL))
    assert sweep(client, sampled_pages()) == []
