"""Public pages in a real browser: status, language, heading, keyboard, no-JS use and axe-core (WCAG 2.1 AA)."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.mfa import app_secret_for, enter_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    pytest.param("/", 200, id="home"),
    pytest.param("/om/", 200, id="standard-page"),
    pytest.param("/kakor/", 200, id="cookies"),
    pytest.param("/konto/login/", 200, id="login"),
    pytest.param("/tillganglighet/", 200, id="accessibility-statement"),
    pytest.param("/sok/?q=digitalisering", 200, id="search"),
    pytest.param("/finns-inte/", 404, id="not-found"),
]
REPORT_FIELD = "Beskriv problemet"
# Django says "Detta fält måste fyllas i", Wagtail's form builder "Det här fältet är obligatoriskt".
REQUIRED_MESSAGE = re.compile(r"obligatorisk|måste fyllas i", re.IGNORECASE)
THANK_YOU = "Tack för att du hjälper oss att bli bättre"


def assert_page_basics(page, response, status):
    assert response is not None, f"no response for {page.url}"
    assert response.status == status, f"{page.url} answered {response.status}, expected {status}"
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("h1").first).to_be_visible()


def report_form(page):
    return page.locator("form").filter(has=page.get_by_label(REPORT_FIELD))


def submit_button(form):
    return form.locator("button[type=submit], input[type=submit], button:not([type])").first


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_public_page_is_accessible(page, demo_site, path, status):
    response = page.goto(path)
    assert_page_basics(page, response, status)
    assert_no_axe_violations(page)


def test_empty_accessibility_report_shows_errors_accessibly(page, demo_site):
    page.goto("/tillganglighet/")
    form = report_form(page)
    expect(form).to_have_count(1)
    # Skip the browser's own check of `required` so the server's validation messages are what we test.
    form.evaluate("form => { form.noValidate = true; }")
    with page.expect_navigation():
        submit_button(form).click()
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("h1").first).to_be_visible()
    expect(page.get_by_text(REQUIRED_MESSAGE).first).to_be_visible()
    expect(page.get_by_label(REPORT_FIELD)).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(page)


def test_first_tab_reaches_skip_link_which_moves_to_main(page, demo_site):
    page.goto("/")
    page.keyboard.press("Tab")
    focused_text = page.evaluate("() => document.activeElement && document.activeElement.textContent")
    assert "Hoppa" in (focused_text or ""), f"first Tab focused {focused_text!r}, not the skip link"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("#main")).to_have_count(1)


def test_site_works_without_javascript(new_context, demo_site):
    from wagtail.contrib.forms.models import FormSubmission

    from arena.models import AccessibilityStatementPage

    page = new_context(java_script_enabled=False).new_page()
    assert_page_basics(page, page.goto("/"), 200)

    page.goto("/tillganglighet/")
    page.get_by_label(REPORT_FIELD).fill("Knappen Skicka går inte att nå med tangentbordet på sidan Om.")
    with page.expect_navigation():
        submit_button(report_form(page)).click()
    expect(page.get_by_text(THANK_YOU)).to_be_visible()
    expect(page.locator("h1").first).to_be_visible()
    statement = AccessibilityStatementPage.objects.get()
    assert FormSubmission.objects.filter(page=statement).count() == 1


def test_demo_admin_logs_in_and_reaches_wagtail_dashboard(page, demo_site):
    secret = app_secret_for(demo_site.admin_email)
    page.goto("/konto/login/")
    page.locator("input[name=login]").fill(demo_site.admin_email)
    page.locator("input[name=password]").fill(demo_site.password)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    enter_code(page, secret)
    assert "/konto/login/" not in page.url, "login did not succeed"

    response = page.goto("/admin/")
    assert response.status == 200
    assert urlsplit(page.url).path == "/admin/", f"/admin/ redirected to {page.url}"
    expect(page.locator(".w-dashboard")).to_be_visible()
    expect(page.locator("h1").first).to_be_visible()
