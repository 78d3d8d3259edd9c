"""Login, the accessibility report form and search by keyboard in a real browser (issue 15): after a failed submit
the error summary has focus, personal fields carry their autocomplete token. Each walk uses only Tab/Shift+Tab/Enter
and checks that every focused element is on screen, shows its focus and follows the reading order
(tests/helpers/keyboard.py); every error state is checked with axe-core (WCAG 2.0/2.1 A and AA). The other keyboard
walks sit with their pages: registration, cancellation and the programme filter in test_registration_e2e.py,
commenting in test_blog_pages.py, the maturity dashboard in test_maturity_dashboards.py."""

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.demo import DEMO_PASSWORD
from tests.helpers.keyboard import (
    active_element_is_error_summary,
    by_name,
    by_text,
    tab_to,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STAFF_EMAIL = "medarbetare@kunskapsarenan.local"


def submit_with_enter(page):
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    return navigation.value


def test_login_failure_focuses_the_summary_and_marks_both_fields(page, demo_site):
    page.goto("/konto/login/")
    tab_to(page, by_name("login"))
    page.keyboard.type(STAFF_EMAIL)
    tab_to(page, by_name("password"))
    page.keyboard.type("fel lösenord")
    tab_to(page, by_text("Logga in"))
    submit_with_enter(page)

    assert active_element_is_error_summary(page)
    assert page.title().startswith("Fel:")
    for name, token in (("login", "email"), ("password", "current-password")):
        field = page.locator(f"input[name={name}]")
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_attribute("autocomplete", token)
    assert_no_axe_violations(page)

    tab_to(page, by_name("password"))  # from the summary, on through the form
    page.keyboard.type(DEMO_PASSWORD)
    tab_to(page, by_text("Logga in"))
    submit_with_enter(page)
    expect(page.locator(".account-area")).to_contain_text("Inloggad som")


def test_report_form_by_keyboard(page, demo_site):
    page.goto("/tillganglighet/")
    email = page.get_by_label("Din e-postadress")
    expect(email).to_have_attribute("autocomplete", "email")
    tab_to(page, by_text("Skicka"))
    response = submit_with_enter(page)

    assert response.status == 200  # Wagtail's form pages answer an invalid form with the page itself
    assert active_element_is_error_summary(page)
    assert page.title().startswith("Fel:")
    expect(page.get_by_role("alert")).to_contain_text("Beskriv problemet")
    assert_no_axe_violations(page)

    state = tab_to(page, lambda state: state["tag"] == "textarea")
    assert state["text"] == ""
    page.keyboard.type("Knappen Sök går inte att nå med tangentbordet.")
    tab_to(page, by_text("Skicka"))
    submit_with_enter(page)
    expect(page.locator("main")).to_contain_text("Tack för att du hjälper oss")


def test_search_by_keyboard_and_a_refused_search(page, demo_site):
    page.goto("/")
    tab_to(page, lambda state: state["id"] == "site-search")
    page.keyboard.type("digitalisering")
    submit_with_enter(page)
    expect(page.locator("h1")).to_have_text("Sök")
    tab_to(page, lambda state: state["id"] == "search-query")
    tab_to(page, by_text("Sök"))
    tab_to(page, lambda state: state["id"] == "search-query", backwards=True)

    page.goto("/sok/?q=" + "a" * 300)
    assert active_element_is_error_summary(page)
    assert page.title().startswith("Fel:")
    expect(page.locator("#search-query")).to_have_accessible_description(
        "Söktexten är för lång. Använd högst 200 tecken."
    )
    assert_no_axe_violations(page)
