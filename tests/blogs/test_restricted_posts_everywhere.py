"""A post behind a view restriction (login, group or password; on the post itself or on its blog space) never shows
its title or introduction to someone who may not open it, in any channel that lists posts.

Listings that depend on who is looking (/bloggar/ with its tag and focus-area filters, the blog space, the author's
page, the start page, the related posts under another post) show it exactly to those who may open it: signed-in
people for a login restriction, the group's members and superusers for a group restriction, nobody for a password
(a listing cannot ask for it). Public channels (feeds, site search, the API, sitemap.xml, open data, JSON-LD,
the related-content hook) show only unrestricted posts, whoever asks. An unrestricted post is checked in every
channel too, so a channel that shows nothing at all cannot pass.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail import hooks

from arena.hooks import OPEN_DATASETS
from arena.models import HomePage
from arena.related_content import RelatedQuery, related_content
from tests.blogs.factories import RESTRICTION_PASSWORD, FocusAreaFactory, PersonFactory, create_post, restrict
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Hemlighetsmakeri i nämnden"
SECRET_INTRO = "Ingress som bara behöriga får läsa."
OPEN_TITLE = "Öppenhetsarbete i nämnden"
VIEWERS = ("anonymous", "outsider", "member", "superuser")
# Who may open a post behind each kind of restriction, in a listing (which cannot ask for a password).
MAY_SEE = {"login": {"outsider", "member", "superuser"}, "groups": {"member", "superuser"}, "password": set()}


@pytest.fixture
def content(space_a, space_b, blog_index):
    """A restrictable post in space A, and an open post in space B sharing its author, tag and focus area."""
    area = FocusAreaFactory(name="Öppna data", slug="oppna-data-omrade")
    author = PersonFactory(organisation=space_a.organisation, name="Hedda Skribent", slug="hedda-skribent")
    shared = {"tags": ["hemligt"], "focus_areas": [area], "authors": [author]}
    secret = create_post(space_a, SECRET_TITLE, intro=SECRET_INTRO, **shared)
    public = create_post(space_b, OPEN_TITLE, intro="En öppen ingress.", **shared)
    return {"secret": secret, "public": public, "area": area, "space": space_a, "index": blog_index}


@pytest.fixture
def group(db):
    return Group.objects.create(name="Hemliga gruppen")


@pytest.fixture
def clients(group):
    member = UserFactory()
    member.groups.add(group)
    users = {"outsider": UserFactory(), "member": member, "superuser": UserFactory(is_superuser=True, is_staff=True)}
    result = {"anonymous": Client()}
    for name, user in users.items():
        result[name] = Client()
        result[name].force_login(user)
    return result


def listing_urls(content):
    index = content["index"].url
    return {
        "bloggar": index,
        "tag": f"{index}?tagg=hemligt",
        "focus area": f"{index}?fokus={content['area'].slug}",
        "space": content["space"].url,
        "author": f"{index}forfattare/hedda-skribent/",
        "home": HomePage.objects.get().url,
        "related posts": content["public"].url,
    }


def public_urls(content):
    index, space = content["index"].url, content["space"].url
    datasets = [dataset for dataset in (answer() for answer in hooks.get_hooks(OPEN_DATASETS)) if dataset]
    return {
        "feed": f"{index}rss/",
        "tag feed": f"{index}tagg/hemligt/rss/",
        "space feed": f"{space}rss/",
        "search": "/sok/?q=n%C3%A4mnden",
        "api": "/api/v2/pages/?type=blogs.BlogPostPage&fields=intro",
        "sitemap": "/sitemap.xml",
        "open data": "/oppna-data/",
        "open data catalogue": "/oppna-data/katalog.ttl",
        **{f"open data {d.slug}": f"/oppna-data/{d.slug}.json" for d in datasets},
    }


def shows(text, post):
    return post.title in text or post.intro in text or post.url in text


def texts(client, urls):
    result = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code in (200, 302), (name, response.status_code)  # 302: to the login page
        result[name] = response.content.decode()
    return result


def related_hook_text(content):
    query = RelatedQuery(focus_area_ids=(content["area"].pk,), tags=("hemligt",), text="nämnden", limit=10)
    return " ".join(f"{item.title} {item.url}" for group in related_content(query) for item in group.items)


@pytest.mark.parametrize("target", ["post", "space"])
@pytest.mark.parametrize("kind", ["login", "groups", "password"])
@pytest.mark.parametrize("viewer", VIEWERS)
def test_a_restricted_post_shows_only_to_those_who_may_open_it(content, clients, group, kind, target, viewer):
    restrict(content["secret" if target == "post" else "space"], kind, groups=[group] if kind == "groups" else [])
    client = clients[viewer]
    secret, public = content["secret"], content["public"]

    listings = texts(client, listing_urls(content))
    expected = viewer in MAY_SEE[kind]
    shown = {name: shows(text, secret) for name, text in listings.items()}
    assert shown == dict.fromkeys(shown, expected)
    for name in ("bloggar", "tag", "focus area", "author", "home"):
        assert public.title in listings[name], name

    published = texts(client, public_urls(content))
    assert [name for name, text in published.items() if shows(text, secret)] == []
    for name in ("feed", "tag feed", "search", "api", "sitemap"):
        assert shows(published[name], public), name
    related = related_hook_text(content)
    assert OPEN_TITLE in related
    assert SECRET_TITLE not in related


@pytest.mark.parametrize("kind", ["login", "groups", "password"])
def test_the_post_page_describes_a_restricted_post_in_no_json_ld_even_to_its_readers(content, clients, group, kind):
    restriction = restrict(content["secret"], kind, groups=[group] if kind == "groups" else [])
    reader = clients["member"]
    if kind == "password":
        response = reader.post(
            reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, content["secret"].pk]),
            {"password": RESTRICTION_PASSWORD, "return_url": content["secret"].url},
        )
        assert response.status_code == 302
    response = reader.get(content["secret"].url)
    assert response.status_code == 200
    assert SECRET_INTRO in response.content.decode()  # the reader may open it...
    assert "application/ld+json" not in response.content.decode()  # ...but it is described to nobody
    assert "application/ld+json" in reader.get(content["public"].url).content.decode()


@pytest.mark.parametrize("kind", ["login", "groups", "password"])
def test_a_direct_api_request_for_a_restricted_post_is_404(content, clients, group, kind):
    restrict(content["secret"], kind, groups=[group] if kind == "groups" else [])
    for viewer in VIEWERS:
        assert clients[viewer].get(f"/api/v2/pages/{content['secret'].pk}/").status_code == 404, viewer
    assert clients["anonymous"].get(f"/api/v2/pages/{content['public'].pk}/").status_code == 200


def test_restricting_a_post_drops_it_from_cached_listings_and_feeds_at_once(content, clients, group, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    anonymous = clients["anonymous"]
    urls = {"bloggar": content["index"].url, "feed": f"{content['index'].url}rss/", "home": "/"}
    for url in urls.values():
        assert SECRET_TITLE in anonymous.get(url).content.decode()
        assert anonymous.get(url)["X-Page-Cache"] == "hit"
    restriction = restrict(content["secret"], "groups", groups=[group])
    for name, url in urls.items():
        assert SECRET_TITLE not in anonymous.get(url).content.decode(), name
    restriction.delete()
    assert SECRET_TITLE in anonymous.get(urls["bloggar"]).content.decode()
    cache.clear()
