"""A comment purges the anonymous page cache of the pages showing it or its post's comment count (the post, its blog
space, /bloggar/ with its filtered variants, the start page, the authors' pages) and nothing else; junk query
parameters never reach a cached listing's links."""

import pytest
from django.core.cache import cache
from django.test import Client

from arena.models import StandardPage
from blogs import services
from blogs.comment_pages import urls_showing_comments_of
from tests.blogs.factories import CommentFactory, PersonFactory, create_post
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def author(org_a):
    return PersonFactory(organisation=org_a, slug="ada-skribent", name="Ada Skribent")


@pytest.fixture
def post(space_a, author):
    post = create_post(space_a, "Robotar i hemtjänsten", authors=[author])
    CommentFactory(post=post)
    return post


@pytest.fixture
def unrelated(home):
    return home.add_child(instance=StandardPage(title="Om arenan", slug="om-arenan", intro="Om oss"))


@pytest.fixture
def listings(post, space_a, blog_index):
    return {
        "post": post.url,
        "space": space_a.url,
        "index": blog_index.url,
        "filtered index": f"{blog_index.url}?ar={post.published_date.year}",
        "author": f"{blog_index.url}forfattare/ada-skribent/",
        "home": "/",
    }


def warm(anonymous, urls):
    for url in urls:
        assert anonymous.get(url).status_code == 200, url
        response = anonymous.get(url)
        assert response["X-Page-Cache"] == "hit", url


def test_the_pages_a_comment_purges_are_the_post_and_its_listings(post, listings):
    assert set(urls_showing_comments_of(post)) - {None} == set(listings.values()) - {listings["filtered index"]}


def test_a_new_comment_shows_at_once_while_unrelated_pages_stay_cached(
    client, page_cache_on, post, listings, unrelated, staff, django_capture_on_commit_callbacks
):
    warm(client, [*listings.values(), unrelated.url])
    for name, url in listings.items():
        assert "1 kommentar" in client.get(url).content.decode(), name

    writer = Client()
    writer.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        assert writer.post(post.url, {"body": "Ett andra svar"}).status_code == 302

    for name, url in listings.items():
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "miss", name
        assert "2 kommentarer" in response.content.decode(), name
    assert client.get(unrelated.url)["X-Page-Cache"] == "hit"


def test_hiding_and_restoring_a_comment_purge_the_same_pages(
    client, page_cache_on, post, listings, unrelated, editor_a, django_capture_on_commit_callbacks
):
    comment = post.comments.get()
    warm(client, [*listings.values(), unrelated.url])

    with django_capture_on_commit_callbacks(execute=True):
        services.hide_comment(editor_a, comment)
    for name, url in listings.items():
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", name
        assert "1 kommentar" not in response.content.decode(), name
    assert client.get(unrelated.url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        services.restore_comment(editor_a, comment)
    assert "1 kommentar" in client.get(listings["index"]).content.decode()


def test_a_comment_on_another_space_leaves_this_space_cached(
    client, page_cache_on, post, space_a, space_b, django_capture_on_commit_callbacks
):
    other = create_post(space_b, "Ett annat inlägg")
    warm(client, [space_a.url, post.url])
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(UserFactory(), other, "Hej")
    assert client.get(space_a.url)["X-Page-Cache"] == "hit"
    assert client.get(post.url)["X-Page-Cache"] == "hit"


def test_junk_parameters_never_reach_a_cached_listings_links(client, page_cache_on, post, blog_index):
    year = post.published_date.year
    first = client.get(f"{blog_index.url}?ar={year}&utm_source=skrap&spam=besok-oss")
    assert first.status_code == 200
    body = first.content.decode()
    assert "utm_source" not in body and "spam" not in body
    again = client.get(f"{blog_index.url}?ar={year}")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
