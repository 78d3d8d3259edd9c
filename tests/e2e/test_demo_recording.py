"""The demo's 2022 recording really plays in Chromium with Swedish captions: the session's own generated WebM loads
(metadata and a duration over five seconds), the Swedish track has the session's cues and shows them, and time
advances after play(). The session pages with a recording, with an external link and without captions pass axe
(WCAG 2.0/2.1 A and AA).

The conference demo is seeded on top of the small demo site. Uploaded files are served by Django here: this module
is also the URLconf the tests switch to (the media route in front of the project's own), because arena/urls.py only
adds it at import time when SERVE_MEDIA is on, and the test settings leave it off."""

import pytest
from django.conf import settings
from django.urls import re_path
from django.views.static import serve
from playwright.sync_api import expect

from arena.urls import urlpatterns as arena_urlpatterns
from tests.helpers.browser import assert_no_axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def serve_media(request, path):
    # MEDIA_ROOT is read per request: every test has its own (the autouse media_root fixture).
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", serve_media), *arena_urlpatterns]
handler404 = "arena.views.errors.page_not_found"
handler500 = "arena.views.errors.server_error"

PLAYING = "/motesplats/2022/program/planen-i-praktiken/"
EXTERNAL = "/motesplats/2022/program/smarta-fastigheter/"
UNCAPTIONED = "/motesplats/2022/program/panel-digital-mognad/"


@pytest.fixture
def demo_conference(demo_site, settings):
    from arena.models import Organisation
    from conferences.demo.seed import seed_conference_demo

    settings.ROOT_URLCONF = __name__
    seed_conference_demo(home=demo_site.home, organisations=list(Organisation.objects.all()))
    return demo_site


def open_session(page, path):
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path}: {response and response.status}"
    expect(page.locator("h1")).to_have_count(1)
    return response


def test_demo_recording_plays_with_swedish_captions(page, demo_conference):
    open_session(page, PLAYING)
    video = page.locator("main video")
    expect(video).to_have_count(1)
    expect(video.locator("track[kind=captions][srclang=sv]")).to_have_count(1)
    expect(video.locator("track[kind=captions][srclang=en]")).to_have_count(1)

    # The metadata loads from the media URL: Chromium knows the video is about ten seconds long.
    page.wait_for_function(
        "() => { const v = document.querySelector('main video'); return v.readyState >= 1 && v.duration > 5; }"
    )
    assert page.evaluate("() => document.querySelector('main video').error") is None
    # The panel's, the welcome talk's and this session's recordings each play a file of their own.
    assert page.evaluate("() => document.querySelector('main video').currentSrc").endswith(
        "/motesplats-2022-planen-i-praktiken.webm"
    )

    page.evaluate(
        """async () => {
            const video = document.querySelector('main video');
            const swedish = video.querySelector('track[srclang=sv]');
            swedish.track.mode = 'showing';
            video.muted = true;
            await video.play();
        }"""
    )
    page.wait_for_function("() => document.querySelector('main video').currentTime > 1")
    page.wait_for_function(
        """() => {
            const track = document.querySelector('main video track[srclang=sv]');
            return track.track.cues && track.track.cues.length > 0;
        }"""
    )
    captions = page.evaluate(
        """() => {
            const track = document.querySelector('main video track[srclang=sv]').track;
            return {mode: track.mode, cues: Array.from(track.cues, (cue) => cue.text),
                    last: track.cues[track.cues.length - 1].endTime,
                    duration: document.querySelector('main video').duration};
        }"""
    )
    assert captions["mode"] == "showing"
    # The session's own captions: its transcript's opening, not the welcome talk's.
    assert captions["cues"][0] == "Tack, Helena."
    assert captions["last"] == pytest.approx(captions["duration"], abs=0.2)  # the cues cover the whole video
    assert_no_axe_violations(page)


def test_external_and_uncaptioned_recordings_in_the_browser(page, demo_conference):
    open_session(page, EXTERNAL)
    expect(page.locator("main video")).to_have_count(0)
    expect(page.locator("main a[href^='https://play.example.se/']")).to_be_visible()
    assert_no_axe_violations(page)

    open_session(page, UNCAPTIONED)
    expect(page.locator("main video track")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Inspelningen saknar textning.")
    assert_no_axe_violations(page)
