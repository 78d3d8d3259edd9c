"""The blog pages' headers (templates/includes/page_header.html) and their links, which come from the page tree."""

import re

import pytest

from tests.blogs.factories import FocusAreaFactory, PersonFactory, create_post

pytestmark = pytest.mark.django_db


def page_header(response):
    content = response.content.decode()
    assert content.count("<h1") == 1
    return re.search(r'<header class="page-header[^"]*">(.*?)</header>', content, re.S).group(1)


@pytest.fixture
def author(org_a):
    return PersonFactory(name="Karin Lind", slug="karin-lind", job_title="Förskolechef", organisation=org_a)


@pytest.fixture
def post(space_a, author):
    area = FocusAreaFactory(name="Digital kompetens", slug="digital-kompetens")
    return create_post(
        space_a,
        "Surfplattor i förskolan",
        intro="Om lärplattor.",
        tags=["förskola"],
        focus_areas=[area],
        authors=[author],
    )


def test_post_header_links_to_its_space_and_shows_the_meta_line_and_authors(client, post, space_a, blog_index):
    header = page_header(client.get(post.url))

    assert f'<p class="page-header__kicker"><a href="{space_a.url}">{space_a.organisation.name}</a></p>' in header
    assert "<h1>Surfplattor i förskolan</h1>" in header
    assert '<p class="post-meta">' in header
    assert f'<a href="{blog_index.url}forfattare/karin-lind/">Karin Lind</a>' in header
    assert "Om lärplattor." not in header  # the introduction follows the hero image, outside the header


def test_post_links_to_filters_and_feed_of_the_blog(client, post, space_a, blog_index):
    content = client.get(post.url).content.decode()

    assert f'href="{blog_index.url}?fokus=digital-kompetens"' in content
    assert f'href="{blog_index.url}?tagg=forskola"' in content
    assert f'type="application/rss+xml" title="Inlägg från {space_a.title}" href="{space_a.url}rss/"' in content


def test_space_header_has_the_organisation_and_its_introduction(client, space_a, blog_index):
    space_a.intro = "Förskolan skriver om digitala verktyg."
    space_a.save_revision().publish()

    header = page_header(client.get(space_a.url))

    assert f'<a href="{blog_index.url}">Bloggar</a>' in header
    assert f"<h1>{space_a.organisation.name}</h1>" in header
    assert '<p class="lead">Förskolan skriver om digitala verktyg.</p>' in header


def test_author_header_has_the_role_but_not_the_blog_introduction(client, post, blog_index):
    header = page_header(client.get(f"{blog_index.url}forfattare/karin-lind/"))

    assert "<h1>Karin Lind</h1>" in header
    assert "Förskolechef" in header
    assert 'class="lead"' not in header


def test_blog_index_header(client, blog_index):
    header = page_header(client.get(blog_index.url))
    assert f"<h1>{blog_index.title}</h1>" in header
    assert f'<p class="lead">{blog_index.intro}</p>' in header


def test_start_page_links_to_the_blog_root(client, post, home, blog_index):
    content = client.get(home.url).content.decode()
    assert content.count(f'<p class="more-link"><a href="{blog_index.url}">') == 2
