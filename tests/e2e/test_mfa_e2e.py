"""Two-factor set-up in a real browser: a demo editor who logs in with a password is sent to the set-up page, scans
(here: reads) the secret, gives a code, sees the recovery codes and reaches the admin; every page is in Swedish,
inside the site frame, with zero axe violations. Then the next login asks for the code."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.demo import DEMO_PASSWORD
from tests.helpers.mfa import current_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EDITOR_EMAIL = "redaktor@kunskapsarenan.local"


def submit_password(page, next_path):
    page.goto(f"/konto/login/?next={next_path}")
    page.locator("input[name=login]").fill(EDITOR_EMAIL)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")


def test_an_editor_sets_up_the_app_then_logs_in_with_it(page, demo_site):
    submit_password(page, "/admin/")

    assert urlsplit(page.url).path == "/konto/2fa/totp/activate/", f"login went to {page.url}"
    expect(page.locator("h1")).to_have_text("Aktivera autentiseringsapp")
    expect(page.get_by_role("status").filter(has_text="tvåfaktorsautentisering")).to_be_visible()
    expect(page.locator("header").first).to_be_visible()  # the site's own frame
    assert_no_axe_violations(page)

    secret = page.locator("#authenticator_secret").inner_text()
    page.get_by_label("Autentiseringskod").fill("000000" if current_code(secret) != "000000" else "111111")
    with page.expect_navigation() as wrong:
        page.get_by_role("button", name="Aktivera").click()
    assert wrong.value.status == 200
    expect(page.locator("#error-summary")).to_contain_text("Felaktig kod.")
    expect(page.locator("#error-summary")).to_be_focused()
    assert_no_axe_violations(page)

    page.get_by_label("Autentiseringskod").fill(current_code(secret, margin_seconds=5))
    with page.expect_navigation():
        page.get_by_role("button", name="Aktivera").click()
    assert urlsplit(page.url).path == "/konto/2fa/recovery-codes/"
    expect(page.locator("h1")).to_have_text("Återställningskoder")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    assert_no_axe_violations(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Fortsätt till administrationen").click()
    assert urlsplit(page.url).path == "/admin/"
    expect(page.locator(".w-dashboard")).to_be_visible()

    page.context.clear_cookies()
    submit_password(page, "/admin/")
    assert urlsplit(page.url).path == "/konto/2fa/authenticate/"
    expect(page.locator("h1")).to_have_text("Tvåfaktorsautentisering")
    assert_no_axe_violations(page)
