"""Recordings in a real browser: a session page whose <video> has caption tracks that load as text/vtt, the transcript
opened by keyboard, and the archive searched and filtered by keyboard without JavaScript of our own, each with zero
axe-core violations (WCAG 2.0/2.1 A and AA), also at a 320px phone width.

Uploaded files are served by Django here. This module is also the URLconf the tests switch to (a media route in front
of the project's own): arena/urls.py adds its media route only at import time when SERVE_MEDIA is on, which the test
settings leave off, and production keeps whatever it has."""

import datetime
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import re_path
from django.views.static import serve
from playwright.sync_api import expect

from arena.urls import urlpatterns as arena_urlpatterns
from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.keyboard import active_element_is_error_summary

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def serve_media(request, path):
    # MEDIA_ROOT is read per request: every test has its own (the autouse media_root fixture).
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", serve_media), *arena_urlpatterns]
handler404 = "arena.views.errors.page_not_found"
handler500 = "arena.views.errors.server_error"

OCT_20 = datetime.date(2021, 10, 20)
PHONE = {"width": 320, "height": 640}
LAUNCH = "/motesplats/2021/program/kunskapsarenan-lanseras/"
ARCHIVE = "/motesplats/inspelningar/"


@dataclass(frozen=True)
class Recorded:
    launch: object
    newcomers: object


@pytest.fixture
def recorded(demo_site, settings):
    from arena.models import Organisation
    from tests.blogs.factories import FocusAreaFactory, PersonFactory
    from tests.conferences.factories import at, create_edition, create_series, create_session
    from tests.helpers.recordings import create_recording

    settings.ROOT_URLCONF = __name__
    series = create_series(demo_site.home)
    edition = create_edition(series, year=2021)
    edition_2022 = create_edition(series, year=2022)
    big, small = edition.tracks.all()
    organisation = Organisation.objects.get(name="Intraservice")
    area = FocusAreaFactory(name="Digital kompetens för alla", slug="e2e-digital-kompetens")
    launch = create_session(
        edition,
        "Kunskapsarenan lanseras",
        at(OCT_20, 9),
        at(OCT_20, 9, 45),
        big,
        code="kunskapsarenan-lanseras",
        speakers=[PersonFactory(name="Sara Berglund", slug="sara-berglund", organisation=organisation)],
        organisations=[organisation],
        abstract="Vi visar den nya kunskapsarenan.",
    )
    newcomers = create_session(
        edition,
        "Nyanlända vuxnas digitala kompetens",
        at(OCT_20, 10),
        at(OCT_20, 10, 30),
        small,
        code="nyanlanda",
        focus_areas=[area],
    )
    care = create_session(edition_2022, "Välfärdsteknik i hemtjänsten", at(edition_2022.date, 9), code="valfardsteknik")
    create_recording(care, captions=("sv",), transcript="Digitala lås i hemtjänsten.")
    return Recorded(
        launch=create_recording(
            launch, captions=("sv", "en"), transcript="Hej och välkomna! I dag lanserar vi kunskapsarenan."
        ),
        newcomers=create_recording(newcomers, captions=(), transcript="Språkcafé och datorstöd för nyanlända."),
    )


def open_page(page, path, status=200):
    response = page.goto(path)
    assert response is not None and response.status == status, f"{path}: {response and response.status}"
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("h1")).to_have_count(1)
    return response


def assert_fits_a_phone(page):
    """No sideways scrolling at 320px (WCAG 1.4.10 Reflow)."""
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 320px"
    assert_no_axe_violations(page)


def test_session_page_with_a_recording(page, recorded):
    open_page(page, LAUNCH)
    video = page.locator("main video")
    expect(video).to_have_count(1)
    for attribute in ("controls", "playsinline"):
        expect(video).to_have_attribute(attribute, "")
    expect(video).to_have_attribute("preload", "metadata")
    tracks = video.locator("track[kind=captions]")
    expect(tracks).to_have_count(2)
    swedish = video.locator("track[kind=captions][srclang=sv]")
    expect(swedish).to_have_attribute("label", "Svenska")
    expect(swedish).to_have_attribute("default", "")
    expect(video.locator("track[srclang=en]")).to_have_attribute("label", "Engelska")

    # Every caption track's file is served as WebVTT, and the video file as WebM.
    for index in range(2):
        caption = page.request.get(tracks.nth(index).get_attribute("src"))
        assert caption.status == 200
        assert caption.headers["content-type"].split(";")[0] == "text/vtt"
        assert caption.text().startswith("WEBVTT")
    source = page.request.get(video.locator("source").get_attribute("src"))
    assert source.status == 200 and source.headers["content-type"] == "video/webm"

    download = page.get_by_role("link", name="Ladda ner videon (WebM)", exact=True)
    expect(download).to_have_attribute("href", recorded.launch.video.url)
    expect(page.locator("main")).to_contain_text("Textad: svenska, engelska.")
    expect(page.get_by_text("Inspelningen saknar textning")).to_have_count(0)

    # The transcript opens by keyboard (a native <details>, no script).
    transcript = page.get_by_text("Hej och välkomna! I dag lanserar vi kunskapsarenan.")
    expect(transcript).to_be_hidden()
    page.locator("summary", has_text="Visa transkriptionen").focus()
    page.keyboard.press("Enter")
    expect(transcript).to_be_visible()
    assert_no_axe_violations(page)
    assert_fits_a_phone(page)


def test_session_page_with_an_uncaptioned_recording(page, recorded):
    open_page(page, "/motesplats/2021/program/nyanlanda/")
    expect(page.locator("main video track")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Inspelningen saknar textning.")
    assert_no_axe_violations(page)


def test_archive_with_a_filter_and_a_search(page, recorded):
    open_page(page, ARCHIVE)
    expect(page.get_by_role("heading", name="3 inspelningar", exact=True)).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("År", exact=True).select_option(label="2021")
    with page.expect_navigation():
        page.locator("form.recordings-filter").get_by_role("button", name="Sök", exact=True).click()
    assert parse_qs(urlsplit(page.url).query).get("ar") == ["2021"]
    expect(page.get_by_role("heading", name="2 inspelningar", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Välfärdsteknik i hemtjänsten", exact=True)).to_have_count(0)
    assert_no_axe_violations(page)

    # Search by keyboard alone: type in the search field and press Enter; the year filter stays.
    search = page.get_by_role("searchbox", name="Sök i inspelningarna")
    search.fill("kunskapsarenan")
    with page.expect_navigation():
        search.press("Enter")
    query = parse_qs(urlsplit(page.url).query)
    assert query.get("q") == ["kunskapsarenan"] and query.get("ar") == ["2021"]
    expect(page.get_by_role("heading", name="1 inspelning", exact=True)).to_be_visible()
    result = page.locator(".recording-card")
    expect(result).to_contain_text("Sara Berglund, Intraservice")
    expect(result).to_contain_text("Textad: svenska, engelska")
    with page.expect_navigation():
        page.get_by_role("link", name="Kunskapsarenan lanseras", exact=True).click()
    assert urlsplit(page.url).path == LAUNCH
    expect(page.locator("main video track[kind=captions]")).to_have_count(2)


def test_archive_filtered_fits_a_phone(page, recorded):
    open_page(page, f"{ARCHIVE}?fokus=e2e-digital-kompetens")
    expect(page.get_by_role("heading", name="1 inspelning", exact=True)).to_be_visible()
    expect(page.locator(".recording-card")).to_contain_text("Ingen textning")
    assert_fits_a_phone(page)


def test_archive_with_a_bad_filter_explains_the_error(page, recorded):
    open_page(page, f"{ARCHIVE}?ar=1999", status=400)
    assert active_element_is_error_summary(page)
    expect(page.get_by_role("alert")).to_contain_text("Det finns inga inspelningar från det året.")
    assert page.title().startswith("Fel:")
    assert_no_axe_violations(page)


def test_archive_offers_its_feed(page, recorded):
    feed = "/motesplats/inspelningar/rss/"
    open_page(page, ARCHIVE)
    expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).to_have_attribute("href", feed)
    link = page.get_by_role("link", name="Följ nya inspelningar via RSS", exact=True)
    expect(link).to_have_attribute("href", feed)
    link.focus()
    expect(link).to_be_focused()
    assert_no_axe_violations(page)

    response = page.request.get(link.evaluate("element => element.href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/rss+xml; charset=utf-8"
    assert "<title>Kunskapsarenan lanseras</title>" in response.text()
