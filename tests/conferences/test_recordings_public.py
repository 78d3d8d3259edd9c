"""A session's recording on its public page: the browser's own player with a caption track per language (Swedish the
default), a download link, the transcript, a visible note when captions are missing, a plain link for a video that
lives on another site's page, nothing at all for a "do not record" session; query counts flat in the tracks."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conferences.factories import PersonFactory, at, create_session
from tests.helpers.recordings import create_recording

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def session_url(session):
    return f"/motesplats/{session.edition.year}/program/{session.code}/"


@pytest.fixture
def recorded(edition, tracks):
    session = create_session(
        edition,
        "Kunskapsarenan lanseras",
        at(edition.date, 9),
        at(edition.date, 9, 45),
        tracks[0],
        code="kunskapsarenan-lanseras",
        speakers=[PersonFactory(name="Amira Haddad", slug="amira-haddad")],
        abstract="Vi visar den nya kunskapsarenan.",
    )
    return create_recording(session, captions=("en", "sv"))


def video_element(page):
    match = re.search(r"<video\b[^>]*>.*?</video>", page, re.S)
    assert match, "no <video> element on the page"
    return match.group(0)


def test_the_session_page_plays_the_recording_with_captions(client, recorded):
    response = client.get(session_url(recorded.session))
    assert response.status_code == 200
    page = html(response)
    video = video_element(page)
    opening = video.split(">", 1)[0]
    for attribute in ("controls", 'preload="metadata"', "playsinline"):
        assert attribute in opening
    assert "autoplay" not in opening
    assert f'<source src="{recorded.video.url}" type="video/webm">' in video
    tracks = re.findall(r"<track\b[^>]*>", video)
    assert len(tracks) == 2
    english, swedish = tracks  # the organisers' order
    assert 'kind="captions"' in english and 'srclang="en"' in english and 'label="Engelska"' in english
    assert 'kind="captions"' in swedish and 'srclang="sv"' in swedish and 'label="Svenska"' in swedish
    # Swedish is the default track, whatever its position.
    assert " default" in swedish and " default" not in english
    captions = {caption.language: caption for caption in recorded.captions.all()}
    assert f'src="{captions["sv"].file.url}"' in swedish
    assert f'src="{captions["en"].file.url}"' in english
    # A text fallback inside the player for browsers that cannot play it, and a visible download link.
    assert "Din webbläsare kan inte spela upp videon här." in video
    assert f'href="{recorded.video.url}"' in video
    assert f'<a href="{recorded.video.url}" download>Ladda ner videon (WebM)</a>' in page
    assert "Textad: engelska, svenska." in page
    assert "Inspelningen saknar textning" not in page
    assert "no-cache" not in response.get("Cache-Control", "") and not response.cookies


def test_the_transcript_is_below_the_player_under_a_heading(client, recorded):
    page = html(client.get(session_url(recorded.session)))
    assert '<h2 id="recording-heading">Inspelning</h2>' in page
    assert '<h3 id="transcript-heading">Transkription</h3>' in page
    assert "<summary>Visa transkriptionen</summary>" in page
    assert "<p>Hej och välkomna till Mötesplats digitalisering och innovation.</p>" in page
    assert page.index("</video>") < page.index("transcript-heading")


def test_the_transcript_is_escaped(client, edition, tracks):
    session = create_session(edition, "Pass", track=tracks[0])
    create_recording(session, transcript="<script>alert(1)</script>")
    page = html(client.get(session_url(session)))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_without_swedish_captions_the_first_track_is_the_default(client, edition, tracks):
    session = create_session(edition, "Internationellt pass", track=tracks[0])
    create_recording(session, captions=("en", "fi"))
    tracks_html = re.findall(r"<track\b[^>]*>", html(client.get(session_url(session))))
    assert [" default" in track for track in tracks_html] == [True, False]


def test_easy_to_read_swedish_is_swedish_to_the_browser_but_not_the_default(client, edition, tracks):
    session = create_session(edition, "Lättläst", track=tracks[0])
    create_recording(session, captions=("sv-x-latt", "sv"))
    plain, swedish = re.findall(r"<track\b[^>]*>", html(client.get(session_url(session))))
    assert 'srclang="sv"' in plain and 'label="Lättläst svenska"' in plain and " default" not in plain
    assert " default" in swedish


def test_a_recording_without_captions_says_so(client, edition, tracks):
    session = create_session(edition, "Otextat pass", track=tracks[0])
    create_recording(session, captions=())
    page = html(client.get(session_url(session)))
    video = video_element(page)
    assert "<track" not in video
    assert "Inspelningen saknar textning." in page
    assert "Det som sägs finns i transkriptionen nedan." in page


def test_a_recording_without_captions_or_transcript(client, edition, tracks):
    session = create_session(edition, "Bara video", track=tracks[0])
    create_recording(session, captions=(), transcript="")
    page = html(client.get(session_url(session)))
    assert "Inspelningen saknar textning." in page
    assert "transkriptionen nedan" not in page
    assert "transcript-heading" not in page


def test_an_external_link_to_a_video_file_plays_here(client, edition, tracks):
    session = create_session(edition, "Extern fil", track=tracks[0])
    create_recording(session, external_url="https://video.example.se/motesplats/2021/oppning.mp4?v=2")
    video = video_element(html(client.get(session_url(session))))
    assert '<source src="https://video.example.se/motesplats/2021/oppning.mp4?v=2" type="video/mp4">' in video
    assert "<track" in video


def test_an_external_video_page_gets_a_clear_link_instead_of_a_player(client, edition, tracks):
    session = create_session(edition, "Extern sida", track=tracks[0])
    recording = create_recording(session, external_url="https://play.goteborg.se/media/motesplats-2021")
    page = html(client.get(session_url(session)))
    assert "<video" not in page
    link = '<a class="button" href="https://play.goteborg.se/media/motesplats-2021">'
    assert link + "Se inspelningen på play.goteborg.se</a>" in page
    assert "Videon är publicerad på en annan webbplats och öppnas där." in page
    # The caption file is still offered, since the other site's player may lack it.
    caption = recording.captions.get()
    assert f'<a href="{caption.file.url}" hreflang="sv">svenska' in page
    assert "Transkription" in page


def test_a_do_not_record_session_never_shows_a_recording(client, edition, tracks):
    session = create_session(edition, "Inspelas inte", track=tracks[0], do_not_record=True)
    create_recording(session)
    page = html(client.get(session_url(session)))
    assert "<video" not in page
    assert "recording-heading" not in page
    assert "Transkription" not in page
    assert "Inspelningen saknar textning" not in page


def test_a_session_without_a_recording_has_no_recording_section(client, edition, tracks):
    session = create_session(edition, "Ingen inspelning", track=tracks[0])
    page = html(client.get(session_url(session)))
    assert "recording-heading" not in page
    assert "Inspelningen saknar textning" not in page


def test_the_recording_of_an_unpublished_session_is_not_shown(client, edition, tracks):
    session = create_session(edition, "Utkast", track=tracks[0], live=False)
    create_recording(session)
    assert client.get(session_url(session)).status_code == 404


def test_captions_on_another_origin_load_in_cors_mode(client, recorded, settings):
    """Media on S3 (another origin): <track> files load only if the media element asks for CORS."""
    page = html(client.get(session_url(recorded.session)))
    assert "crossorigin" not in video_element(page)
    settings.MEDIA_URL = "https://media.example.se/arena/"
    page = html(client.get(session_url(recorded.session)))
    video = video_element(page)
    assert 'crossorigin="anonymous"' in video.split(">", 1)[0]
    assert 'src="https://media.example.se/arena/recordings/captions/' in video


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_session_page_queries_do_not_grow_with_caption_tracks(client, edition, tracks, django_assert_max_num_queries):
    one = create_session(edition, "En textning", at(edition.date, 9), at(edition.date, 10), tracks[0])
    create_recording(one, captions=("sv",))
    five = create_session(edition, "Fem textningar", at(edition.date, 10), at(edition.date, 11), tracks[0])
    create_recording(five, captions=("sv", "en", "fi", "ar", "sv-x-latt"))
    for session in (one, five):
        client.get(session_url(session))  # warm per-process caches (site root paths, routes)
    small = count_queries(client, session_url(one))
    assert small <= 20
    with django_assert_max_num_queries(small):
        response = client.get(session_url(five))
    assert len(re.findall(r"<track\b", html(response))) == 5
