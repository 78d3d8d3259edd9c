"""/oppna-data/ in a real browser: every dataset described with its download links, zero axe-core violations,
and the files reachable with the keyboard alone (plain links, no JavaScript)."""

import json

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(demo_site):
    from wagtail.models import Page

    from arena.models import Organisation
    from arena.projects.setup import ensure_projects_section
    from tests.arena.projects_helpers import create_project
    from tests.conferences.factories import create_edition, create_series, create_session

    home = Page.objects.get(pk=demo_site.home.pk).specific
    create_project(ensure_projects_section(home), Organisation.objects.get(name="Intraservice"), "Öppna mätdata")
    edition = create_edition(create_series(home), year=2021)
    create_session(edition, "Data för alla", track=edition.tracks.first())
    return demo_site


def test_the_open_data_page_is_accessible(page, content):
    response = page.goto("/oppna-data/")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("h1")).to_have_text("Öppna data")
    for title in ("Förändringsprojekt", "Konferensprogram"):
        expect(page.get_by_role("heading", level=2, name=title)).to_be_visible()
        expect(page.get_by_role("table", name=f"Fälten i ”{title}”")).to_be_visible()
    expect(page.get_by_role("link", name="datakatalog i formatet DCAT-AP-SE")).to_be_visible()
    assert_no_axe_violations(page)


def test_a_dataset_is_downloaded_with_the_keyboard(page, content):
    page.goto("/oppna-data/")
    link = page.locator('a[href="/oppna-data/forandringsprojekt.json"]')
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/oppna-data/forandringsprojekt.json")
    document = json.loads(page.locator("body").inner_text())
    assert [row["title"] for row in document["rows"]] == ["Öppna mätdata"]
