"""The maturity import form in the Wagtail admin, in a real browser: an analyst uploads a file with errors,
sees every error with its row number (status 400, nothing stored) and the page has zero axe violations."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.demo import DEMO_PASSWORD
from tests.helpers.mfa import app_secret_for, enter_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANALYST_EMAIL = "analytiker@kunskapsarenan.local"
IMPORT_PATH = "/admin/mognad/import/"


@pytest.fixture
def maturity_round(demo_site):
    from maturity.loader import load_model_file
    from maturity.models import Round
    from tests.helpers.maturity_data import DIMIOS_FILE

    model = load_model_file(DIMIOS_FILE).model
    return Round.objects.create(model=model, year=2021, name="Mätning 2021", status=Round.Status.OPEN)


def log_in_as_analyst(page, next_path):
    secret = app_secret_for(ANALYST_EMAIL)
    page.goto(f"/konto/login/?next={next_path}")
    page.locator("input[name=login]").fill(ANALYST_EMAIL)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    enter_code(page, secret)
    assert urlsplit(page.url).path == next_path, f"login went to {page.url}, not {next_path}"


def test_the_import_form_with_errors(page, maturity_round):
    from maturity.models import ImportJob, Response

    log_in_as_analyst(page, IMPORT_PATH)
    expect(page.locator("h1").first).to_be_visible()
    assert_no_axe_violations(page)

    csv_text = (
        "round;organisation;respondent;question;value\n"
        "2021;Intraservice;r1;EFF1;5\n"
        "2021;Okänd förvaltning;r1;EFF2;5\n"
        "2021;Intraservice;r1;EFF3;9\n"
    )
    page.get_by_label("Svar", exact=True).check()
    page.get_by_label("Fil", exact=False).first.set_input_files(
        files=[{"name": "svar.csv", "mimeType": "text/csv", "buffer": csv_text.encode("utf-8")}]
    )
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Kontrollera och importera").click()
    assert navigation.value.status == 400

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Ingenting har importerats: filen har 2 fel.")
    rows = alert.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("3")
    expect(rows.nth(0)).to_contain_text("Okänd organisation: Okänd förvaltning.")
    expect(rows.nth(1)).to_contain_text("4")
    expect(rows.nth(1)).to_contain_text("Svaret 9 ligger utanför skalan 1–7.")
    assert_no_axe_violations(page)
    assert not Response.objects.exists() and not ImportJob.objects.exists()


def test_an_import_into_a_published_round_is_confirmed_first(page, maturity_round):
    from maturity.models import ImportJob, Response, Round

    Round.objects.filter(pk=maturity_round.pk).update(status=Round.Status.PUBLISHED)
    log_in_as_analyst(page, IMPORT_PATH)
    csv_text = (
        "round;organisation;respondent;question;value\n2021;Intraservice;r1;EFF1;5\n2021;Intraservice;r1;EFF2;6\n"
    )
    page.get_by_label("Svar", exact=True).check()
    page.get_by_label("Fil", exact=False).first.set_input_files(
        files=[{"name": "svar.csv", "mimeType": "text/csv", "buffer": csv_text.encode("utf-8")}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Kontrollera och importera").click()

    expect(page.get_by_role("heading", name="Bekräfta importen")).to_be_visible()
    expect(page.locator("main")).to_contain_text(
        "Mätning 2021 är publicerad: importen ändrar resultat som redan visas."
    )
    assert not Response.objects.exists()
    assert_no_axe_violations(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Importera och ersätt").click()
    assert urlsplit(page.url).path == IMPORT_PATH
    expect(page.locator("main")).to_contain_text("2 svar från 1 respondenter i 1 organisationer har importerats")
    assert Response.objects.count() == 2
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
