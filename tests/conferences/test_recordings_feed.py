"""The recordings feed at /motesplats/inspelningar/rss/ as feed readers parse it (feedparser): valid RSS 2.0 with
Media RSS, an enclosure with length and type for a video on the site, caption tracks as media:subTitle, a player link
for a video on another site, the archive's recordings only, absolute links on the public base URL, flat queries."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from conferences.models import Recording, RecordingCaption, Session, SessionSpeaker
from tests.conferences.factories import PersonFactory, at, create_edition, create_session
from tests.helpers.recordings import WEBM_BYTES, create_recording

pytestmark = pytest.mark.django_db

FEED = "/motesplats/inspelningar/rss/"
ARCHIVE = "/motesplats/inspelningar/"
BASE = "http://testserver"
MEDIA = "{http://search.yahoo.com/mrss/}"


def get_feed(client, **extra):
    response = client.get(FEED, **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed, ET.fromstring(response.content)


def entry(feed, title):
    return next(item for item in feed.entries if item.title == title)


def xml_item(root, title):
    return next(item for item in root.iter("item") if item.findtext("title") == title)


@pytest.fixture
def recordings(series, edition, tracks):
    speaker = PersonFactory(name="Amira Haddad", slug="amira-haddad")
    launch = create_session(
        edition,
        "Kunskapsarenan lanseras",
        at(edition.date, 9),
        track=tracks[0],
        speakers=[speaker],
        abstract="Stadens nya mötesplats.",
    )
    direct = create_session(edition, "Direktlänk till fil", at(edition.date, 10), track=tracks[0])
    elsewhere = create_session(edition, "Filmad hos Göteborg Play", at(edition.date, 11), track=tracks[0])
    hidden = create_edition(series, year=2022)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    restricted = create_session(hidden, "Bakom inloggning", at(hidden.date, 9))
    draft = create_session(edition, "Hemligt utkast", at(edition.date, 13), live=False)
    not_recorded = create_session(edition, "Inspelas inte", at(edition.date, 14), do_not_record=True)
    for session in (restricted, draft, not_recorded):
        create_recording(session)
    return {
        "launch": create_recording(launch, captions=("sv", "en")),
        "direct": create_recording(direct, captions=(), external_url="https://video.example/pass.mp4"),
        "elsewhere": create_recording(elsewhere, captions=("sv",), external_url="https://play.example/v/123"),
    }


def test_lists_the_archives_recordings_only(client, recordings):
    feed, _root = get_feed(client)

    assert feed.feed.title == "Inspelningar – Mötesplats digitalisering och innovation"
    assert feed.feed.link == f"{BASE}{ARCHIVE}"
    assert sorted(item.title for item in feed.entries) == [
        "Direktlänk till fil",
        "Filmad hos Göteborg Play",
        "Kunskapsarenan lanseras",
    ]


def test_a_video_on_the_site_is_an_enclosure_and_media_content_with_captions(client, recordings):
    recording = recordings["launch"]
    feed, root = get_feed(client)

    item = entry(feed, "Kunskapsarenan lanseras")
    assert item.link == f"{BASE}/motesplats/2021/program/{recording.session.code}/"
    assert item.summary == "Stadens nya mötesplats."
    assert item.author == "Amira Haddad"
    video_url = f"{BASE}{recording.video.url}"
    assert [(e.href, e.length, e.type) for e in item.enclosures] == [(video_url, str(len(WEBM_BYTES)), "video/webm")]
    assert item.media_content == [
        {"url": video_url, "type": "video/webm", "medium": "video", "filesize": str(len(WEBM_BYTES))}
    ]

    content = xml_item(root, "Kunskapsarenan lanseras").find(f"{MEDIA}content")
    subtitles = [(s.get("lang"), s.get("type"), s.get("href")) for s in content.findall(f"{MEDIA}subTitle")]
    assert subtitles == [
        (caption.language, "text/vtt", f"{BASE}{caption.file.url}") for caption in recording.captions.all()
    ]
    assert [lang for lang, _type, _href in subtitles] == ["sv", "en"]


def test_a_direct_link_to_a_video_file_is_media_content_without_enclosure(client, recordings):
    feed, _root = get_feed(client)

    item = entry(feed, "Direktlänk till fil")
    assert item.enclosures == []
    assert item.media_content == [{"url": "https://video.example/pass.mp4", "type": "video/mp4", "medium": "video"}]


def test_a_video_on_another_sites_page_is_a_player_link_with_the_captions(client, recordings):
    caption = recordings["elsewhere"].captions.get()
    feed, root = get_feed(client)

    item = entry(feed, "Filmad hos Göteborg Play")
    assert item.enclosures == []
    assert "media_content" not in item
    assert item.media_player["url"] == "https://play.example/v/123"
    assert item.link.startswith(f"{BASE}/motesplats/2021/program/")
    subtitle = xml_item(root, "Filmad hos Göteborg Play").find(f"{MEDIA}subTitle")
    assert (subtitle.get("lang"), subtitle.get("href")) == ("sv", f"{BASE}{caption.file.url}")


def test_the_feed_names_itself_with_its_type(client, recordings):
    feed, _root = get_feed(client)

    assert {"rel": "self", "type": "application/rss+xml", "href": f"{BASE}{FEED}"} in feed.feed.links


def test_links_are_on_the_configured_base_url_not_the_host_header(client, recordings):
    base = "https://kunskapsarenan.example"
    with override_settings(PUBLIC_BASE_URL=base):
        feed, root = get_feed(client, HTTP_HOST="elak.example")

    site_links = [feed.feed.link, *(link.href for link in feed.feed.links)]
    for item in feed.entries:
        site_links += [item.link, item.id, *(enclosure.href for enclosure in item.enclosures)]
    site_links += [element.get("href") for element in root.iter(f"{MEDIA}subTitle")]
    site_links += [content["url"] for item in feed.entries for content in item.get("media_content", [])]
    external = {"https://video.example/pass.mp4"}
    assert all(link.startswith(f"{base}/") for link in site_links if link not in external), site_links


def test_the_archive_page_links_the_feed(client, recordings):
    response = client.get(ARCHIVE)
    page = response.content.decode()

    assert response.status_code == 200
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="Inspelningar från konferensen" href="{FEED}">' in page
    )
    assert f'<a href="{FEED}">Följ nya inspelningar via RSS</a>' in page


def test_an_empty_feed_is_still_valid(client, series):
    feed, _root = get_feed(client)

    assert feed.entries == []


def add_recordings(edition, count, *, first):
    """`count` recorded sessions with two speakers and two caption tracks each, written straight to the tables."""
    speakers = [PersonFactory() for _ in range(2)]
    for number in range(first, first + count):
        start = at(edition.date, 8) + datetime.timedelta(minutes=2 * number)
        session = Session.objects.create(
            edition=edition,
            code=f"pass-{number}",
            title=f"Pass {number}",
            start=start,
            end=start + datetime.timedelta(minutes=1),
            live=True,
        )
        for index, person in enumerate(speakers):
            SessionSpeaker.objects.create(session=session, person=person, sort_order=index)
        recording = Recording.objects.create(session=session, video=f"recordings/pass-{number}.webm")
        for index, language in enumerate(("sv", "en")):
            RecordingCaption.objects.create(
                recording=recording, language=language, sort_order=index, file=f"recordings/captions/{number}.vtt"
            )


def test_queries_are_flat_from_10_to_50_recordings(client, series, edition, django_assert_max_num_queries):
    add_recordings(edition, 10, first=0)
    client.get(FEED)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as at_ten:
        feed, _root = get_feed(client)
    assert len(feed.entries) == 10

    add_recordings(edition, 40, first=10)
    with django_assert_max_num_queries(len(at_ten)):
        feed, _root = get_feed(client)
    assert len(feed.entries) == 50
    # A file the storage has lost is still listed, with the length readers read as unknown.
    assert {item.enclosures[0].length for item in feed.entries} == {"0"}
