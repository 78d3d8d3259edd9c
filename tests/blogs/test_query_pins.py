"""Query pins for every blog page type, for the three audiences: an anonymous visitor, a signed-in staff member and an
analyst (a user in the analysts group, who may use the admin but edits no page, so gets no Wagtail user bar).

With warm caches (PAGE_CACHE_SECONDS=300, real Redis; the page requested twice, the second request counted) a page
must not cost more than its pin: anonymous visitors are served from the page cache, signed-in visitors from the
fragments (arena.fragments) and the cached page lookup (arena.page_routing, which holds the page itself), so what
is left is the session's user. Feeds are the same for everyone and not cached for signed-in readers (feed readers are
anonymous). With caches off every page must stay flat: 15 posts cost no more queries than 3.
"""

import pytest
from django.core.cache import cache
from django.test import Client

from arena.roles import ANALYSTS, ensure_role_groups
from blogs.services import add_comment
from tests.blogs.factories import CommentFactory, PersonFactory, create_post
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Queries of the second of two requests with warm caches, by (page, audience).
PINNED = {
    ("index", "anonymous"): 0,
    ("index", "staff"): 1,
    ("index", "analyst"): 1,
    ("index filtered", "anonymous"): 0,
    ("index filtered", "staff"): 1,
    ("index filtered", "analyst"): 1,
    ("space", "anonymous"): 0,
    ("space", "staff"): 1,
    ("space", "analyst"): 1,
    ("author", "anonymous"): 0,
    ("author", "staff"): 1,
    ("author", "analyst"): 1,
    ("post", "anonymous"): 0,
    ("post", "staff"): 1,
    ("post", "analyst"): 1,
    ("feed", "anonymous"): 0,
    ("feed", "staff"): 6,
    ("feed", "analyst"): 6,
    ("space feed", "anonymous"): 0,
    ("space feed", "staff"): 6,
    ("space feed", "analyst"): 6,
    ("tag feed", "anonymous"): 0,
    ("tag feed", "staff"): 7,
    ("tag feed", "analyst"): 7,
}
PAGES = sorted({page for page, _audience in PINNED})
AUDIENCES = ("anonymous", "staff", "analyst")


@pytest.fixture
def author(org_a):
    return PersonFactory(organisation=org_a, slug="ada-skribent", name="Ada Skribent")


@pytest.fixture
def content(space_a, space_b, author):
    """Posts in two spaces, a tag, a staff-only post and a comment: every kind of row the pages read."""
    posts = [create_post(space_a, f"Inlägg {n}", authors=[author], tags=["ai"]) for n in range(2)]
    posts.append(create_post(space_b, "Från en annan förvaltning", tags=["ai"]))
    create_post(space_a, "Internt inlägg", authors=[author], staff_only=True)
    add_comment(UserFactory(), posts[0], "Bra skrivet!")
    return {"space": space_a, "post": posts[0], "author": author}


def url_of(page, content):
    space, post, author = content["space"], content["post"], content["author"]
    return {
        "index": "/bloggar/",
        "index filtered": "/bloggar/?tagg=ai&sida=1",
        "space": space.url,
        "author": f"/bloggar/forfattare/{author.slug}/",
        "post": post.url,
        "feed": "/bloggar/rss/",
        "space feed": f"{space.url}rss/",
        "tag feed": "/bloggar/tagg/ai/rss/",
    }[page]


def client_for(audience):
    client = Client()
    if audience == "staff":
        client.force_login(UserFactory())
    elif audience == "analyst":
        user = UserFactory()
        user.groups.add(ensure_role_groups()[ANALYSTS])
        client.force_login(user)
    return client


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


@pytest.mark.redis
@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("page", PAGES)
def test_a_warm_page_costs_no_more_than_its_pin(settings, content, page, audience, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    try:
        client, url = client_for(audience), url_of(page, content)
        get(client, url)
        with django_assert_max_num_queries(PINNED[page, audience]):
            get(client, url)
    finally:
        cache.clear()


@pytest.mark.redis
def test_the_staff_index_costs_the_same_however_many_posts(settings, space_a, author, django_assert_max_num_queries):
    """With warm fragments the listing costs nothing of its own: however many posts, only the page's frame is
    queried."""
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    try:
        create_post(space_a, "Det första", authors=[author])
        client = client_for("staff")
        get(client, "/bloggar/")
        with django_assert_max_num_queries(PINNED["index", "staff"]) as few:
            get(client, "/bloggar/")
        queries = len(few)  # now: the next request empties Django's query log
        for n in range(6):
            create_post(space_a, f"Ett till {n}", authors=[author])
        get(client, "/bloggar/")  # publishing gave the fragments new keys: the first visit renders them again
        with django_assert_max_num_queries(queries):
            get(client, "/bloggar/")
    finally:
        cache.clear()


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("page", PAGES)
def test_with_caches_off_a_page_stays_flat(
    settings, space_a, space_b, author, page, audience, django_assert_max_num_queries
):
    """Caches off (the test default): 15 posts, with tags, comments and authors, cost no more queries than 3."""
    settings.PAGE_CACHE_SECONDS = 0

    def add_posts(count):
        for n in range(count):
            CommentFactory(post=create_post((space_a, space_b)[n % 2], authors=[author], tags=["ai"]))

    add_posts(3)
    content = {"space": space_a, "post": create_post(space_a, "Det lästa inlägget", authors=[author], tags=["ai"])}
    content["author"] = author
    client, url = client_for(audience), url_of(page, content)
    get(client, url)
    with django_assert_max_num_queries(100) as small:
        get(client, url)
    queries = len(small)  # now: the next request empties Django's query log
    add_posts(12)
    get(client, url)
    with django_assert_max_num_queries(queries):
        get(client, url)
