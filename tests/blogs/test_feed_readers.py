"""The blog feeds as feed readers see them (feedparser): well-formed (bozo 0), absolute links on the public base URL,
the hero image as Media RSS media:content, a typed atom:link to themselves, public posts only, and conditional GETs
(If-None-Match, If-Modified-Since) answered with 304 until a post is published or unpublished."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils.http import http_date

from tests.blogs.factories import create_post
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


@pytest.fixture
def posts(space_a):
    with_image = create_post(space_a, "Med bild", tags=["bild"])
    with_image.hero_image = ImageFactory()
    with_image.hero_image_alt = "Två kollegor vid en whiteboard."
    with_image.save_revision().publish()
    with_image.refresh_from_db()
    return {
        "with_image": with_image,
        "plain": create_post(space_a, "Utan bild", tags=["bild"]),
        "draft": create_post(space_a, "Utkast", live=False, tags=["bild"]),
        "staff": create_post(space_a, "Internt", staff_only=True, tags=["bild"]),
    }


def feed_urls(space):
    return ["/bloggar/rss/", f"/bloggar/{space.slug}/rss/", "/bloggar/tagg/bild/rss/"]


def parse(client, url, **headers):
    import feedparser

    response = client.get(url, **headers)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed, response


def test_every_feed_is_well_formed_with_public_posts_only(client, posts, space_a, staff):
    client.force_login(staff)  # what a signed-in reader gets is still only the public posts
    for url in feed_urls(space_a):
        feed, _response = parse(client, url)
        assert sorted(item.title for item in feed.entries) == ["Med bild", "Utan bild"], url


def test_the_hero_image_is_media_content(client, posts, space_a):
    rendition = posts["with_image"].hero_image.get_rendition("fill-1200x630")
    for url in feed_urls(space_a):
        feed, _response = parse(client, url)
        by_title = {item.title: item for item in feed.entries}

        assert by_title["Med bild"].media_content == [
            {
                "url": f"{BASE}{rendition.url}",
                "type": "image/jpeg",  # the factory's image file is a JPEG
                "medium": "image",
                "width": str(rendition.width),
                "height": str(rendition.height),
            }
        ]
        assert by_title["Med bild"].content[0].value == "Två kollegor vid en whiteboard."  # media:description
        assert "media_content" not in by_title["Utan bild"]


def test_each_feed_links_itself_with_its_type(client, posts, space_a):
    for url in feed_urls(space_a):
        feed, _response = parse(client, url)
        assert {"rel": "self", "type": "application/rss+xml", "href": f"{BASE}{url}"} in feed.feed.links


def test_links_are_on_the_configured_base_url_not_the_host_header(client, posts, space_a):
    base = "https://kunskapsarenan.example"
    for url in feed_urls(space_a):
        with override_settings(PUBLIC_BASE_URL=base):
            feed, _response = parse(client, url, HTTP_HOST="elak.example")
        links = [feed.feed.link, *(link.href for link in feed.feed.links)]
        for item in feed.entries:
            links += [item.link, item.id, *(content["url"] for content in item.get("media_content", []))]
        assert all(link.startswith(f"{base}/") for link in links), links


def test_if_none_match_answers_304_until_a_post_is_published(client, posts, space_a):
    etags = {}
    for url in feed_urls(space_a):
        _feed, first = parse(client, url)
        etags[url] = first["ETag"]
        not_modified = client.get(url, HTTP_IF_NONE_MATCH=etags[url])
        assert not_modified.status_code == 304, url
        assert not_modified.content == b""

    create_post(space_a, "Nytt inlägg", tags=["bild"])

    for url in feed_urls(space_a):
        response = client.get(url, HTTP_IF_NONE_MATCH=etags[url])
        assert response.status_code == 200, url
        assert "Nytt inlägg" in response.content.decode()


def test_if_modified_since_answers_304_unless_a_post_is_newer(client, posts, space_a):
    newest = max(post.last_published_at for post in (posts["with_image"], posts["plain"]))
    for url in feed_urls(space_a):
        _feed, first = parse(client, url)
        assert first["Last-Modified"] == http_date(newest.timestamp())

        not_modified = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert not_modified.status_code == 304, url
        assert not_modified.content == b""

        # A reader whose copy is a second older than the newest post gets the feed.
        older = http_date(newest.timestamp() - 1)
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=older).status_code == 200, url


def test_a_feed_served_from_the_page_cache_still_answers_304(client, posts, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    first = client.get("/bloggar/rss/")
    assert first["X-Page-Cache"] == "miss"

    for headers in ({"HTTP_IF_NONE_MATCH": first["ETag"]}, {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]}):
        response = client.get("/bloggar/rss/", **headers)
        assert response.status_code == 304
        assert response["X-Page-Cache"] == "hit"
    assert client.get("/bloggar/rss/").status_code == 200
    cache.clear()


def test_unpublishing_a_post_changes_the_etag(client, posts, space_a):
    url = "/bloggar/rss/"
    _feed, first = parse(client, url)

    posts["plain"].unpublish()

    response = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert b"Utan bild" not in response.content
