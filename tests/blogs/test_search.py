"""Blog pages in the site search (/sok/): a post ranks above the blog space that holds it, the organisation facet,
staff-only posts."""

import re

import pytest

from tests.blogs.factories import create_post

pytestmark = pytest.mark.django_db


def result_titles(response):
    html = response.content.decode()
    results = html.split('class="search-results__list" start=', 1)
    if len(results) < 2:
        return []
    return re.findall(r'<h3 class="search-result__title"><a href="[^"]*">([^<]*)</a>', results[1])


def test_a_post_titled_like_its_space_ranks_above_the_space(client, space_a):
    space_a.intro = f"{space_a.title} skriver om förskolans digitala verktyg."
    space_a.save_revision().publish()
    create_post(space_a, space_a.title, intro="Ett inlägg.", body_text="Om arbetet.")

    response = client.get("/sok/", {"q": space_a.title})

    assert response.status_code == 200
    titles = result_titles(response)
    assert titles[:2] == [space_a.title, space_a.title]
    html = response.content.decode()
    assert html.index("Blogginlägg ·") < html.index("Blogg ·")
    assert html.index(f'href="{space_a.url}{space_a.get_children().get().slug}/"') < html.index(f'href="{space_a.url}"')


def test_a_post_titled_x_ranks_above_the_space_whose_intro_says_x_often(client, space_a):
    space_a.intro = "Lärplattor. Lärplattor i förskolan. Lärplattor för alla barn. Lärplattor och lärande."
    space_a.save_revision().publish()
    create_post(space_a, "Lärplattor", intro="Kort.", body_text="Om arbetet.")

    titles = result_titles(client.get("/sok/", {"q": "lärplattor"}))

    assert titles == ["Lärplattor", space_a.title]


def test_organisation_facet_counts_and_filters(client, space_a, space_b, org_a, org_b):
    create_post(space_a, "Kvantdatorer i förskolan", body_text="Kvantdatorer.")
    create_post(space_a, "Mer om kvantdatorer", body_text="Kvantdatorer.")
    create_post(space_b, "Kvantdatorer i stadsbyggnaden", body_text="Kvantdatorer.")

    html = client.get("/sok/", {"q": "kvantdatorer"}).content.decode()
    assert re.search(rf'organisation={org_a.slug}">{org_a.name} <span[^>]*>\(2', html)
    assert re.search(rf'organisation={org_b.slug}">{org_b.name} <span[^>]*>\(1', html)

    response = client.get("/sok/", {"q": "kvantdatorer", "organisation": org_b.slug})

    assert response.status_code == 200
    assert result_titles(response) == ["Kvantdatorer i stadsbyggnaden"]
    assert "Blogginlägg · Stadsbyggnadsförvaltningen" in response.content.decode()


def test_staff_only_posts_are_never_found_anonymously_nor_counted_in_facets(client, space_a, org_a):
    create_post(space_a, "Internt om kvantdatorer", body_text="Kvantdatorer internt.", staff_only=True)
    create_post(space_a, "Utkast om kvantdatorer", body_text="Kvantdatorer utkast.", live=False)

    response = client.get("/sok/", {"q": "kvantdatorer"})

    assert response.status_code == 200
    html = response.content.decode()
    assert result_titles(response) == []
    assert "Internt" not in html and "Utkast" not in html
    assert f"organisation={org_a.slug}" not in html
