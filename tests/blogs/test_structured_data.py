"""schema.org JSON-LD on blog pages, read as a search engine reads it: a post is a BlogPosting, a blog space its
organisation. Only public, published posts are described, and every address is on the configured public address."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings
from rdflib import Literal, URIRef

from arena.models import Organisation
from tests.blogs.factories import PersonFactory, create_post
from tests.factories import ImageFactory
from tests.helpers.structured_data import SCHEMA, all_iris, json_ld_blocks, json_ld_graph, the_one, value, values

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


@pytest.fixture
def post(space_a, org_a):
    author = PersonFactory(name="Anna Andersson", slug="anna-andersson", organisation=org_a, job_title="Projektledare")
    post = create_post(
        space_a,
        "Öppen data i förskolan",
        tags=["öppen data", "förskola"],
        authors=[author, PersonFactory(name="Bo Berg", slug="bo-berg")],
        published_date=datetime.date(2026, 3, 2),
    )
    post.hero_image = ImageFactory()
    post.hero_image_alt = "Barn vid en skärm."
    post.save_revision().publish()
    post.refresh_from_db()
    return post


def test_a_post_is_a_blog_posting_with_authors_publisher_and_image(client, post, space_a, org_a):
    response = client.get(post.url)
    assert response.status_code == 200
    graph = json_ld_graph(response)

    posting = the_one(graph, "BlogPosting")
    assert value(graph, posting, "headline") == "Öppen data i förskolan"
    assert value(graph, posting, "description") == post.intro
    assert value(graph, posting, "inLanguage") == "sv"
    assert (posting, SCHEMA.url, URIRef(f"{BASE}{post.url}")) in graph
    assert value(graph, posting, "datePublished") == "2026-03-02"
    modified = datetime.datetime.fromisoformat(value(graph, posting, "dateModified"))
    assert modified.utcoffset() is not None
    assert modified == post.last_published_at
    assert values(graph, posting, "keywords") == ["förskola", "öppen data"]

    authors = list(graph.objects(posting, SCHEMA.author))
    assert sorted(value(graph, author, "name") for author in authors) == ["Anna Andersson", "Bo Berg"]
    anna = next(author for author in authors if (author, SCHEMA.name, Literal("Anna Andersson")) in graph)
    assert value(graph, anna, "jobTitle") == "Projektledare"
    assert value(graph, anna, "url") == f"{BASE}/bloggar/forfattare/anna-andersson/"
    assert value(graph, graph.value(anna, SCHEMA.worksFor), "name") == org_a.name

    publisher = graph.value(posting, SCHEMA.publisher)
    assert (publisher, SCHEMA.name, Literal(org_a.name)) in graph
    assert value(graph, graph.value(posting, SCHEMA.isPartOf), "url") == f"{BASE}{space_a.url}"

    image = graph.value(posting, SCHEMA.image)
    assert value(graph, image, "url").startswith(f"{BASE}/media/images/")
    rendition = post.hero_image.get_rendition("fill-1200x630")  # the Open Graph image's
    assert value(graph, image, "url") == f"{BASE}{rendition.url}"
    assert (value(graph, image, "width"), value(graph, image, "height")) == (
        str(rendition.width),
        str(rendition.height),
    )


def test_a_post_without_image_or_tags_leaves_them_out(client, space_a):
    post = create_post(space_a, "Kort inlägg")
    graph = json_ld_graph(client.get(post.url))

    posting = the_one(graph, "BlogPosting")
    assert graph.value(posting, SCHEMA.image) is None
    assert graph.value(posting, SCHEMA.keywords) is None


def test_addresses_come_from_the_configured_base_url_not_the_host_header(client, post):
    with override_settings(PUBLIC_BASE_URL="https://kunskapsarenan.example"):
        response = client.get(post.url, HTTP_HOST="elak.example")
    graph = json_ld_graph(response)

    assert all_iris(graph)
    assert all(iri.startswith("https://kunskapsarenan.example/") for iri in all_iris(graph)), all_iris(graph)


def test_text_cannot_end_the_script_element(client, space_a):
    title = 'Slut </script><script>alert("x")</script> & <!-- mer'
    post = create_post(space_a, title)
    response = client.get(post.url)
    html = response.content.decode()

    assert "</script><script>alert" not in html
    graph = json_ld_graph(response)
    assert value(graph, the_one(graph, "BlogPosting"), "headline") == title


def test_staff_only_posts_are_never_described(client, space_a, staff):
    post = create_post(space_a, "Intern rapport", staff_only=True)
    client.force_login(staff)

    response = client.get(post.url)

    assert response.status_code == 200
    assert json_ld_blocks(response) == []


def test_a_preview_of_a_draft_is_never_described(space_a, post):
    post.title = "Utkast till ny rubrik"
    draft = post.save_revision()

    response = draft.as_object().make_preview_request()

    assert response.status_code == 200
    assert "Utkast till ny rubrik" in response.content.decode()
    assert json_ld_blocks(response) == []


def test_a_blog_space_describes_its_organisation_with_logo(client, space_a, org_a):
    org_a.website = "https://goteborg.se/forskola"
    org_a.logo = ImageFactory()
    org_a.save()

    response = client.get(space_a.url)
    assert response.status_code == 200
    graph = json_ld_graph(response)

    organisation = the_one(graph, "GovernmentOrganization")
    assert value(graph, organisation, "name") == org_a.name
    assert value(graph, organisation, "description") == org_a.description
    assert value(graph, organisation, "url") == "https://goteborg.se/forskola"
    assert value(graph, graph.value(organisation, SCHEMA.logo), "url").startswith(f"{BASE}/media/images/")
    assert (organisation, SCHEMA.mainEntityOfPage, URIRef(f"{BASE}{space_a.url}")) in graph


def test_a_company_is_a_plain_organization(client, space_b, org_b):
    org_b.kind = Organisation.Kind.BOLAG
    org_b.save()

    graph = json_ld_graph(client.get(space_b.url))

    assert value(graph, the_one(graph, "Organization"), "name") == org_b.name
    assert not list(graph.subjects(predicate=None, object=SCHEMA.GovernmentOrganization))


def test_a_hero_image_whose_file_is_missing_is_left_out(client, space_a):
    post = create_post(space_a, "Bilden försvann")
    post.hero_image = ImageFactory()
    post.hero_image_alt = "En bild som inte finns kvar."
    post.save_revision().publish()
    default_storage.delete(post.hero_image.file.name)

    response = client.get(post.url)
    assert response.status_code == 200
    graph = json_ld_graph(response)
    assert graph.value(the_one(graph, "BlogPosting"), SCHEMA.image) is None
    feed = client.get("/bloggar/rss/")
    assert feed.status_code == 200
    assert b"media:content" not in feed.content
