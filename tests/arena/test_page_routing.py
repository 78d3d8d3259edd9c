"""The cached page lookup (arena.page_routing, arena.views.pages.serve): a page costs no query to find once its
address is known, and every change that saves, moves, hides or restricts a page takes effect on the next request."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page, PageViewRestriction, Site

from arena import page_routing
from arena.demo.seed import ensure_home_page, seed_arena_pages
from arena.models import StandardPage
from tests.factories import SuperUserFactory, UserFactory

pytestmark = [pytest.mark.usefixtures("caches_on"), pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture
def pages(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    pages = seed_arena_pages(home)
    about = pages["about"]
    team = about.add_child(instance=StandardPage(title="Vårt team", slug="team", intro="Vilka vi är."))
    team.save_revision().publish()
    return {"home": home, "about": about, "team": team}


def page_queries(client, path, django_assert_max_num_queries, expected_status=200):
    """Serve `path` twice (the first fills the caches) and return the second's queries."""
    client.get(path)
    with django_assert_max_num_queries(50) as queries:
        response = client.get(path)
    count = len(queries)
    assert response.status_code == expected_status
    return response, [query["sql"] for query in queries.captured_queries][:count]


@pytest.fixture
def client(client):
    """Signed in: the anonymous page cache would answer before any routing."""
    client.force_login(UserFactory())
    return client


def test_a_deep_page_is_found_without_a_query(client, pages, django_assert_max_num_queries):
    response, queries = page_queries(client, "/om/team/", django_assert_max_num_queries)
    assert "Vårt team" in response.content.decode()
    routing = [sql for sql in queries if "wagtailcore_site" in sql or "wagtailcore_pageviewrestriction" in sql]
    assert routing == []
    page_reads = [sql for sql in queries if sql.startswith('SELECT "wagtailcore_page"."id", "wagtailcore_page"."path"')]
    assert page_reads == []


def test_a_page_saved_without_publishing_is_read_afresh(client, pages):
    """The cached route holds the page's row: saving the row directly (no revision, no publication, so no purge)
    still shows at once, as does unpublishing."""
    assert "Vilka vi är." in client.get("/om/team/").content.decode()
    team = Page.objects.get(pk=pages["team"].pk).specific
    team.intro = "Människorna bakom arenan."
    team.save()
    assert "Människorna bakom arenan." in client.get("/om/team/").content.decode()
    team.unpublish()
    assert client.get("/om/team/").status_code == 404


def test_a_deleted_page_is_gone_and_its_address_free(client, pages):
    assert client.get("/om/team/").status_code == 200
    Page.objects.filter(pk=pages["team"].pk).delete()
    assert client.get("/om/team/").status_code == 404


def test_a_moved_page_answers_at_its_new_address(client, pages):
    assert client.get("/om/team/").status_code == 200
    team = Page.objects.get(pk=pages["team"].pk)
    team.move(pages["home"], pos="last-child")
    response = client.get("/om/team/")
    assert response.status_code == 301  # wagtail.contrib.redirects remembers the old address
    assert response["Location"] == "/team/"
    assert client.get("/team/").status_code == 200


def test_a_new_slug_takes_effect_on_publish(client, pages):
    assert client.get("/om/team/").status_code == 200
    team = pages["team"]
    team.slug = "medarbetare"
    team.save_revision().publish()
    assert client.get("/om/team/").status_code == 404
    assert client.get("/om/medarbetare/").status_code == 200


def test_unknown_addresses_are_not_cached(client, pages):
    before = set(cache.keys("*page-routing:route*")) if hasattr(cache, "keys") else None
    assert client.get("/finns-inte/alls/").status_code == 404
    if before is not None:
        assert set(cache.keys("*page-routing:route*")) == before


def test_a_login_restriction_applies_from_the_cache(client, pages):
    assert client.get("/om/team/").status_code == 200
    PageViewRestriction.objects.create(page=pages["about"], restriction_type=PageViewRestriction.LOGIN)
    anonymous = Client()
    response = anonymous.get("/om/team/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/")
    response = client.get("/om/team/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


def test_a_group_restriction_follows_its_groups(client, pages):
    readers = Group.objects.create(name="Läsare i teamet")
    member, outsider = UserFactory(), UserFactory()
    member.groups.add(readers)
    restriction = PageViewRestriction.objects.create(page=pages["team"], restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(readers)
    client.force_login(member)
    assert client.get("/om/team/").status_code == 200
    client.force_login(outsider)
    assert client.get("/om/team/").status_code == 302
    client.force_login(SuperUserFactory())
    assert client.get("/om/team/").status_code == 200
    # Admitting another group, or taking the member out of the group, counts at once.
    others = Group.objects.create(name="Andra läsare")
    outsider.groups.add(others)
    restriction.groups.add(others)
    client.force_login(outsider)
    assert client.get("/om/team/").status_code == 200
    member.groups.remove(readers)
    client.force_login(member)
    assert client.get("/om/team/").status_code == 302


def test_a_warm_route_brings_its_own_restrictions_and_reads_no_map_of_all(client, pages):
    """The map of every restriction grows with the restricted pages (staff-only posts); a warm request reads only
    its route's entry, which holds the page's own restrictions and its ancestors'."""
    for number in range(30):  # restrictions elsewhere, which the team page's entry must not carry
        other = pages["home"].add_child(instance=StandardPage(title=f"Intern sida {number}", slug=f"intern-{number}"))
        PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=pages["about"], restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/om/team/").status_code == 200  # fills the route's entry
    cache.delete_many(list(cache.keys("*page-routing:restrictions*")))
    assert client.get("/om/team/").status_code == 200
    assert Client().get("/om/team/").status_code == 302  # the anonymous visitor is still turned away
    assert cache.keys("*page-routing:restrictions*") == []  # from the entry, not from the map
    (entry,) = [cache.get(key) for key in cache.keys("*page-routing:route*om/team")]
    page, _depth = entry
    kept = page.__dict__[page_routing.KEPT_RESTRICTIONS]
    assert [restriction.restriction_type for restriction in kept] == [PageViewRestriction.LOGIN]


def test_a_password_restriction_asks_for_the_password(client, pages):
    PageViewRestriction.objects.create(
        page=pages["team"], restriction_type=PageViewRestriction.PASSWORD, password="hemligt-lösen"
    )
    response = client.get("/om/team/")
    assert response.status_code == 200
    assert "Vårt team" not in response.content.decode()
    assert 'name="password"' in response.content.decode()
    form_url = response.content.decode().split('action="')[1].split('"')[0]
    response = client.post(form_url, {"password": "hemligt-lösen", "return_url": "/om/team/"})
    assert response.status_code == 302
    assert "Vårt team" in client.get("/om/team/").content.decode()


def test_lifting_a_restriction_opens_the_page(client, pages):
    restriction = PageViewRestriction.objects.create(page=pages["about"], restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Ledningen"))
    assert client.get("/om/").status_code == 302
    restriction.delete()
    assert client.get("/om/").status_code == 200


def test_a_new_host_name_routes_to_its_site(client, pages):
    assert client.get("/om/", HTTP_HOST="testserver").status_code == 200
    other_root = pages["home"].add_child(instance=StandardPage(title="Andra sajten", slug="andra", intro="x"))
    other_root.save_revision().publish()
    Site.objects.create(hostname="andra.example", port=80, root_page=other_root, site_name="Andra")
    response = client.get("/", HTTP_HOST="andra.example")
    assert response.status_code == 200
    assert "Andra sajten" in response.content.decode()
