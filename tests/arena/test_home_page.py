"""The start page with every app's section (the arena_home_sections hook): the latest posts across organisations,
the next conference, the maturity headline and the active blog spaces, in hook order; staff-only posts only for
logged-in users, also through the anonymous page cache; a flat number of queries as posts, editions and rounds grow;
and a purged page cache when an edition is published."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from arena.demo.seed import ensure_home_page
from arena.models import Organisation
from blogs.provisioning import ensure_blog_index
from tests.blogs.factories import create_post
from tests.conferences.factories import create_edition, create_series
from tests.factories import OrganisationFactory, SuperUserFactory, UserFactory
from tests.helpers.maturity_data import build_model, organisations, populate

pytestmark = pytest.mark.django_db

BOLAG = Organisation.Kind.BOLAG
SECTION_ORDER = ['class="home-posts"', 'class="home-conference"', 'class="home-spaces"', 'class="home-maturity"']


@pytest.fixture
def home(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    ensure_blog_index()
    return home


@pytest.fixture
def spaces(home):
    return [OrganisationFactory(name=f"Förvaltning för test {n}").blog_space for n in range(3)]


@pytest.fixture
def series(home):
    return create_series(home)


def upcoming_edition(series, days=60, **fields):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return create_edition(series, year=day.year, date=day, slug=f"kommande-{day.year}", **fields)


def html_of(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


# --- What the page shows ------------------------------------------------------------------------------------------


def test_every_section_in_hook_order(client, spaces, series):
    create_post(spaces[0], "Inlägg från den första")
    upcoming_edition(series)
    populate(
        build_model(),
        [2021],
        organisations(3, prefix="Mätt förvaltning"),
        organisations(3, kind=BOLAG, prefix="Mätt bolag"),
    )
    html = html_of(client)
    positions = [html.index(marker) for marker in SECTION_ORDER]
    assert positions == sorted(positions)  # posts (10), conference (15), spaces (20), maturity (30)


def test_latest_posts_come_from_every_organisation_newest_first(client, spaces):
    first, second, third = spaces
    create_post(first, "Äldst", published_date=datetime.date(2026, 3, 1))
    create_post(second, "Nyast", published_date=datetime.date(2026, 5, 1))
    create_post(third, "Mitt emellan", published_date=datetime.date(2026, 4, 1))
    html = html_of(client)
    posts = html.split('class="home-posts"', 1)[1].split("</section>", 1)[0]
    assert posts.index("Nyast") < posts.index("Mitt emellan") < posts.index("Äldst")
    for space in spaces:
        assert f'href="/bloggar/{space.slug}/"' in posts


def test_latest_posts_leave_out_drafts(client, spaces):
    create_post(spaces[0], "Ett utkast", live=False)
    create_post(spaces[0], "Publicerat inlägg")
    html = html_of(client)
    assert "Publicerat inlägg" in html and "Ett utkast" not in html


def test_staff_only_posts_only_for_logged_in_users(client, spaces):
    create_post(spaces[0], "Öppet för alla")
    create_post(spaces[1], "Bara för medarbetare", staff_only=True)
    anonymous = html_of(client)
    assert "Öppet för alla" in anonymous and "Bara för medarbetare" not in anonymous
    client.force_login(UserFactory())
    logged_in = html_of(client)
    assert "Öppet för alla" in logged_in and "Bara för medarbetare" in logged_in


def test_password_and_group_restricted_posts_only_for_those_they_are_meant_for(client, spaces):
    """Staff-only means a login restriction. A post behind a password is never listed (a listing cannot ask for the
    password); one restricted to some groups is listed for their members and superusers only."""
    from django.contrib.auth.models import Group

    create_post(spaces[0], "Öppet inlägg")
    PageViewRestriction.objects.create(
        page=create_post(spaces[0], "Bakom lösenord"), restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    board = Group.objects.create(name="Ledningsgruppen")
    restriction = PageViewRestriction.objects.create(
        page=create_post(spaces[1], "För ledningsgruppen"), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(board)
    member, other, admin = UserFactory(), UserFactory(), SuperUserFactory()
    member.groups.add(board)
    for user, sees_group_post in ((other, False), (member, True), (admin, True)):
        client.force_login(user)
        for path in ("/", "/bloggar/"):
            html = html_of(client, path)
            assert "Öppet inlägg" in html and "Bakom lösenord" not in html, (user, path)
            assert ("För ledningsgruppen" in html) is sees_group_post, (user, path)
    client.logout()
    html = html_of(client)
    assert "Öppet inlägg" in html and "Bakom lösenord" not in html and "För ledningsgruppen" not in html


# --- The anonymous page cache --------------------------------------------------------------------------------------


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_a_cached_start_page_never_carries_a_staff_only_post(client, spaces, page_cache):
    create_post(spaces[1], "Bara för medarbetare", staff_only=True)
    staff = UserFactory()
    staff_client = type(client)()
    staff_client.force_login(staff)
    assert "Bara för medarbetare" in html_of(staff_client)  # a logged-in view is never stored
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Bara för medarbetare" not in response.content.decode()
    response = client.get("/")
    assert response["X-Page-Cache"] == "hit"
    assert "Bara för medarbetare" not in response.content.decode()


def test_publishing_an_edition_or_a_post_purges_the_start_page(client, spaces, series, page_cache):
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    edition = upcoming_edition(series, title="Mötesplats nästa höst")
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Mötesplats nästa höst" in response.content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"
    edition.unpublish()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Mötesplats nästa höst" not in response.content.decode()
    create_post(spaces[0], "Ett färskt inlägg")
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Ett färskt inlägg" in response.content.decode()


# --- Queries ------------------------------------------------------------------------------------------------------

# With every section (featured projects included); a logged-in user's featured projects cost one more.
MAX_QUERIES = {"anonymous": 26, "staff": 27}


def grow(spaces, series, model, years, posts_per_space, editions):
    for space in spaces:
        for _ in range(posts_per_space):
            create_post(space)
        create_post(space, staff_only=True)
    for offset in range(editions):
        year = 2010 + len(series.get_children()) + offset
        create_edition(series, year=year, date=datetime.date(year, 10, 1))
    populate(
        model, years, organisations(4, prefix="Mätt förvaltning"), organisations(3, kind=BOLAG, prefix="Mätt bolag")
    )


@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_the_start_page_costs_the_same_number_of_queries_as_content_grows(
    client, spaces, series, who, django_assert_max_num_queries
):
    if who == "staff":
        client.force_login(UserFactory())
    model = build_model()
    upcoming_edition(series)
    grow(spaces, series, model, [2019], posts_per_space=1, editions=1)
    client.get("/")  # warm the per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as small:
        assert client.get("/").status_code == 200
    grow(
        spaces + [OrganisationFactory(name=f"Skrivande förvaltning {n}").blog_space for n in range(5)],
        series,
        model,
        [2020, 2021, 2022],
        6,
        6,
    )
    client.get("/")
    with django_assert_max_num_queries(MAX_QUERIES[who]):
        with CaptureQueriesContext(connection) as large:
            html = html_of(client)
    assert len(large) == len(small), "\n".join(query["sql"] for query in large.captured_queries)
    assert "Digital mognad 2022" in html and 'class="home-conference"' in html and 'class="home-posts"' in html
