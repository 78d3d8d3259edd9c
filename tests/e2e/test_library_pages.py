"""The material library in a real browser: the listing, the listing filtered and searched (a GET form that works
without JavaScript), and a document's page with its download — each with zero axe-core violations."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.keyboard import active_element_is_error_summary

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

POLICY = "Göteborgs Stads policy för digitalisering och IT"


@pytest.fixture
def library(demo_site):
    """The library's demo documents for the organisations the browser tests seed."""
    from arena.library.demo import seed_library
    from arena.models import Organisation

    return seed_library(demo_site.home, list(Organisation.objects.all()))


def test_library_listing_is_accessible(page, library):
    response = page.goto("/material/")

    assert response.status == 200
    expect(page.locator("h1")).to_have_text("Material")
    expect(page.get_by_role("link", name=POLICY)).to_be_visible()
    expect(page.get_by_text("Budgetunderlag för gemensamma")).to_have_count(0)  # staff only
    assert_no_axe_violations(page)


def test_filtered_and_searched_listing_without_javascript_is_accessible(new_context, library):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/material/")

    page.get_by_label("Dokumenttyp").select_option(label="Styrande dokument (alla)")
    page.get_by_label("Organisation").select_option(label="Stadsledningskontoret")
    with page.expect_navigation():
        page.get_by_role("button", name="Visa dokument").click()

    assert re.search(r"typ=styrande", page.url)
    expect(page.get_by_role("heading", name=re.compile(r"3 dokument matchar"))).to_be_visible()
    expect(page.get_by_role("link", name=POLICY)).to_be_visible()
    expect(page.get_by_text("Aktiva filter")).to_be_visible()
    filtered_url = page.url

    page.get_by_label("Sökord").fill("solcellsinventering")
    page.get_by_label("Dokumenttyp").select_option(value="")
    page.get_by_label("Organisation").select_option(value="")
    with page.expect_navigation():
        page.get_by_role("button", name="Visa dokument").click()
    expect(page.get_by_role("link", name="Energiöversyn av kulturfastigheter 2025")).to_be_visible()
    expect(page.locator(".document-card")).to_have_count(1)

    # axe needs JavaScript: check the filtered listing the visitor reached in a browser that has it.
    checked = new_context().new_page()
    assert checked.goto(filtered_url).status == 200
    expect(checked.get_by_role("link", name=POLICY)).to_be_visible()
    assert_no_axe_violations(checked)


def test_listing_with_a_bad_filter_shows_the_error_accessibly(page, library):
    response = page.goto("/material/?ar=tjugohundra")

    assert response.status == 400
    assert active_element_is_error_summary(page)
    expect(page.get_by_role("alert")).to_contain_text("Fyll i ett heltal")
    expect(page.get_by_role("link", name=POLICY)).to_be_visible()
    assert_no_axe_violations(page)


def test_document_page_is_accessible_and_downloads_the_file(page, library):
    page.goto("/material/")
    with page.expect_navigation():
        page.get_by_role("link", name=POLICY).click()

    expect(page.locator("h1")).to_have_text(POLICY)
    expect(page.get_by_text("Styrande dokument: policy")).to_be_visible()
    assert_no_axe_violations(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"^Ladda ner")).click()
    assert download_info.value.suggested_filename == "policy-digitalisering-och-it.pdf"
