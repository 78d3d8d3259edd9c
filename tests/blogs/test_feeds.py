"""RSS 2.0 feeds: valid XML with absolute links, public live posts only, per organisation and per tag."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from blogs.feeds import FEED_ITEMS
from tests.blogs.factories import create_post

pytestmark = pytest.mark.django_db

ALL_FEED = "/bloggar/rss/"


def get_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    content_type = response["Content-Type"]
    assert content_type.startswith(("application/rss+xml", "application/xml", "text/xml")), content_type
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    return channel


def item_titles(channel):
    return [item.findtext("title") for item in channel.findall("item")]


def item_links(channel):
    return [item.findtext("link") for item in channel.findall("item")]


@pytest.fixture
def posts(space_a, space_b):
    return {
        "public_a": create_post(space_a, "Öppen data i förskolan", tags=["öppen-data"]),
        "public_b": create_post(space_b, "Digitala bygglov", tags=["bygglov"]),
        "draft_a": create_post(space_a, "Utkast om förskolan", live=False, tags=["öppen-data"]),
        "staff_a": create_post(space_a, "Intern rapport om förskolan", staff_only=True, tags=["öppen-data"]),
        "staff_b": create_post(space_b, "Intern rapport om bygglov", staff_only=True, tags=["bygglov"]),
    }


class TestAllPostsFeed:
    def test_is_valid_rss_with_channel_metadata(self, client, posts):
        channel = get_feed(client, ALL_FEED)

        assert channel.findtext("title")
        assert channel.findtext("link") == "http://testserver/bloggar/"
        assert channel.findtext("description")

    def test_contains_public_live_posts_only(self, client, posts):
        channel = get_feed(client, ALL_FEED)

        assert sorted(item_titles(channel)) == sorted(["Öppen data i förskolan", "Digitala bygglov"])

    def test_never_shows_drafts_or_staff_only_posts_to_logged_in_users(self, client, posts, staff, superuser):
        for user in (staff, superuser):
            client.force_login(user)
            titles = item_titles(get_feed(client, ALL_FEED))
            assert "Utkast om förskolan" not in titles
            assert "Intern rapport om förskolan" not in titles
            assert "Intern rapport om bygglov" not in titles
            assert len(titles) == 2

    def test_links_are_absolute(self, client, posts):
        links = item_links(get_feed(client, ALL_FEED))

        assert sorted(links) == sorted(f"http://testserver{posts[key].url}" for key in ("public_a", "public_b"))
        assert all(link.startswith("http://testserver/bloggar/") for link in links)

    def test_items_carry_description_date_and_guid(self, client, posts):
        channel = get_feed(client, ALL_FEED)
        for item in channel.findall("item"):
            assert item.findtext("description")
            assert item.findtext("pubDate")
            assert item.findtext("guid", "").startswith("http://testserver/bloggar/")

    def test_newest_first(self, client, space_a):
        create_post(space_a, "Äldre", published_date=datetime.date(2024, 5, 1))
        create_post(space_a, "Nyare", published_date=datetime.date(2025, 5, 1))

        assert item_titles(get_feed(client, ALL_FEED)) == ["Nyare", "Äldre"]

    def test_item_count_is_capped(self, client, space_a):
        for number in range(FEED_ITEMS + 2):
            create_post(space_a, f"Inlägg nummer {number}")

        assert FEED_ITEMS == 30
        assert len(get_feed(client, ALL_FEED).findall("item")) == 30

    def test_empty_feed_is_still_valid(self, client, blog_index):
        assert get_feed(client, ALL_FEED).findall("item") == []


class TestSpaceFeed:
    def test_contains_only_that_organisations_public_posts(self, client, posts, space_a, space_b):
        assert item_titles(get_feed(client, f"/bloggar/{space_a.slug}/rss/")) == ["Öppen data i förskolan"]
        assert item_titles(get_feed(client, f"/bloggar/{space_b.slug}/rss/")) == ["Digitala bygglov"]

    def test_logged_in_staff_still_get_public_posts_only(self, client, posts, space_a, staff):
        client.force_login(staff)
        channel = get_feed(client, f"/bloggar/{space_a.slug}/rss/")

        assert item_titles(channel) == ["Öppen data i förskolan"]
        assert channel.findtext("link") == f"http://testserver/bloggar/{space_a.slug}/"
        assert item_links(channel) == [f"http://testserver{posts['public_a'].url}"]

    def test_unknown_space_is_404(self, client, posts):
        assert client.get("/bloggar/finns-inte/rss/").status_code == 404


class TestTagFeed:
    def test_contains_only_tagged_public_posts(self, client, posts, staff):
        client.force_login(staff)
        channel = get_feed(client, "/bloggar/tagg/oppen-data/rss/")

        assert item_titles(channel) == ["Öppen data i förskolan"]
        assert item_links(channel) == [f"http://testserver{posts['public_a'].url}"]
        assert "öppen-data" in channel.findtext("title")

    def test_other_tag(self, client, posts):
        assert item_titles(get_feed(client, "/bloggar/tagg/bygglov/rss/")) == ["Digitala bygglov"]

    def test_unknown_tag_is_404(self, client, posts):
        assert client.get("/bloggar/tagg/finns-inte/rss/").status_code == 404

    def test_tags_with_swedish_letters_have_an_ascii_feed_url(self, client, posts, blog_index):
        """Tag slugs are ASCII (TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING): the tag "öppen data" lives at oppen-data."""
        url = blog_index.url + blog_index.reverse_subpage("tag_feed_route", kwargs={"tag": "oppen-data"})

        assert url == "/bloggar/tagg/oppen-data/rss/"
        assert item_titles(get_feed(client, url)) == ["Öppen data i förskolan"]
