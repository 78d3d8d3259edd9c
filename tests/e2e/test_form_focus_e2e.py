"""Forms by keyboard in a real browser (issue 15): after a failed submit the error summary has focus; after a
successful one the confirmation inside <main> does; cancelling the day asks first and lists what is lost; a filtered
programme says how many sessions it shows; personal fields carry their autocomplete token. Each walk uses only
Tab/Shift+Tab/Enter/Space and checks that every focused element is on screen, shows its focus and follows the
reading order (tests/helpers/keyboard.py). Every state is checked with axe-core (WCAG 2.0/2.1 A and AA)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_registration_e2e import STAFF_EMAIL, conference, log_in  # noqa: F401 (conference: a fixture)
from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.demo import DEMO_PASSWORD
from tests.helpers.keyboard import (
    active_element_is_error_summary,
    assert_confirmation_focused_in_main,
    by_name,
    by_text,
    tab_to,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


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


def test_programme_filter_by_keyboard_says_how_many_it_shows(page, conference):  # noqa: F811
    edition = conference.edition
    big = edition.tracks.first()
    total = edition.programme().count()
    shown = edition.programme().filter(track=big).count()
    page.goto(f"/motesplats/{edition.year}/program/")
    expect(page.locator("#programme-count")).to_have_count(0)  # the whole day needs no count
    tab_to(page, by_name("spar"))
    page.keyboard.press("ArrowDown")  # the first track
    tab_to(page, by_text("Filtrera"))
    submit_with_enter(page)

    count = page.get_by_role("status")
    expect(count).to_have_text(f"Visar {shown} av {total} programpunkter")
    assert_no_axe_violations(page)

    response = page.goto(f"/motesplats/{edition.year}/program/?spar=999999")
    assert response.status == 400
    assert active_element_is_error_summary(page)
    assert_no_axe_violations(page)


def test_register_and_cancel_the_day_by_keyboard(page, conference):  # noqa: F811
    log_in(page, conference.url)
    tab_to(page, by_text("Anmäl dig"))
    response = submit_with_enter(page)  # nothing chosen

    assert response.status == 400
    assert active_element_is_error_summary(page)
    choices = page.get_by_role("group", name="Vad vill du anmäla dig till?")
    expect(choices).to_have_accessible_description(
        "Fel: Kryssa i konferensdagen eller minst en workshop för att anmäla dig."
    )
    expect(page.get_by_label("Jag deltar under konferensdagen")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("AI i vardagen")).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(page)

    tab_to(page, by_name("attend_day"))
    page.keyboard.press("Space")
    tab_to(page, lambda state: state["name"] == "sessions")  # the first workshop: AI i vardagen
    page.keyboard.press("Space")
    tab_to(page, by_text("Anmäl dig"))
    submit_with_enter(page)

    text = assert_confirmation_focused_in_main(page)
    assert f"Du är anmäld till {conference.edition.title}." in text
    assert "Du är anmäld till ”AI i vardagen”." in text
    assert_no_axe_violations(page)

    tab_to(page, lambda state: state["text"].startswith("Avboka dagen"))
    response = submit_with_enter(page)
    assert response.status == 200
    expect(page.locator("h1")).to_have_text(f"Avboka din anmälan till {conference.edition.title}?")
    expect(page.locator("main")).to_contain_text("Avbokar du dagen avbokas också din workshop:")
    expect(page.locator(".cancel-registration__lost")).to_contain_text("AI i vardagen")
    expect(page.locator("main")).to_contain_text("får du tillbaka bara via väntelistan")
    assert_no_axe_violations(page)

    tab_to(page, by_text("Ja, avboka dagen och mina workshoppar"))
    submit_with_enter(page)
    text = assert_confirmation_focused_in_main(page)
    assert f"Din anmälan till {conference.edition.title} är avbokad, liksom dina workshoppar." in text
    expect(page.locator("section.registrations")).to_contain_text("Du är inte anmäld till den här konferensdagen.")
    assert_no_axe_violations(page)
