"""The maturity dashboards in a real browser, logged in as the demo analyst through the login form: /mognad/ and
/mognad/<org>/ with zero axe-core violations (WCAG 2.0/2.1 A and AA), also at a 320px phone width; the table
sorted from the keyboard through its header links; print styles; the Swedish 403 page for another organisation."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.demo import DEMO_PASSWORD
from tests.helpers.keyboard import by_text, tab_to
from tests.helpers.mfa import app_secret_for, enter_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANALYST_EMAIL = "analytiker@kunskapsarenan.local"
WRITER_EMAIL = "skribent.slk@kunskapsarenan.local"  # a writer of Stadsledningskontoret
PHONE = {"width": 320, "height": 640}


@pytest.fixture
def results(demo_site):
    from arena.models import Organisation
    from maturity.roles import grant_analyst_permissions
    from tests.helpers.maturity_data import scenario

    grant_analyst_permissions()
    return scenario(
        Organisation.objects.get(name="Stadsledningskontoret"), Organisation.objects.get(name="Intraservice")
    )


def log_in(page, email, next_path):
    secret = app_secret_for(email)
    page.goto(f"/konto/login/?next={next_path}")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    enter_code(page, secret)
    assert urlsplit(page.url).path == next_path, f"login went to {page.url}, not {next_path}"


def test_overview_as_analyst(page, results):
    log_in(page, ANALYST_EMAIL, "/mognad/")
    expect(page.locator("h1")).to_have_text("Digital mognad 2021")
    expect(page.locator(".demo-notice__label")).to_have_text("Demodata")
    for chart_id in ("trend", "categories", "kinds", "distribution"):
        svg = page.locator(f"#{chart_id} svg[role=img]").first
        expect(svg).to_be_visible()
        expect(page.locator(f"#{chart_id} table caption")).to_be_visible()
    expect(page.locator(".organisation-table tbody tr")).to_have_count(7)
    expect(page.locator(".organisation-table tbody tr", has_text="Lilla nämndens förvaltning")).to_contain_text(
        "För få svar"
    )
    assert_no_axe_violations(page)


def test_sorting_from_the_keyboard(page, results):
    log_in(page, ANALYST_EMAIL, "/mognad/")
    total = page.locator(".organisation-table thead a", has_text="Totalt")
    total.focus()
    expect(total).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    query = parse_qs(urlsplit(page.url).query)
    assert query["sort"] == ["total"] and query["dir"] == ["desc"]
    expect(page.locator('.organisation-table th[aria-sort="descending"]')).to_contain_text("Totalt")
    first = page.locator(".organisation-table tbody tr").first.locator("th")
    expect(first).to_have_text("Higab AB")
    # The other headers stay links reachable with Tab.
    page.locator(".organisation-table thead a", has_text="Organisation").focus()
    page.keyboard.press("Tab")
    expect(page.locator(".organisation-table thead a", has_text="Typ")).to_be_focused()
    assert_no_axe_violations(page)


def test_round_selector_without_javascript(new_context, results):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, ANALYST_EMAIL, "/mognad/")
    page.get_by_label("Omgång", exact=True).select_option("2020")
    with page.expect_navigation():
        page.get_by_role("button", name="Visa").click()
    expect(page.locator("h1")).to_have_text("Digital mognad 2020")
    expect(page.locator("#trend svg.chart__svg")).to_be_visible()


def test_organisation_page_as_analyst(page, results):
    log_in(page, ANALYST_EMAIL, f"/mognad/{results.org_a.slug}/")
    expect(page.locator("h1")).to_have_text("Stadsledningskontoret")
    for chart_id in ("org-categories", "quadrant", "org-trend"):
        expect(page.locator(f"#{chart_id} svg[role=img]").first).to_be_visible()
    expect(page.locator("#learning-heading")).to_have_text("Lär av kollegor")
    assert_no_axe_violations(page)


def test_small_organisation_page_and_phone_width(new_context, results):
    page = new_context(viewport=PHONE).new_page()
    log_in(page, ANALYST_EMAIL, f"/mognad/{results.small.slug}/")
    expect(page.locator(".too-few-notice")).to_contain_text("För få svar")
    assert_no_axe_violations(page)
    page.goto("/mognad/")
    assert_no_axe_violations(page)


def test_print_hides_controls_and_keeps_tables(page, results):
    log_in(page, ANALYST_EMAIL, "/mognad/")
    page.emulate_media(media="print")
    expect(page.locator(".round-selector")).to_be_hidden()
    expect(page.locator(".maturity-toc")).to_be_hidden()
    expect(page.locator(".primary-nav, .site-header__tools").first).to_be_hidden()
    expect(page.locator("#categories table")).to_be_visible()
    expect(page.locator(".organisation-table")).to_be_visible()


def test_staff_of_another_organisation_get_a_swedish_403(page, results):
    log_in(page, WRITER_EMAIL, "/mognad/")
    expect(page.locator(".organisation-table tbody tr")).to_have_count(1)
    response = page.goto(f"/mognad/{results.org_b.slug}/")
    assert response.status == 403
    expect(page.locator("h1")).to_have_text("Du har inte tillgång till den här organisationens resultat")
    assert_no_axe_violations(page)


def test_anonymous_visitors_are_sent_to_login(page, results):
    page.goto("/mognad/")
    assert urlsplit(page.url).path == "/konto/login/"
    assert parse_qs(urlsplit(page.url).query)["next"] == ["/mognad/"]


def press_enter_and_wait(page):
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    return navigation.value


def sort_by_total(state):
    return state["tag"] == "a" and state["text"].startswith("Totalt")  # the header link, not a chart's table


def test_maturity_dashboard_by_keyboard(page, results):
    log_in(page, ANALYST_EMAIL, "/mognad/")
    tab_to(page, lambda state: state["id"] == "round-select", limit=150)
    page.keyboard.press("ArrowDown")  # the next (older) round
    tab_to(page, by_text("Visa"))
    press_enter_and_wait(page)
    assert "omgang" in parse_qs(urlsplit(page.url).query)

    tab_to(page, sort_by_total, limit=200)
    press_enter_and_wait(page)
    query = parse_qs(urlsplit(page.url).query)
    assert query["sort"] == ["total"]
    tab_to(page, sort_by_total, limit=200)  # reached again on the sorted page
    tab_to(page, lambda state: state["tag"] == "a" and not state["text"].startswith("Totalt"), backwards=True)
    assert_no_axe_violations(page)
