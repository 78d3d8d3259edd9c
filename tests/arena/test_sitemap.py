"""sitemap.xml lists every public page people can reach (pages, the conference's programme, sessions, speakers and
recordings archive, blog authors, change projects, library documents, the open-data page), all on the configured
public address, and leaves drafts and staff-only content out. Every listed URL answers 200 to an anonymous visitor."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction, Site

from arena.demo.seed import ensure_home_page
from arena.projects.setup import ensure_projects_section
from blogs.provisioning import ensure_blog_index
from tests.arena.projects_helpers import create_project
from tests.blogs.factories import PersonFactory, create_post
from tests.conferences.factories import create_edition, create_series, create_session
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site_content():
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    ensure_blog_index()
    organisation = OrganisationFactory(name="Intraservice")
    space = organisation.blog_space
    create_post(space, "Öppet inlägg", authors=[PersonFactory(name="Anna Skribent", slug="anna-skribent")])
    create_post(space, "Utkast", live=False, authors=[PersonFactory(name="Dold Skribent", slug="dold-skribent")])
    create_post(
        space, "Internt", staff_only=True, authors=[PersonFactory(name="Intern Skribent", slug="intern-skribent")]
    )

    index = ensure_projects_section(home)
    create_project(index, organisation, "Öppet projekt")
    create_project(index, organisation, "Internt projekt", staff_only=True)
    create_project(index, organisation, "Projektutkast", live=False)

    series = create_series(home)
    edition = create_edition(series, year=2021)
    first, second = edition.tracks.all()
    create_session(edition, "Öppen session", code="oppen", track=first, speakers=[PersonFactory(slug="ada-talare")])
    create_session(
        edition, "Utkastpass", code="utkast", track=second, live=False, speakers=[PersonFactory(slug="dold-talare")]
    )
    internal = create_edition(series, year=2022)
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.LOGIN)
    create_session(
        internal,
        "Internt pass",
        code="internt",
        track=internal.tracks.first(),
        speakers=[PersonFactory(slug="intern-talare")],
    )


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text.strip() for loc in root.iterfind("sm:url/sm:loc", NS)]


def test_every_location_is_absolute_on_the_configured_address(client, site_content, settings):
    settings.PUBLIC_BASE_URL = BASE
    locations = sitemap_locations(Client(HTTP_HOST="annan-vard.example"))
    assert locations
    assert all(location.startswith(f"{BASE}/") for location in locations), locations
    assert len(locations) == len(set(locations))


def test_the_sitemap_lists_every_public_route(client, site_content):
    paths = {urlsplit(location).path for location in sitemap_locations(client)}
    expected = {
        "/",
        "/bloggar/",
        "/bloggar/forfattare/anna-skribent/",
        "/forandringsprojekt/",
        "/motesplats/",
        "/motesplats/inspelningar/",
        "/motesplats/2021/",
        "/motesplats/2021/program/",
        "/motesplats/2021/program/oppen/",
        "/motesplats/2021/talare/",
        "/motesplats/2021/talare/ada-talare/",
        "/oppna-data/",
    }
    assert expected <= paths, expected - paths
    assert any(path.startswith("/forandringsprojekt/") and "projekt-" in path for path in paths)


def test_drafts_and_staff_only_content_stay_out(client, site_content):
    text = "\n".join(sitemap_locations(client))
    for hidden in (
        "dold-skribent",
        "intern-skribent",
        "/motesplats/2021/program/utkast/",
        "dold-talare",
        "/motesplats/2022/",
        "intern-talare",
    ):
        assert hidden not in text
    from arena.models import ChangeProjectPage

    for project in ChangeProjectPage.objects.filter(title__in=["Internt projekt", "Projektutkast"]):
        assert f"/{project.slug}/" not in text


def test_every_listed_url_answers_200_to_an_anonymous_visitor(client, site_content):
    for location in sitemap_locations(client):
        response = client.get(urlsplit(location).path)
        assert response.status_code == 200, location
