"""/sok/ is cached like any page (anonymous visitors: the whole response; signed-in ones: the results per audience),
and every search is still counted exactly once: in Redis by a middleware outside the page cache, then moved into the
editors' statistics by a thin Celery task (called here as a function) or when an editor opens a report."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from arena.demo.seed import ensure_home_page
from arena.library.files import pdf_bytes
from arena.models import StandardPage, UnansweredSearch
from arena.provisioning import grant_arena_editor_pages
from arena.roles import ARENA_EDITORS
from arena.search.counting import COUNT_HEADER
from arena.search.statistics import discard_pending_counts
from arena.tasks import flush_search_counts
from tests.factories import DocumentFactory, OrganisationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture(autouse=True)
def caches_on(settings):
    assert "RedisCache" in type(caches["default"]).__name__, "run with REDIS_URL: searches are counted in Redis"
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    discard_pending_counts()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return ensure_home_page()


def add_page(parent, title, body):
    return parent.add_child(instance=StandardPage(title=title, body=[("paragraph", f"<p>{body}</p>")]))


def search(client, q, **params):
    response = client.get("/sok/", {"q": q, **params})
    assert response.status_code == 200
    assert COUNT_HEADER not in response  # the mark for the counter never leaves the server
    return response


def titles(response):
    return re.findall(r'<h3 class="search-result__title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


def hits(text):
    query = Query.objects.filter(query_string=text).first()
    return query.hits if query else 0


# --- Counting -------------------------------------------------------------------------------------------------


def test_every_search_is_counted_once_also_when_the_page_cache_answers(client, home, staff):
    add_page(home, "Cykelvägar", "Om cykelplanen och cykelbanor.")
    responses = [search(client, "cykelbanor") for _ in range(3)]
    assert [response["X-Page-Cache"] for response in responses] == ["miss", "hit", "hit"]
    search(client, "xyzzyplan")
    search(client, "Xyzzyplan")  # the same search text once normalised, from the cache or not
    search(client, "cykelbanor", sida=1)  # a further result page, not a new search
    search(client, "cykelbanor", typ="page-standardpage")  # a facet, not a new search
    client.force_login(staff)
    search(client, "cykelbanor")
    search(client, "cykelbanor")

    assert hits("cykelbanor") == 0  # nothing is written to the database while searching
    assert flush_search_counts.delay().get() == 7  # the Celery task (eager in the test settings)
    assert flush_search_counts() == 0  # each search is moved once

    assert hits("cykelbanor") == 5
    assert hits("xyzzyplan") == 2
    assert list(UnansweredSearch.objects.values_list("query__query_string", "date", "hits")) == [
        ("xyzzyplan", timezone.localdate(), 2)
    ]


def test_a_process_holds_its_counts_briefly_and_sends_them_in_one_go(client, home, settings):
    """In production a process adds its counts to Redis every SEARCH_COUNTS_SEND_SECONDS, one round trip for them
    all; a flush (the beat task, a report) first sends what its own process holds, and none is lost or doubled."""
    from arena.search import statistics

    settings.SEARCH_COUNTS_SEND_SECONDS = 3600
    statistics.send_held_counts()  # start the interval now
    for _ in range(3):
        search(client, "sparvagnar")  # one rendered, two from the page cache
    assert statistics._redis().hlen(statistics._pending_key()) == 0  # held, not sent yet
    settings.SEARCH_COUNTS_SEND_SECONDS = 0
    search(client, "bussar")  # the interval has passed: this search sends everything held
    assert statistics._redis().hlen(statistics._pending_key()) == 2
    assert flush_search_counts() == 4
    assert (hits("sparvagnar"), hits("bussar")) == (3, 1)


def test_opening_a_report_moves_the_latest_searches_into_it(client, home):
    grant_arena_editor_pages(home)
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name=ARENA_EDITORS))
    for _ in range(4):
        search(client, "qwxplanen")  # three of them from the page cache

    client.force_login(editor)
    report = client.get("/admin/reports/sokningar-utan-traffar/")

    assert report.status_code == 200
    row = re.search(r"qwxplanen.*?(\d+)\s*</td>", report.content.decode(), re.S)
    assert row and row.group(1) == "4"
    assert hits("qwxplanen") == 4
    assert client.get("/admin/reports/sokningar/").status_code == 200
    assert hits("qwxplanen") == 4


def test_the_flush_runs_on_celery_beat_and_the_worker_knows_it(settings):
    from arena.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["flush-search-counts"]
    assert entry["task"] == flush_search_counts.name == "arena.tasks.flush_search_counts"
    assert entry["schedule"] == 60 * 5
    app.loader.import_default_modules()
    assert flush_search_counts.name in app.tasks


# --- Cache correctness ------------------------------------------------------------------------------------------


def test_a_published_page_is_found_at_once_by_anonymous_and_signed_in_visitors(client, home, staff):
    signed_in = client.__class__()
    signed_in.force_login(staff)
    assert titles(search(client, "solcellsparken")) == []
    assert titles(search(signed_in, "solcellsparken")) == []
    assert search(client, "solcellsparken")["X-Page-Cache"] == "hit"

    page = add_page(home, "Solcellsparken", "Om solcellsparken i Gårda.")
    page.save_revision().publish()

    assert titles(search(client, "solcellsparken")) == ["Solcellsparken"]
    assert titles(search(signed_in, "solcellsparken")) == ["Solcellsparken"]

    page.unpublish()
    assert titles(search(client, "solcellsparken")) == []
    assert titles(search(signed_in, "solcellsparken")) == []


def test_an_uploaded_document_is_found_at_once(client, home, staff, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(name="Kretslopp och vatten")
    signed_in = client.__class__()
    signed_in.force_login(staff)
    assert titles(search(client, "fiberkanalisationen")) == []
    assert titles(search(signed_in, "fiberkanalisationen")) == []

    with django_capture_on_commit_callbacks(execute=True):  # the file's text is read once the upload commits
        DocumentFactory(
            title="Plan för ledningsnätet",
            collection=organisation.collection,
            file=ContentFile(pdf_bytes("Plan", ["Om fiberkanalisationen."]), name="plan.pdf"),
        )

    assert titles(search(client, "fiberkanalisationen")) == ["Plan för ledningsnätet"]
    assert titles(search(signed_in, "fiberkanalisationen")) == ["Plan för ledningsnätet"]


def test_what_staff_find_never_reaches_an_anonymous_search_and_groups_stay_apart(client, home, staff):
    organisation = OrganisationFactory(name="Kretslopp och vatten")
    internal = organisation.collection.add_child(name="Internt")
    CollectionViewRestriction.objects.create(collection=internal, restriction_type=CollectionViewRestriction.LOGIN)
    board = organisation.collection.add_child(name="Ledningsgruppen")
    restriction = CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.GROUPS
    )
    group = Group.objects.create(name="Ledningsgruppen")
    restriction.groups.add(group)
    DocumentFactory(title="Intern våtmarksplan", collection=internal)
    DocumentFactory(title="Våtmarksplan för ledningen", collection=board)
    DocumentFactory(title="Öppen våtmarksplan", collection=organisation.collection)
    add_page(home, "Våtmarksplan internt", "Om våtmarksplanen.")
    restricted = home.get_children().get(title="Våtmarksplan internt")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    member = UserFactory()
    member.groups.add(group)

    found = {}
    for name, user in (("staff", staff), ("member", member), ("anonymous", None), ("staff again", staff)):
        client.logout()
        if user:
            client.force_login(user)
        found[name] = sorted(titles(search(client, "våtmarksplan")))

    assert found["staff"] == ["Intern våtmarksplan", "Öppen våtmarksplan"]
    assert found["member"] == ["Intern våtmarksplan", "Våtmarksplan för ledningen", "Öppen våtmarksplan"]
    assert found["anonymous"] == ["Öppen våtmarksplan"]
    assert found["staff again"] == found["staff"]
    client.logout()
    assert search(client, "våtmarksplan")["X-Page-Cache"] == "hit"
    assert sorted(titles(search(client, "våtmarksplan"))) == ["Öppen våtmarksplan"]
