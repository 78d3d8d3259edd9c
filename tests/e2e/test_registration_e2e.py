"""Registration in a real browser: log in through the login page, the registration form (also at 320px), a
submission with two overlapping workshops (a 400 page with the error summary), a successful registration and a
cancellation — all by keyboard and each page with zero axe-core violations (WCAG 2.0/2.1 A and AA)."""

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.demo import DEMO_PASSWORD
from tests.helpers.keyboard import (
    active_element_is_error_summary,
    assert_confirmation_focused_in_main,
    by_name,
    by_text,
    tab_to,
)
from tests.helpers.mfa import app_secret_for, enter_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STAFF_EMAIL = "medarbetare@kunskapsarenan.local"
PHONE = {"width": 320, "height": 640}


@dataclass(frozen=True)
class Conference:
    edition: object
    url: str


@pytest.fixture
def conference(demo_site):
    from conferences.registration import rules
    from tests.conferences.factories import create_series
    from tests.factories import UserFactory
    from tests.helpers.registrations import create_workshop, open_edition

    series = create_series(demo_site.home)
    edition = open_edition(series, venue="Stadshuset, Göteborg")
    big, small = edition.tracks.all()
    create_workshop(edition, "AI i vardagen", 10, 11, capacity=20, track=big)
    create_workshop(edition, "Öppna data i praktiken", 10, 12, capacity=20, track=small)
    full = create_workshop(edition, "Tjänstedesign", 13, 14, capacity=1, track=big)
    rules.register_for_session(UserFactory(), full)
    return Conference(edition=edition, url=f"/motesplats/{edition.year}/anmalan/")


def log_in(page, next_path):
    secret = app_secret_for(STAFF_EMAIL)  # None for a reader; a writer (who can change content) gives a code
    page.goto(f"/konto/login/?next={next_path}")
    page.locator("input[name=login]").fill(STAFF_EMAIL)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    enter_code(page, secret)
    assert urlsplit(page.url).path == next_path, f"login went to {page.url}, not {next_path}"


def assert_page_basics(page):
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text("Anmälan")


def assert_fits_a_phone(page):
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 320px"
    assert_no_axe_violations(page)


def focused(page):
    return page.evaluate("() => [document.activeElement.name || '', document.activeElement.textContent.trim()]")


def test_edition_page_links_to_registration(page, conference):
    response = page.goto(f"/motesplats/{conference.edition.year}/")
    assert response.status == 200
    box = page.get_by_role("region", name="Anmälan")
    expect(box).to_contain_text("Anmälan är öppen till")
    expect(box.get_by_role("link", name=f"Anmäl dig – {conference.edition.title}")).to_have_attribute(
        "href", conference.url
    )
    assert_no_axe_violations(page)


def test_anonymous_visitors_log_in_first_and_see_the_form(page, conference):
    response = page.goto(conference.url)
    assert "/konto/login/" in page.url and response.status == 200
    log_in(page, conference.url)
    assert_page_basics(page)
    form = page.locator("form.form")
    expect(form.get_by_label("Jag deltar under konferensdagen")).to_be_visible()
    expect(form.get_by_role("group", name="Workshoppar")).to_be_visible()
    expect(form.get_by_label("AI i vardagen")).to_have_accessible_description("20 platser kvar")
    expect(form.get_by_label("Tjänstedesign")).to_have_accessible_description("Fullt – väntelista")
    assert_no_axe_violations(page)
    assert_fits_a_phone(page)


def test_two_overlapping_workshops_by_keyboard_show_the_error_summary(page, conference):
    log_in(page, conference.url)
    page.get_by_label("Jag deltar under konferensdagen").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the workshops follow the day in the same group
    assert focused(page)[0] == "sessions"
    page.keyboard.press("Space")  # AI i vardagen
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # Öppna data i praktiken, at the same time
    page.keyboard.press("Tab")  # Tjänstedesign
    page.keyboard.press("Tab")  # the needs
    page.keyboard.press("Tab")
    assert focused(page) == ["", "Anmäl dig"], "Tab did not reach the submit button"
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")

    assert navigation.value.status == 400
    assert_page_basics(page)
    assert page.title().startswith("Fel:")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("”AI i vardagen” och ”Öppna data i praktiken” pågår samtidigt. Välj en av dem.")
    expect(page.get_by_role("group", name="Workshoppar")).to_have_accessible_description(
        "Workshopparna har ett begränsat antal platser. När en är full hamnar du på dess väntelista och flyttas upp "
        "när någon avbokar. Väljer du en workshop anmäls du också till dagen. "
        "Fel: ”AI i vardagen” och ”Öppna data i praktiken” pågår samtidigt. Välj en av dem."
    )
    expect(page.get_by_label("AI i vardagen")).to_be_checked()  # the choices are kept
    assert_no_axe_violations(page)
    summary.get_by_role("link").click()
    assert page.evaluate("() => document.activeElement.id") == "id_sessions"
    assert_fits_a_phone(page)


def test_register_and_cancel_by_keyboard(page, conference):
    log_in(page, conference.url)
    page.get_by_label("Jag deltar under konferensdagen").check()
    page.get_by_label("Tjänstedesign").check()
    page.get_by_role("button", name="Anmäl dig").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    status = page.get_by_role("status")
    expect(status).to_contain_text(f"Du är anmäld till {conference.edition.title}.")
    expect(status).to_contain_text("Du står på väntelistan till ”Tjänstedesign”, plats 1.")
    mine = page.locator("section.registrations")
    expect(mine).to_contain_text("På väntelistan – plats 1 i kön")
    assert_no_axe_violations(page)

    mine.get_by_role("button", name="Avboka platsen – Tjänstedesign").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Din plats på ”Tjänstedesign” är avbokad.")
    expect(mine).not_to_contain_text("Tjänstedesign")
    assert_no_axe_violations(page)


def test_someone_in_two_organisations_chooses_one_by_keyboard(page, conference):
    from django.contrib.auth import get_user_model

    from tests.factories import OrganisationFactory, add_writer

    staff = get_user_model().objects.get(email=STAFF_EMAIL)
    ours, theirs = OrganisationFactory(name="Förskoleförvaltningen"), OrganisationFactory(name="Kulturförvaltningen")
    add_writer(staff, ours)
    add_writer(staff, theirs)
    log_in(page, conference.url)
    question = page.get_by_role("group", name="Vilken organisation registrerar du dig för? (obligatoriskt)")
    expect(question.get_by_role("radio")).to_have_count(2)
    page.get_by_label("Jag deltar under konferensdagen").check()
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Anmäl dig").click()

    assert navigation.value.status == 400
    expect(page.get_by_role("alert")).to_contain_text("Välj den organisation du registrerar dig för.")
    assert_no_axe_violations(page)
    question.get_by_label("Kulturförvaltningen").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Anmäl dig").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text(f"Du är anmäld till {conference.edition.title}.")
    registration = staff.conference_registrations.get()
    assert registration.organisation == theirs


def submit_with_enter(page):
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    return navigation.value


def test_programme_filter_by_keyboard_says_how_many_it_shows(page, conference):
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


def test_register_and_cancel_the_day_by_keyboard(page, conference):
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
