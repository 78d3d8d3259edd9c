"""Query-count pins for /sok/, the change projects (index and one project), /material/ and /inspel/, for an anonymous
visitor, a staff member and an analyst:
- warm: the third request with the caches on (the anonymous page cache, arena.fragments, the frame and user-rights
  caches), at most PINS["warm", page, audience] queries;
- cold: with every cache off (the test default), at most PINS["cold", page, audience], and no more for 12 of
  everything than for 2."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from arena.demo.seed import ensure_home_page
from arena.library.demo import ensure_library_page, ensure_staff_collection
from arena.models import StandardPage
from arena.projects.setup import ensure_projects_section
from arena.roles import ANALYSTS, ensure_role_groups
from arena.search.statistics import discard_pending_counts
from tests.arena.projects_helpers import create_project
from tests.factories import DocumentFactory, OrganisationFactory, UserFactory
from tests.helpers.consultations import add_consultation, consultation_index

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

SEARCH = "/sok/?q=digitalisering"
PROJECTS = "/forandringsprojekt/"
PROJECT = "project"  # the first project's own page
LIBRARY = "/material/"
CONSULTATIONS = "/inspel/"

# (caches, page, audience): the most queries one request may cost.
# - "warm": the third request with the caches on. Anonymous pages come whole from the page cache. Signed-in ones pay
#   the session's user (1; the page itself comes with its cached route); a project page also the user's own
#   "following" (personal, never cached). /inspel/ is cached until its next opening or closing moment.
# - "cold": every cache off, the same for 2 and for 12 of everything.
PINS = {
    ("warm", SEARCH, "anonymous"): 0,
    ("warm", SEARCH, "staff"): 1,
    ("warm", SEARCH, "analyst"): 1,
    ("warm", PROJECTS, "anonymous"): 0,
    ("warm", PROJECTS, "staff"): 1,
    ("warm", PROJECTS, "analyst"): 1,
    ("warm", PROJECT, "anonymous"): 0,
    ("warm", PROJECT, "staff"): 2,
    ("warm", PROJECT, "analyst"): 2,
    ("warm", LIBRARY, "anonymous"): 0,
    ("warm", LIBRARY, "staff"): 1,
    ("warm", LIBRARY, "analyst"): 1,
    ("warm", CONSULTATIONS, "anonymous"): 0,
    ("warm", CONSULTATIONS, "staff"): 1,
    ("warm", CONSULTATIONS, "analyst"): 1,
    ("cold", SEARCH, "anonymous"): 21,
    ("cold", SEARCH, "staff"): 22,
    ("cold", SEARCH, "analyst"): 22,
    ("cold", PROJECTS, "anonymous"): 12,
    ("cold", PROJECTS, "staff"): 13,
    ("cold", PROJECTS, "analyst"): 13,
    ("cold", PROJECT, "anonymous"): 14,
    ("cold", PROJECT, "staff"): 16,
    ("cold", PROJECT, "analyst"): 16,
    ("cold", LIBRARY, "anonymous"): 14,
    ("cold", LIBRARY, "staff"): 15,
    ("cold", LIBRARY, "analyst"): 15,
    ("cold", CONSULTATIONS, "anonymous"): 10,
    ("cold", CONSULTATIONS, "staff"): 10,
    ("cold", CONSULTATIONS, "analyst"): 10,
}
WARM = [(page, audience) for caches, page, audience in PINS if caches == "warm"]
COLD = [(page, audience) for caches, page, audience in PINS if caches == "cold"]

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def no_pending_counts():
    discard_pending_counts()
    yield
    discard_pending_counts()


@pytest.fixture
def site(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    return {
        "home": home,
        "projects": ensure_projects_section(home),
        "library": ensure_library_page(home),
        "consultations": consultation_index(home),
        "organisation": OrganisationFactory(name="Stadsledningskontoret"),
        "first_project": None,
    }


def grow(site, count):
    """`count` more of everything the pinned pages list or find: projects, documents, consultations, pages."""
    organisation = site["organisation"]
    for _ in range(count):
        number = next(_numbers)
        project = create_project(
            site["projects"],
            organisation,
            f"Digitalisering av tjänst {number}",
            updates=[(datetime.date(2025, 1, 1), "En uppdatering.")],
            benefits=[("Handläggningstid", "Hälften")],
        )
        site["first_project"] = site["first_project"] or project
        DocumentFactory(title=f"Rapport om digitalisering {number}", collection=organisation.collection)
        DocumentFactory(title=f"Intern plan för digitalisering {number}", collection=ensure_staff_collection())
        add_consultation(site["consultations"], f"Inspel om digitalisering {number}", slug=f"inspel-{number}")
        site["home"].add_child(
            instance=StandardPage(
                title=f"Digitalisering {number}", body=[("paragraph", "<p>Om digitaliseringen av staden.</p>")]
            )
        )
    return site


def path_of(site, page):
    return site["first_project"].url if page == PROJECT else page


def visitor(client, audience):
    client.logout()
    if audience == "staff":
        client.force_login(UserFactory())
    elif audience == "analyst":
        analyst = UserFactory()
        analyst.groups.add(Group.objects.get(name=ANALYSTS))
        client.force_login(analyst)
    return client


@pytest.mark.parametrize(("page", "audience"), WARM)
def test_warm_requests_stay_within_their_pins(client, settings, site, page, audience):
    ensure_role_groups()
    grow(site, 3)
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    visitor(client, audience)
    path = path_of(site, page)
    assert client.get(path).status_code == 200
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    queries = len(ctx)
    assert response.status_code == 200
    assert queries <= PINS["warm", page, audience], "\n".join(query["sql"][:150] for query in ctx.captured_queries)
    cache.clear()


@pytest.mark.parametrize(("page", "audience"), COLD)
def test_cold_requests_are_flat_in_the_size_of_the_site(client, site, page, audience, django_assert_max_num_queries):
    ensure_role_groups()
    visitor(client, audience)
    grow(site, 2)
    path = path_of(site, page)
    assert client.get(path).status_code == 200  # the session's first request may do more
    counts = []
    for more in (0, 10):
        grow(site, more)
        with django_assert_max_num_queries(PINS["cold", page, audience]) as ctx:
            response = client.get(path)
        counts.append(len(ctx))
        assert response.status_code == 200
    assert counts[1] <= counts[0], f"{counts[0]} queries for 2 of each, {counts[1]} for 12"
