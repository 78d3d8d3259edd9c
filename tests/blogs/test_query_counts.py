"""Listings and post pages issue a fixed number of queries however much content there is (no N+1).

Each page is measured at a small size, then more content is added and the count at the larger size must not
exceed the small one (django_assert_max_num_queries prints the queries when it does). Pages are rendered once
before measuring so image renditions and Wagtail's site-root cache are warm, as they are in production.
"""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag
from wagtail.rich_text import RichText

from blogs.models import BlogPostAuthor, BlogPostPage, BlogPostTag, Comment
from tests.blogs.factories import FocusAreaFactory, PersonFactory, create_post
from tests.factories import ImageFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 20
# The start page also carries the other apps' sections (projects, conference, maturity): tests/arena/test_home_page.py
HOME_MAX_QUERIES = 26
_numbers = itertools.count(1)


@pytest.fixture
def catalogue(org_a, org_b):
    """Shared taxonomy, people and images the bulk posts draw from."""
    return {
        "tags": [Tag.objects.create(name=f"Ämne {n}", slug=f"amne-{n}") for n in range(4)],
        "areas": [FocusAreaFactory(name=f"Område {n}", slug=f"omrade-{n}") for n in range(3)],
        "people": [PersonFactory(slug=f"person-{n}", organisation=(org_a, org_b)[n % 2]) for n in range(5)],
        "images": [ImageFactory() for _ in range(3)],
    }


def add_posts(space, count, catalogue, *, people=None):
    """Add `count` live posts fast: children straight into the tree (no revisions), relations in bulk."""
    people = people or catalogue["people"]
    now = timezone.now()
    posts = []
    for _ in range(count):
        number = next(_numbers)
        image = catalogue["images"][number % 3] if number % 3 == 0 else None
        post = BlogPostPage(
            title=f"Massinlägg {number}",
            slug=f"massinlagg-{number}",
            intro=f"Ingress till inlägg {number} om digitalisering i staden.",
            body=[("paragraph", RichText(f"<p>Brödtext {number}.</p>"))],
            published_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number % 700),
            hero_image=image,
            hero_image_alt="Medarbetare vid en skärm." if image else "",
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        space.add_child(instance=post)
        posts.append(post)
    BlogPostAuthor.objects.bulk_create(
        BlogPostAuthor(page=post, person=person, sort_order=order)
        for index, post in enumerate(posts)
        for order, person in enumerate([people[index % len(people)], people[(index + 1) % len(people)]])
        if order == 0 or len(people) > 1
    )
    BlogPostTag.objects.bulk_create(
        BlogPostTag(content_object=post, tag=tag)
        for index, post in enumerate(posts)
        for tag in catalogue["tags"][index % 2 : index % 2 + 2]
    )
    through = BlogPostPage.focus_areas.through
    through.objects.bulk_create(
        through(blogpostpage=post, focusarea=catalogue["areas"][index % 3]) for index, post in enumerate(posts)
    )
    commenter = UserFactory()
    Comment.objects.bulk_create(
        Comment(post=post, organisation_id=post.organisation_id, author=commenter, body="Bra skrivet!")
        for post in posts[::4]
    )
    return posts


def count_queries(client, url, expected_status=200):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == expected_status
    return len(captured)


def assert_same_count(client, url, small_count, django_assert_max_num_queries, *, exact=True):
    """The page at the larger size issues no more queries than at the smaller one (nor fewer, when `exact`).

    A filtered page may legitimately issue one query less when none of its posts has a hero image (Django skips
    the renditions prefetch), so filtered pages are only bounded from above.
    """
    client.get(url)  # warm renditions and caches for the new content
    with django_assert_max_num_queries(small_count) as captured:
        response = client.get(url)
    assert response.status_code == 200
    if exact:
        assert len(captured) == small_count


def measure(client, url, limit=MAX_QUERIES):
    client.get(url)  # warm up
    count = count_queries(client, url)
    assert count <= limit, f"{url} issues {count} queries"
    return count


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "staff"])
def test_blog_index_at_10_and_200_posts(
    client, space_a, space_b, catalogue, staff, logged_in, django_assert_max_num_queries
):
    if logged_in:
        client.force_login(staff)
    add_posts(space_a, 5, catalogue)
    add_posts(space_b, 5, catalogue)
    create_post(space_a, "Internt", staff_only=True, tags=["amne-0"])

    small = measure(client, "/bloggar/")
    small_filtered = measure(client, "/bloggar/?tagg=amne-1&fokus=omrade-0&ar=2024")

    add_posts(space_a, 95, catalogue)
    add_posts(space_b, 95, catalogue)

    assert_same_count(client, "/bloggar/", small, django_assert_max_num_queries)
    assert_same_count(
        client,
        "/bloggar/?tagg=amne-1&fokus=omrade-0&ar=2024",
        small_filtered,
        django_assert_max_num_queries,
        exact=False,
    )
    assert_same_count(client, "/bloggar/?sida=2", small, django_assert_max_num_queries)


@pytest.mark.parametrize("url", ["/bloggar/", "/"])
def test_blog_index_and_home_at_3_and_12_spaces(client, home, space_a, catalogue, url, django_assert_max_num_queries):
    """The list of spaces on /bloggar/, the cards' links to their spaces and their hero images stay flat."""
    add_posts(space_a, 3, catalogue)
    for _ in range(2):
        add_posts(OrganisationFactory().blog_space, 3, catalogue)

    small = measure(client, url, limit=HOME_MAX_QUERIES if url == "/" else MAX_QUERIES)

    for _ in range(9):
        add_posts(OrganisationFactory().blog_space, 3, catalogue)

    assert_same_count(client, url, small, django_assert_max_num_queries)
    assert client.get(url).content.decode().count('class="post-meta__organisation" href=') >= 6


def test_blog_space_at_10_and_200_posts(client, space_a, catalogue, django_assert_max_num_queries):
    add_posts(space_a, 10, catalogue)
    url = space_a.url

    small = measure(client, url)

    add_posts(space_a, 190, catalogue)

    assert_same_count(client, url, small, django_assert_max_num_queries)
    assert_same_count(client, f"{url}?sida=3", small, django_assert_max_num_queries)


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "staff"])
def test_post_page_with_0_and_100_comments(client, space_a, catalogue, staff, logged_in, django_assert_max_num_queries):
    post = create_post(
        space_a,
        "Inlägg med många kommentarer",
        tags=["amne-0", "amne-1"],
        focus_areas=catalogue["areas"][:2],
        authors=catalogue["people"][:2],
    )
    add_posts(space_a, 6, catalogue)  # related posts
    if logged_in:
        client.force_login(staff)

    # Signed in, the session, the user and the two permission lookups of Wagtail's user bar come on top. The post
    # page also asks once whether the post is public before describing it in JSON-LD (blogs/structured_data.py).
    small = measure(client, post.url, limit=MAX_QUERIES + 1 + (4 if logged_in else 0))

    commenters = [UserFactory() for _ in range(10)]
    for person, user in zip(catalogue["people"], commenters, strict=False):
        person.user = user
        person.save()
    Comment.objects.bulk_create(
        Comment(post=post, organisation_id=post.organisation_id, author=commenters[n % 10], body=f"Kommentar {n}")
        for n in range(100)
    )

    assert_same_count(client, post.url, small, django_assert_max_num_queries)
    assert "Kommentar 99" in client.get(post.url).content.decode()


def test_home_page_at_10_and_60_posts(client, home, space_a, space_b, catalogue, django_assert_max_num_queries):
    add_posts(space_a, 5, catalogue)
    add_posts(space_b, 5, catalogue)

    small = measure(client, "/", limit=HOME_MAX_QUERIES)

    add_posts(space_a, 25, catalogue)
    add_posts(space_b, 25, catalogue)

    assert_same_count(client, "/", small, django_assert_max_num_queries)


def test_author_page_at_5_and_50_posts(client, space_a, space_b, catalogue, django_assert_max_num_queries):
    author = catalogue["people"][0]
    add_posts(space_a, 5, catalogue, people=[author])
    url = f"/bloggar/forfattare/{author.slug}/"

    small = measure(client, url)

    add_posts(space_a, 25, catalogue, people=[author])
    add_posts(space_b, 20, catalogue, people=[author])

    assert_same_count(client, url, small, django_assert_max_num_queries)


def test_feeds_at_10_and_100_posts(client, space_a, catalogue, django_assert_max_num_queries):
    add_posts(space_a, 10, catalogue)
    urls = ["/bloggar/rss/", f"{space_a.url}rss/", "/bloggar/tagg/amne-1/rss/"]

    small = {url: measure(client, url) for url in urls}

    add_posts(space_a, 90, catalogue)

    for url in urls:
        assert_same_count(client, url, small[url], django_assert_max_num_queries)
