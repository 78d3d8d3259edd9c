"""Conference pages in a real browser: the series, an edition (also on the day, with "Pågår nu" and its streams), the
programme (also filtered, with and without JavaScript, and its filter reached by keyboard), a session, the speakers
and a speaker — each with zero axe-core violations (WCAG 2.0/2.1 A and AA), also at a 320px phone width."""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OCT_20 = datetime.date(2021, 10, 20)
PHONE = {"width": 320, "height": 640}


@dataclass(frozen=True)
class Conference:
    series: object
    edition: object
    keynote: object
    workshop: object
    speaker: object


@pytest.fixture
def conference(demo_site):
    from arena.models import Organisation
    from conferences.models import Session
    from tests.blogs.factories import FocusAreaFactory, PersonFactory
    from tests.conferences.factories import at, create_edition, create_series, create_session
    from tests.factories import ImageFactory

    series = create_series(demo_site.home)
    organisation = Organisation.objects.get(name="Intraservice")
    guests = Organisation.objects.get(name="Helsingborgs stad")
    edition = create_edition(series, year=2021, venue="Digitalt via Teams")
    edition.organisers = [organisation]
    edition.save_revision().publish()
    big, small = edition.tracks.all()
    area = FocusAreaFactory(name="Digital kompetens för alla", slug="e2e-digital-kompetens")
    speaker = PersonFactory(
        name="Sara Berglund",
        slug="sara-berglund",
        organisation=organisation,
        job_title="Digitaliseringsstrateg",
        bio="Sara leder arbetet med nya e-tjänster för medarbetarna.",
        photo=ImageFactory(title="Porträtt"),
    )
    keynote = create_session(
        edition,
        "Kunskapsarenan lanseras",
        at(OCT_20, 9),
        at(OCT_20, 9, 45),
        big,
        code="kunskapsarenan-lanseras",
        speakers=[speaker, PersonFactory(name="Erik Lund", slug="erik-lund", organisation=guests)],
        session_type=Session.Type.KEYNOTE,
        focus_areas=[area],
        organisations=[organisation, guests],
        external_organisations="Sundsvalls kommun",
        is_featured=True,
        abstract="Vi visar den nya kunskapsarenan.\n\nOch berättar hur förvaltningarna kan dela det de lär sig.",
    )
    workshop = create_session(
        edition,
        "Medborgardialog på nätet",
        at(OCT_20, 10),
        at(OCT_20, 11),
        small,
        code="medborgardialog",
        speakers=[speaker],
        session_type=Session.Type.WORKSHOP,
    )
    create_session(edition, "Paus", at(OCT_20, 11), at(OCT_20, 11, 15), big, session_type=Session.Type.BREAK)
    # The workshop moves: a programme change on the programme and the session page.
    workshop.start, workshop.end = at(OCT_20, 13), at(OCT_20, 14)
    workshop.save_revision().publish()
    create_session(edition, "Hemligt utkast", at(OCT_20, 15), at(OCT_20, 16), big, live=False)
    return Conference(series=series, edition=edition, keynote=keynote, workshop=workshop, speaker=speaker)


def assert_page_basics(page, response, status=200):
    assert response is not None, f"no response for {page.url}"
    assert response.status == status, f"{page.url} answered {response.status}, expected {status}"
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_be_visible()


def assert_fits_a_phone(page):
    """No sideways scrolling at 320px (WCAG 1.4.10 Reflow)."""
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 320px"
    assert_no_axe_violations(page)


def test_series_page(page, conference):
    next_year = timezone.localdate().year + 1
    from tests.conferences.factories import create_edition

    create_edition(conference.series, year=next_year, date=datetime.date(next_year, 10, 14), theme="AI i vardagen")
    response = page.goto("/motesplats/")
    assert_page_basics(page, response)
    expect(page.get_by_role("heading", name="Kommande")).to_be_visible()
    expect(page.get_by_role("heading", name="Arkiv")).to_be_visible()
    expect(page.get_by_role("link", name=conference.edition.title, exact=True)).to_be_visible()
    assert_no_axe_violations(page)
    assert_fits_a_phone(page)


def test_edition_page(page, conference):
    response = page.goto("/motesplats/2021/")
    assert_page_basics(page, response)
    expect(page.locator("main")).to_contain_text("20 oktober 2021")
    expect(page.locator(".edition-facts")).to_contain_text("Intraservice")
    expect(page.get_by_role("link", name="Program", exact=True)).to_have_attribute("href", "/motesplats/2021/program/")
    expect(page.get_by_role("link", name="Lägg till i kalender", exact=True)).to_have_attribute(
        "href", "/motesplats/2021/program.ics"
    )
    expect(page.get_by_role("heading", name="Pågår nu")).to_have_count(0)
    expect(page.get_by_role("link", name="Kunskapsarenan lanseras", exact=True)).to_be_visible()
    assert_no_axe_violations(page)
    assert_fits_a_phone(page)


def test_edition_page_on_the_day(page, conference):
    from conferences.models.pages import EditionStreamLink
    from tests.conferences.factories import create_edition, create_session

    now = timezone.now()
    minutes = datetime.timedelta(minutes=1)
    today = create_edition(
        conference.series,
        year=timezone.localdate().year,
        date=timezone.localdate(),
        slug="idag",
        stream_url="https://play.example.test/motesplats",
    )
    today.stream_links = [
        EditionStreamLink(label="Sändning med teckenspråkstolkning", url="https://play.example.test/teckensprak")
    ]
    today.save_revision().publish()
    track = today.tracks.first()
    create_session(
        today,
        "Pågående punkt",
        now - 10 * minutes,
        now + 20 * minutes,
        track,
        clean=False,
        speakers=[conference.speaker],
    )
    create_session(today, "Nästa punkt", now + 30 * minutes, now + 60 * minutes, track, clean=False)

    response = page.goto("/motesplats/idag/")
    assert_page_basics(page, response)
    live = page.locator("section.live-now")
    expect(live.get_by_role("heading", name="Pågår nu")).to_be_visible()
    expect(live.get_by_role("heading", name="Härnäst")).to_be_visible()
    expect(live.get_by_role("link", name="Pågående punkt", exact=True)).to_be_visible()
    expect(live.get_by_role("link", name="Nästa punkt", exact=True)).to_be_visible()
    expect(live.get_by_role("link", name="Se sändningen", exact=True)).to_have_attribute(
        "href", "https://play.example.test/motesplats"
    )
    expect(live.get_by_role("link", name="Sändning med teckenspråkstolkning", exact=True)).to_have_attribute(
        "href", "https://play.example.test/teckensprak"
    )
    assert_no_axe_violations(page)
    assert_fits_a_phone(page)


def test_programme_page_and_its_filter(page, conference):
    response = page.goto("/motesplats/2021/program/")
    assert_page_basics(page, response)
    expect(page.locator("main")).to_contain_text("Alla tider anges i svensk tid (Europe/Stockholm)")
    expect(page.get_by_role("heading", name="Programändringar")).to_be_visible()
    expect(page.get_by_role("link", name="Kunskapsarenan lanseras", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Hemligt utkast", exact=True)).to_have_count(0)
    expect(page.locator("h3 time[datetime='2021-10-20T09:00:00+02:00']")).to_have_text("09:00")
    formats = page.get_by_role("region", name="Programmet i din kalender och dina appar")
    expect(formats.get_by_role("link", name="Prenumerera i din kalender")).to_have_attribute(
        "href", re.compile(r"^webcal://[^/]+/motesplats/2021/program\.ics$")
    )
    for name in ("schedule.xml", "schedule.json"):
        expect(formats.get_by_role("link", name=name, exact=True)).to_have_attribute("href", f"/motesplats/2021/{name}")
    assert_no_axe_violations(page)

    page.get_by_label("Typ", exact=True).select_option(label="Workshop")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrera", exact=True).click()
    assert parse_qs(urlsplit(page.url).query).get("typ") == ["workshop"]
    expect(page.get_by_role("link", name="Medborgardialog på nätet", exact=True).first).to_be_visible()
    expect(
        page.locator(".programme-day").get_by_role("link", name="Kunskapsarenan lanseras", exact=True)
    ).to_have_count(0)
    assert_no_axe_violations(page)
    assert_fits_a_phone(page)


def test_programme_with_a_bad_filter_explains_the_error(page, conference):
    response = page.goto("/motesplats/2021/program/?typ=konsert")
    assert_page_basics(page, response, status=400)
    expect(page.get_by_role("alert")).to_contain_text("Typ")
    assert_no_axe_violations(page)


def test_programme_filter_is_reachable_by_keyboard(page, conference):
    page.goto("/motesplats/2021/program/")
    page.locator("body").click(position={"x": 1, "y": 1})
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.name") == "spar":
            break
    else:
        pytest.fail("Tab never reached the track filter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "typ"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "fokus"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Filtrera"


def test_session_page(page, conference):
    response = page.goto("/motesplats/2021/program/kunskapsarenan-lanseras/")
    assert_page_basics(page, response)
    expect(page.locator("h1")).to_have_text("Kunskapsarenan lanseras")
    expect(page.get_by_role("link", name="Sara Berglund", exact=True)).to_have_attribute(
        "href", "/motesplats/2021/talare/sara-berglund/"
    )
    expect(page.get_by_role("link", name="Lägg till i kalender", exact=True)).to_have_attribute(
        "href", "/motesplats/2021/program/kunskapsarenan-lanseras.ics"
    )
    expect(page.locator("main")).to_contain_text("Sundsvalls kommun")
    assert_no_axe_violations(page)
    assert_fits_a_phone(page)

    response = page.goto("/motesplats/2021/program/medborgardialog/")
    assert_page_basics(page, response)
    expect(page.get_by_role("heading", name="Programändring")).to_be_visible()
    assert_no_axe_violations(page)


def test_speakers_and_speaker_pages(page, conference):
    response = page.goto("/motesplats/2021/talare/")
    assert_page_basics(page, response)
    expect(page.get_by_role("img", name="Sara Berglund")).to_be_visible()
    expect(page.get_by_role("link", name="Erik Lund", exact=True)).to_be_visible()
    assert_no_axe_violations(page)
    assert_fits_a_phone(page)

    page.set_viewport_size({"width": 1280, "height": 800})
    with page.expect_navigation():
        page.get_by_role("link", name="Sara Berglund", exact=True).click()
    assert urlsplit(page.url).path == "/motesplats/2021/talare/sara-berglund/"
    expect(page.locator("h1")).to_have_text("Sara Berglund")
    expect(page.get_by_role("img", name="Sara Berglund")).to_be_visible()
    expect(page.get_by_role("link", name="Medborgardialog på nätet", exact=True)).to_be_visible()
    assert_no_axe_violations(page)
    assert_fits_a_phone(page)


def test_programme_filter_works_without_javascript(new_context, conference):
    """The filter is a plain GET form: choosing a track and a type and submitting works with JavaScript turned off.
    axe-core needs JavaScript, so it checks the same pages in an ordinary context."""
    small = conference.edition.tracks.get(name="Lilla salen")
    filtered = f"/motesplats/2021/program/?spar={small.pk}&typ=workshop"
    page = new_context(java_script_enabled=False).new_page()
    response = page.goto("/motesplats/2021/program/")
    assert_page_basics(page, response)
    day = page.locator(".programme-day")
    expect(day.get_by_role("link", name="Kunskapsarenan lanseras", exact=True)).to_be_visible()

    page.get_by_label("Spår", exact=True).select_option(label=str(small))
    page.get_by_label("Typ", exact=True).select_option(label="Workshop")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrera", exact=True).click()
    query = parse_qs(urlsplit(page.url).query)
    assert query.get("spar") == [str(small.pk)] and query.get("typ") == ["workshop"]
    expect(day.get_by_role("link", name="Medborgardialog på nätet", exact=True)).to_be_visible()
    expect(day.get_by_role("link", name="Kunskapsarenan lanseras", exact=True)).to_have_count(0)
    expect(day.get_by_role("link", name="Paus", exact=True)).to_have_count(0)
    expect(page.get_by_label("Spår", exact=True)).to_have_value(str(small.pk))
    expect(page.get_by_label("Typ", exact=True)).to_have_value("workshop")

    with page.expect_navigation():
        page.get_by_role("link", name="Visa hela programmet", exact=True).click()
    assert urlsplit(page.url).query == ""
    expect(day.get_by_role("link", name="Kunskapsarenan lanseras", exact=True)).to_be_visible()

    checked = new_context().new_page()
    for url in ("/motesplats/2021/program/", filtered):
        assert_page_basics(checked, checked.goto(url))
        assert_no_axe_violations(checked)
