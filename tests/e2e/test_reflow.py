"""Reflow and text spacing in Chromium (WCAG 2.1 1.4.10 and 1.4.12, EN 301 549 9.1.4.10 and 9.1.4.12), and charts
that do not rely on colour (1.4.1).

At 320 CSS px no page type may scroll sideways: `document.scrollingElement.scrollWidth` equals the viewport's width.
Wide content (tables, charts) scrolls inside its own box, table captions wrap inside that box, and chart text keeps a
readable size. With the text-spacing overrides of 1.4.12 no text is cut off by a box that hides its overflow.

The full demo is seeded once for the module and served by a server of the module's own (pytest-django's live_server
would empty the database after every test): the data is committed, and the database is emptied once at the end, as a
transactional test does. The tests carry no django_db mark on purpose: pytest-django runs such tests last, after the
transactional ones, so no test that expects an empty database (or the rows Wagtail's migrations made, which a flush
also removes) runs between the seeding and the flush or after it. The analyst's pages (/mognad/) are opened with a
session made by the test client.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import browser_contexts
from tests.helpers.demo import DEMO_PASSWORD, ensure_wagtail_baseline
from tests.helpers.demo_pages import demo_paths

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

NARROW = {"width": 320, "height": 640}
ANALYST_EMAIL = "analytiker@kunskapsarenan.local"
# The page types that must reflow; the analyst's are opened logged in.
PAGE_TYPES = [
    "start page",
    "blog index",
    "blog space",
    "post with a table",
    "post with an image",
    "author",
    "conference series",
    "conference edition",
    "programme",
    "session with a recording",
    "session with an external recording",
    "session without captions",
    "speakers",
    "speaker",
    "recordings archive",
    "registration form",
    "change-project index",
    "change project",
    "proposal form",
    "library",
    "document page",
    "search with results",
    "consultation index",
    "open consultation",
    "closed consultation",
    "accessibility statement",
    "standard page",
    "cookies",
    "login",
    "sign-up",
    "page not found",
    "maturity dashboard",
    "organisation dashboard",
]
ANALYST_PAGES = {"maturity dashboard", "organisation dashboard"}
# The main page types, also checked with the text-spacing overrides.
SPACING_PAGE_TYPES = [
    "start page",
    "blog index",
    "post with a table",
    "programme",
    "session with a recording",
    "change project",
    "library",
    "search with results",
    "open consultation",
    "login",
    "maturity dashboard",
]
# WCAG 1.4.12's minimum spacing, applied to everything as a user style sheet would.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


@dataclass(frozen=True)
class SeededDemo:
    url: str
    paths: dict
    analyst_cookie: dict


def analyst_session_cookie(host):
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(email=ANALYST_EMAIL))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": session, "domain": host, "path": "/"}


@contextmanager
def own_test_database():
    """The test database, set up here when pytest-django has not: it sets up only the databases that tests marked
    django_db ask for, so this module alone would otherwise seed (and flush) the real one."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    created = None
    if not connection.settings_dict["NAME"].startswith("test_"):
        created = setup_databases(verbosity=0, interactive=False)
    # The data is committed and the tables emptied afterwards: never in anything but a test database.
    assert connection.settings_dict["NAME"].startswith("test_"), connection.settings_dict["NAME"]
    try:
        yield
    finally:
        if created is not None:
            teardown_databases(created, verbosity=0)


def end_other_sessions():
    """End the server's leftover database sessions: a request thread keeps its connection until it notices that the
    browser closed its keep-alive socket, which may be after the server stopped, and then the test database cannot
    be dropped ("is being accessed by other users")."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.core.management import call_command
    from django.test import override_settings
    from pytest_django.live_server_helper import LiveServer
    from wagtail.models import Site

    from arena.demo.seed import seed

    media = tmp_path_factory.mktemp("reflow-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), own_test_database():
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            ensure_wagtail_baseline()
            seed(DEMO_PASSWORD)
            address = urlsplit(server.url)
            Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
            yield SeededDemo(server.url, demo_paths(), analyst_session_cookie(address.hostname))
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            end_other_sessions()
            # As a transactional test ends: empty every table (post_migrate puts back the locale and root collection).
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def new_context(browser, seeded_demo):
    """The conftest's factory, against this module's server instead of live_server."""
    with browser_contexts(browser, seeded_demo.url) as make:
        yield make


def open_narrow(new_context, seeded_demo, page_type):
    context = new_context(viewport=NARROW)
    if page_type in ANALYST_PAGES:
        context.add_cookies([seeded_demo.analyst_cookie])
    page = context.new_page()
    response = page.goto(seeded_demo.paths[page_type])
    expected = 404 if page_type == "page not found" else 200
    assert response.status == expected, f"{page_type}: {page.url} answered {response.status}"
    expect(page.locator("h1")).to_have_count(1)
    return page


def horizontal_overflow(page):
    """The page's scroll width against the viewport's, and what sticks out past the viewport's right edge without a
    clipping box in between (to say where the overflow comes from)."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const clipped = (element) => {
                for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
                    if (getComputedStyle(box).overflowX !== 'visible'
                        && box.getBoundingClientRect().right <= width + 0.5) return true;
                }
                return false;
            };
            const culprits = Array.from(document.querySelectorAll('body *'))
                .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !clipped(element))
                .slice(0, 5)
                .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class')}`);
            return {scrollWidth: document.scrollingElement.scrollWidth, width, culprits};
        }"""
    )


def assert_no_horizontal_scroll(page):
    overflow = horizontal_overflow(page)
    assert overflow["width"] == NARROW["width"]
    assert overflow["scrollWidth"] == overflow["width"], f"{page.url} scrolls sideways: {overflow}"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_page_scrolls_sideways_at_320_css_px(new_context, seeded_demo, page_type):
    page = open_narrow(new_context, seeded_demo, page_type)
    assert_no_horizontal_scroll(page)
    # A scrolled table's caption wraps inside the box rather than running on past its right edge.
    too_wide = page.evaluate(
        """() => Array.from(document.querySelectorAll('.table-scroll caption'))
            .filter((caption) => caption.getBoundingClientRect().width
                > caption.closest('.table-scroll').clientWidth + 0.5)
            .map((caption) => caption.textContent.trim())"""
    )
    assert too_wide == []


def test_chart_text_stays_readable_at_320_css_px(new_context, seeded_demo):
    """The charts scroll inside their own box: no text in them renders smaller than 12 CSS px."""
    for page_type in ANALYST_PAGES:
        page = open_narrow(new_context, seeded_demo, page_type)
        sizes = page.evaluate(
            """() => Array.from(document.querySelectorAll('svg.chart__svg text'), (text) =>
                parseFloat(getComputedStyle(text).fontSize) * text.ownerSVGElement.getScreenCTM().a)"""
        )
        assert sizes, page_type
        assert min(sizes) >= 12, f"{page_type}: chart text at {min(sizes):.1f} px"
        scroll_boxes = page.locator(".chart__scroll")
        assert scroll_boxes.count() > 0
        assert page.evaluate(
            """() => Array.from(document.querySelectorAll('.chart__scroll'))
                .some((box) => box.scrollWidth > box.clientWidth)"""
        ), "at 320 px a chart scrolls in its box"
        assert_no_horizontal_scroll(page)


@pytest.mark.parametrize("page_type", SPACING_PAGE_TYPES)
def test_text_spacing_cuts_nothing_off(new_context, seeded_demo, page_type):
    page = open_narrow(new_context, seeded_demo, page_type)
    page.add_style_tag(content=TEXT_SPACING_CSS)
    cut_off = page.evaluate(
        """() => Array.from(document.querySelectorAll('body *'))
            .filter((element) => {
                if (element.closest('.visually-hidden, [hidden], svg')) return false;
                const style = getComputedStyle(element);
                const hidesY = ['hidden', 'clip'].includes(style.overflowY);
                const hidesX = ['hidden', 'clip'].includes(style.overflowX);
                return (hidesY && element.scrollHeight > element.clientHeight + 1)
                    || (hidesX && element.scrollWidth > element.clientWidth + 1);
            })
            .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class')}: `
                + element.textContent.trim().slice(0, 60))"""
    )
    assert cut_off == [], f"{page.url}: text cut off with 1.4.12 spacing: {cut_off}"
    assert_no_horizontal_scroll(page)


def relative_luminance(rgb):
    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    low, high = sorted([relative_luminance(first), relative_luminance(second)])
    return (high + 0.05) / (low + 0.05)


def test_bar_series_differ_in_lightness_not_only_in_colour(new_context, seeded_demo):
    """In every bar chart, the bars of adjacent series have at least 3:1 contrast with each other (computed fills in
    the browser) and with the page behind them."""
    for page_type in ANALYST_PAGES:
        page = open_narrow(new_context, seeded_demo, page_type)
        charts = page.evaluate(
            """() => {
                const rgb = (colour) => colour.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
                const background = (element) => {
                    for (let box = element; box; box = box.parentElement) {
                        const colour = getComputedStyle(box).backgroundColor;
                        if (colour !== 'transparent' && !colour.startsWith('rgba(0, 0, 0, 0)')) return rgb(colour);
                    }
                    return [255, 255, 255];
                };
                return Array.from(document.querySelectorAll('svg.chart__svg'))
                    .filter((svg) => svg.querySelector('rect[data-series]'))
                    .map((svg) => {
                        const fills = {};
                        svg.querySelectorAll('rect[data-series]').forEach((bar) => {
                            fills[bar.dataset.series] = rgb(getComputedStyle(bar).fill);
                        });
                        const order = Object.keys(fills).map(Number).sort((a, b) => a - b);
                        return {id: svg.closest('section').id, fills: order.map((key) => fills[key]),
                                background: background(svg)};
                    });
            }"""
        )
        assert charts, f"{page_type}: no bar chart"
        for chart in charts:
            fills = chart["fills"]
            assert len(fills) >= 2, chart
            for left, right in zip(fills, fills[1:], strict=False):
                assert contrast(left, right) >= 3, f"{page_type} {chart['id']}: {left} next to {right}"
            for fill in fills:
                assert contrast(fill, chart["background"]) >= 3, f"{page_type} {chart['id']}: {fill} on background"


def test_national_column_header_is_shown_in_full(new_context, seeded_demo):
    page = open_narrow(new_context, seeded_demo, "maturity dashboard")
    header = page.locator("#trend th", has_text="Nationellt")
    expect(header).to_have_count(1)
    expect(header).to_have_text(
        "Nationellt (Göteborgs universitet/SCDI, Statusrapport 2022 – Digital mognad i offentlig sektor)"
    )
    assert header.evaluate("(th) => th.scrollWidth <= th.clientWidth && th.scrollHeight <= th.clientHeight")
    assert "…" not in page.locator("#trend").inner_text()
