"""Queries per request of the arena's own page types, pinned for an anonymous visitor, a signed-in staff member and
an analyst, with warm caches (the second request), and flat as the site grows. The apps pin their own pages
(tests/<app>/test_query_pins*.py)."""

import pytest
from django.test import Client
from wagtail.models import Page, Site

from arena.demo.seed import ensure_home_page, seed_arena_pages, seed_site_settings
from arena.models import StandardPage
from arena.roles import ANALYSTS, ensure_role_groups
from tests.factories import OrganisationFactory, UserFactory

pytestmark = [pytest.mark.usefixtures("caches_on"), pytest.mark.django_db, pytest.mark.redis]

# Warm: anonymous visitors get the cached page (no query); signed-in visitors pay for their user (sessions are
# cached) and the page itself (its address is cached, arena.page_routing); the accessibility statement also reads
# its form's fields.
WARM_QUERIES = {
    ("/", "anonymous"): 0,
    ("/", "staff"): 2,
    ("/", "analyst"): 2,
    ("/om/", "anonymous"): 0,
    ("/om/", "staff"): 2,
    ("/om/", "analyst"): 2,
    ("/kakor/", "anonymous"): 0,
    ("/kakor/", "staff"): 2,
    ("/kakor/", "analyst"): 2,
    ("/tillganglighet/", "anonymous"): 0,
    ("/tillganglighet/", "staff"): 3,
    ("/tillganglighet/", "analyst"): 3,
}
# A path that leads nowhere is looked up in the page tree every time (unknown addresses are not cached).
NOT_FOUND_QUERIES = {"anonymous": 3, "staff": 4, "analyst": 4}


def build_site(extra_pages):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    pages = seed_arena_pages(home)
    seed_site_settings(home, pages)
    for number in range(extra_pages):
        page = pages["about"].add_child(
            instance=StandardPage(title=f"Avdelning {number}", slug=f"avdelning-{number}", intro="Om oss.")
        )
        page.save_revision().publish()
    return home


def client_for(audience):
    client = Client()
    if audience == "staff":
        client.force_login(UserFactory())
    elif audience == "analyst":
        analyst = UserFactory()
        analyst.groups.add(ensure_role_groups()[ANALYSTS])
        client.force_login(analyst)
    return client


def warm_count(client, path, django_assert_max_num_queries, status=200):
    assert client.get(path).status_code == status
    with django_assert_max_num_queries(100) as queries:
        response = client.get(path)
    count = len(queries)
    assert response.status_code == status
    return count


@pytest.mark.parametrize(("path", "audience"), sorted(WARM_QUERIES))
def test_warm_queries_are_pinned(path, audience, django_assert_max_num_queries):
    build_site(extra_pages=2)
    count = warm_count(client_for(audience), path, django_assert_max_num_queries)
    assert count <= WARM_QUERIES[(path, audience)], f"{path} as {audience}: {count} queries"


@pytest.mark.parametrize("audience", sorted(NOT_FOUND_QUERIES))
def test_not_found_is_pinned(audience, django_assert_max_num_queries):
    build_site(extra_pages=2)
    count = warm_count(client_for(audience), "/finns-inte/", django_assert_max_num_queries, status=404)
    assert count <= NOT_FOUND_QUERIES[audience]


@pytest.mark.parametrize("caches", ["warm", "off"])
@pytest.mark.parametrize("audience", ["anonymous", "staff", "analyst"])
def test_queries_stay_flat_as_the_site_grows(caches, audience, settings, django_assert_max_num_queries):
    if caches == "off":
        settings.PAGE_CACHE_SECONDS = 0
    build_site(extra_pages=2)
    client = client_for(audience)
    small = {
        path: warm_count(client, path, django_assert_max_num_queries) for path in ("/", "/om/", "/om/avdelning-1/")
    }
    for number in range(2, 14):
        page = StandardPage.objects.get(slug="om").add_child(
            instance=StandardPage(title=f"Enhet {number}", slug=f"enhet-{number}", intro="Om oss.")
        )
        page.save_revision().publish()
    large = {path: warm_count(client, path, django_assert_max_num_queries) for path in small}
    assert large == small


def test_a_new_organisation_is_on_the_cached_start_page_at_once():
    build_site(extra_pages=0)
    client = client_for("staff")
    assert "Nämnden för testverksamhet" not in client.get("/").content.decode()
    OrganisationFactory(name="Nämnden för testverksamhet", kind="forvaltning")
    assert "Nämnden för testverksamhet" in client.get("/").content.decode()


# The arena's other public page types and views, on the demo's consultations, library and open data.
MORE_WARM_QUERIES = {
    # Open or closed by the clock, so not cached for signed-in visitors: the user, its form fields and one more page
    # read (the page itself comes with its cached route, arena.page_routing).
    "consultation": {"anonymous": 0, "staff": 3, "analyst": 3},
    # Anonymous visitors are sent to the login page (not cached: /konto/); the form is personal.
    "proposal form": {"anonymous": 1, "staff": 2, "analyst": 2},
    # The user, the collections closed to the user, the document and its focus areas, and the restrictions of the
    # related pages it links to.
    "library document": {"anonymous": 0, "staff": 6, "analyst": 6},
    "open data": {"anonymous": 0, "staff": 4, "analyst": 4},
}


@pytest.fixture
def more_pages():
    from arena.consultations.demo import seed_consultation_demo
    from arena.library.demo import seed_library
    from arena.models import ArenaDocument, ConsultationPage
    from arena.projects.setup import ensure_index

    home = build_site(extra_pages=0)
    seed_consultation_demo(home)
    seed_library(home, organisations=[])
    ensure_index(home)
    consultation = ConsultationPage.objects.live().order_by("pk").first()
    document = ArenaDocument.objects.order_by("pk").first()
    library = Page.objects.get(slug="material").specific
    return {
        "consultation": consultation.url,
        "proposal form": "/forandringsprojekt/foresla/",
        "library document": library.document_url(document),
        "open data": "/oppna-data/",
    }


@pytest.mark.parametrize("audience", ["anonymous", "staff", "analyst"])
def test_the_other_page_types_are_pinned(more_pages, audience, django_assert_max_num_queries):
    client = client_for(audience)
    counts = {}
    for name, path in more_pages.items():
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        final = response.redirect_chain[-1][0] if response.redirect_chain else path
        counts[name] = warm_count(client, final, django_assert_max_num_queries)
    assert counts == {name: pins[audience] for name, pins in MORE_WARM_QUERIES.items()}
