"""The start page with every section in a real browser: latest posts, the next conference with its registration,
the blog spaces and the maturity headline, for an anonymous visitor and a logged-in member of staff, also at a 320px
phone width, each with zero axe-core violations (WCAG 2.0/2.1 A and AA)."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.demo import DEMO_PASSWORD
from tests.helpers.mfa import app_secret_for, enter_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STAFF_EMAIL = "skribent.slk@kunskapsarenan.local"  # a writer of Stadsledningskontoret
PHONE = {"width": 320, "height": 640}


@pytest.fixture
def start_page(demo_site):
    """Two posts (one staff-only), an edition ahead with registration open, and two published maturity rounds."""
    from django.utils import timezone

    from arena.models import Organisation
    from conferences.models import ConferenceEditionPage
    from tests.blogs.factories import create_post
    from tests.conferences.factories import create_edition, create_series
    from tests.helpers.maturity_data import scenario

    slk, intraservice = (
        Organisation.objects.get(name="Stadsledningskontoret"),
        Organisation.objects.get(name="Intraservice"),
    )
    today = timezone.localdate()
    create_post(slk.blog_space, "Så byggde vi stadens nya e-tjänstplattform", published_date=today)
    create_post(intraservice.blog_space, "Intern plan för nästa år", published_date=today, staff_only=True)
    day = today + datetime.timedelta(days=60)
    now = timezone.now()
    create_edition(
        create_series(demo_site.home),
        year=day.year,
        date=day,
        slug=str(day.year),
        title=f"Mötesplats digitalisering och innovation {day.year}",
        theme="AI och förtroende i offentlig verksamhet",
        venue="Stadshuset",
        format=ConferenceEditionPage.Format.HYBRID,
        registration_opens=now - datetime.timedelta(days=1),
        registration_closes=now + datetime.timedelta(days=30),
    )
    scenario(slk, intraservice)  # two published demo rounds with national values
    return day


def log_in(page, email):
    secret = app_secret_for(email)
    page.goto("/konto/login/?next=/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    enter_code(page, secret)


def test_the_start_page_for_an_anonymous_visitor(page, start_page):
    response = page.goto("/")
    assert response.status == 200
    expect(page.get_by_role("heading", name="Senaste blogginläggen")).to_be_visible()
    posts = page.locator("section.home-posts")
    expect(posts.get_by_role("link", name="Så byggde vi stadens nya e-tjänstplattform")).to_be_visible()
    expect(page.get_by_text("Intern plan för nästa år")).to_have_count(0)
    conference = page.locator("section.home-conference")
    expect(conference.get_by_role("heading", name="Nästa konferens")).to_be_visible()
    expect(conference.get_by_text("AI och förtroende i offentlig verksamhet")).to_be_visible()
    expect(conference.get_by_role("link", name="Anmäl dig")).to_be_visible()
    maturity = page.locator("section.home-maturity")
    expect(maturity.get_by_role("heading", name="Digital mognad")).to_be_visible()
    expect(maturity.get_by_text("procentenheter över det nationella snittet")).to_be_visible()
    expect(maturity.get_by_role("link", name="Se resultaten för digital mognad")).to_have_count(0)
    assert_no_axe_violations(page)
    page.set_viewport_size(PHONE)
    assert_no_axe_violations(page)
    # Nothing wider than the phone: the bars shrink with the page.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_start_page_for_logged_in_staff(page, start_page):
    log_in(page, STAFF_EMAIL)
    expect(page.locator("section.home-posts").get_by_text("Intern plan för nästa år")).to_be_visible()
    link = page.locator("section.home-maturity").get_by_role("link", name="Se resultaten för digital mognad")
    expect(link).to_be_visible()
    assert_no_axe_violations(page)
    link.click()
    expect(page).to_have_url(re.compile(r"/mognad/$"))
    expect(page.locator("h1")).to_be_visible()


def test_registration_from_the_start_page(page, start_page):
    page.goto("/")
    page.locator("section.home-conference").get_by_role("link", name="Anmäl dig").click()
    expect(page).to_have_url(re.compile(rf"/motesplats/{start_page.year}/anmalan/$"))
