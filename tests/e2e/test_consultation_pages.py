"""Consultations in a real browser: the index, an open consultation and its error state, a closed one with its
summary (axe-core, WCAG 2.1 A/AA), the form by keyboard alone, and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.consultations import QUESTION, WORKPLACE, add_consultation, consultation_index
from tests.helpers.keyboard import active_element_is_error_summary

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANSWER = "Samla alla e-tjänster för föreningar på ett ställe."
THANKS = "Tack för dina synpunkter"
SUMMARY = "<p>Många vill hitta exempel.</p><h3>Vad händer nu</h3><ul><li>Vi bygger ett bibliotek.</li></ul>"
REQUIRED_MESSAGE = re.compile(r"obligatorisk|måste fyllas i", re.IGNORECASE)


@pytest.fixture
def consultations(demo_site):
    index = consultation_index(demo_site.home)
    open_page = add_consultation(index, "Inspel om e-tjänster", slug="e-tjanster", ask_for_email=True)
    closed_page = add_consultation(
        index,
        "Inspel om arenan",
        slug="arenan",
        state="closed",
        closed_summary=SUMMARY,
    )
    return {"index": index, "open": open_page, "closed": closed_page}


def submit_button(page):
    return page.get_by_role("button", name="Skicka dina synpunkter")


def test_the_index_is_accessible(page, consultations):
    response = page.goto("/inspel/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Inspel")
    expect(page.get_by_role("link", name="Inspel om e-tjänster")).to_be_visible()
    assert_no_axe_violations(page)


def test_an_open_consultation_is_accessible(page, consultations):
    response = page.goto("/inspel/e-tjanster/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.get_by_label(QUESTION)).to_be_visible()
    expect(page.get_by_text("Svaren läses av projektgruppen")).to_be_visible()
    # The honeypot is neither shown nor in the accessibility tree.
    expect(page.locator("input[name=website]")).to_be_hidden()
    expect(page.get_by_role("textbox", name="Lämna det här fältet tomt")).to_have_count(0)
    expect(page.get_by_role("textbox", name="Lämna det här fältet tomt", include_hidden=True)).to_have_count(1)
    assert_no_axe_violations(page)


def test_an_empty_answer_shows_the_errors_accessibly(page, consultations):
    page.goto("/inspel/e-tjanster/")
    with page.expect_navigation() as navigation:
        submit_button(page).click()
    assert navigation.value.status == 400
    expect(page).to_have_title(re.compile(r"^Fel: "))
    assert active_element_is_error_summary(page)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Det finns fel i formuläret")
    expect(page.get_by_text(REQUIRED_MESSAGE).first).to_be_visible()
    expect(page.get_by_label(QUESTION)).to_have_attribute("aria-invalid", "true")
    # The summary links to the field with the error.
    summary.get_by_role("link").first.click()
    expect(page.get_by_label(QUESTION)).to_be_focused()
    assert_no_axe_violations(page)


def test_a_closed_consultation_is_accessible(page, consultations):
    response = page.goto("/inspel/arenan/")
    assert response.status == 200
    expect(page.get_by_role("heading", name="Inspelet är stängt")).to_be_visible()
    expect(page.get_by_text("Många vill hitta exempel.")).to_be_visible()
    expect(page.locator("form.form")).to_have_count(0)
    assert_no_axe_violations(page)


def test_the_form_works_with_the_keyboard_alone(page, consultations):
    from wagtail.contrib.forms.models import FormSubmission

    page.goto("/inspel/e-tjanster/")
    page.get_by_label(QUESTION).focus()
    page.keyboard.type(ANSWER)
    page.keyboard.press("Tab")
    expect(page.get_by_label(WORKPLACE)).to_be_focused()
    page.keyboard.press("ArrowDown")  # first real choice after "Välj"
    page.keyboard.press("Tab")
    expect(page.get_by_label("Din e-postadress")).to_be_focused()
    page.keyboard.press("Tab")  # past the hidden honeypot, straight to the button
    expect(submit_button(page)).to_be_focused()
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    assert navigation.value.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(THANKS)
    assert FormSubmission.objects.get(page=consultations["open"]).form_data["vad_tycker_du_om_forslaget"] == ANSWER


def test_the_form_works_without_javascript(new_context, consultations):
    from wagtail.contrib.forms.models import FormSubmission

    page = new_context(java_script_enabled=False).new_page()
    page.goto("/inspel/e-tjanster/")
    with page.expect_navigation() as navigation:
        submit_button(page).click()
    assert navigation.value.status == 400
    page.get_by_label(QUESTION).fill(ANSWER)
    with page.expect_navigation() as navigation:
        submit_button(page).click()
    assert navigation.value.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(THANKS)
    assert FormSubmission.objects.filter(page=consultations["open"]).count() == 1
