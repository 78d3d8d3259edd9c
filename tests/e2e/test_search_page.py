"""The search page in a real browser: results with facets and highlighted excerpts, a facet chosen with the keyboard
and without JavaScript, and a search without results with its suggestion — each with zero axe-core violations."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

QUERY = "cykelplanen"


@pytest.fixture
def content(demo_site):
    from wagtail.models import Page

    from arena.models import Organisation, StandardPage
    from tests.blogs.factories import create_post

    for organisation_name, title in (
        ("Intraservice", "Cykelplanen i praktiken"),
        ("Higab AB", "Cykelplanen och lokalerna"),
    ):
        space = Organisation.objects.get(name=organisation_name).blog_space
        create_post(space, title, intro="Om cykelplanen.", body_text="Vi följer cykelplanen i vårt arbete.")
    home = Page.objects.get(pk=demo_site.home.pk)
    home.add_child(instance=StandardPage(title="Om cykelplanen", intro="Cykelplanen beskriver stadens cykelvägar."))
    return demo_site


def test_search_page_with_facets_is_accessible(page, content):
    response = page.goto(f"/sok/?q={QUERY}")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("h1")).to_have_text("Sök")
    facets = page.get_by_role("navigation", name="Avgränsa träffarna")
    expect(facets).to_be_visible()
    expect(facets.get_by_role("link", name=re.compile(r"^Blogginlägg \(2"))).to_be_visible()
    expect(facets.get_by_role("link", name=re.compile(r"^Intraservice \(1"))).to_be_visible()
    expect(page.locator(".search-result")).to_have_count(3)
    expect(page.locator(".search-result__excerpt mark").first).to_be_visible()
    assert_no_axe_violations(page)


def test_a_facet_is_chosen_with_the_keyboard(page, content):
    page.goto(f"/sok/?q={QUERY}")
    page.get_by_label("Sök", exact=True).last.focus()
    facet = page.get_by_role("link", name=re.compile(r"^Blogginlägg \(2"))
    for _ in range(40):  # Tab through the page until the facet link has focus
        page.keyboard.press("Tab")
        if facet.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("the facet link is not reachable with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert parse_qs(urlsplit(page.url).query)["typ"] == ["page-blogpostpage"]
    expect(page.locator(".search-result")).to_have_count(2)
    expect(page.get_by_role("link", name=re.compile(r"^Blogginlägg"))).to_have_attribute("aria-current", "true")
    assert_no_axe_violations(page)


def test_facets_work_without_javascript(new_context, content):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"/sok/?q={QUERY}")

    with page.expect_navigation():
        page.get_by_role("link", name=re.compile(r"^Higab AB \(1")).click()

    expect(page.locator(".search-result")).to_have_count(1)
    expect(page.locator(".search-result__title")).to_have_text("Cykelplanen och lokalerna")


def test_a_search_without_results_is_accessible(page, content):
    response = page.goto("/sok/?q=zqxwvu")

    assert response.status == 200
    expect(page.get_by_role("heading", name=re.compile("Inga träffar"))).to_be_visible()
    assert_no_axe_violations(page)
