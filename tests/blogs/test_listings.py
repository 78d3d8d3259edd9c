"""Listings: /bloggar/ with pagination and filters, a space, an author page, the start page, search and the API.

Staff-only posts (a login view restriction) are listed for signed-in staff only; drafts never.
"""

import datetime
import html
import re

import pytest

from blogs.views import POSTS_PER_PAGE
from tests.blogs.factories import CommentFactory, FocusAreaFactory, PersonFactory, create_post
from tests.factories import ImageFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

INDEX = "/bloggar/"


def listed(response):
    """Titles of the posts on the listing page, in the order shown."""
    return [post.title for post in response.context["posts"]]


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def mixed(space_a, space_b):
    """Public, staff-only and draft posts in two organisations."""
    return {
        "public_a": create_post(space_a, "Robotar i hemtjänsten", published_date=datetime.date(2025, 4, 1)),
        "public_b": create_post(space_b, "3D-modell av stadskärnan", published_date=datetime.date(2025, 6, 1)),
        "staff_a": create_post(
            space_a, "Intern genomgång av Kvantprojektet", staff_only=True, published_date=datetime.date(2025, 7, 1)
        ),
        "draft_b": create_post(space_b, "Halvfärdigt om bygglov", live=False, published_date=datetime.date(2025, 8, 1)),
    }


class TestBlogIndex:
    def test_lists_posts_newest_first_across_organisations(self, client, space_a, space_b):
        create_post(space_a, "Äldst", published_date=datetime.date(2024, 1, 10))
        create_post(space_b, "Mitten", published_date=datetime.date(2024, 6, 10))
        create_post(space_a, "Nyast", published_date=datetime.date(2025, 2, 10))

        response = client.get(INDEX)

        assert response.status_code == 200
        assert listed(response) == ["Nyast", "Mitten", "Äldst"]
        content = text(response)
        assert content.index("Nyast") < content.index("Mitten") < content.index("Äldst")

    def test_paginates_twelve_per_page(self, client, space_a):
        assert POSTS_PER_PAGE == 12
        for day in range(1, 15):
            create_post(space_a, f"Inlägg dag {day:02d}", published_date=datetime.date(2025, 1, day))

        first = client.get(INDEX)
        second = client.get(INDEX, {"sida": 2})

        assert len(listed(first)) == 12
        assert listed(first)[0] == "Inlägg dag 14"
        assert listed(second) == ["Inlägg dag 02", "Inlägg dag 01"]
        assert second.status_code == 200
        assert 'href="?sida=2"' in first.content.decode()

    def test_page_out_of_range_is_404_and_garbage_page_is_page_one(self, client, space_a):
        create_post(space_a, "Ensamt inlägg")

        assert client.get(INDEX, {"sida": 999}).status_code == 404
        response = client.get(INDEX, {"sida": "abc"})
        assert response.status_code == 200
        assert listed(response) == ["Ensamt inlägg"]

    @pytest.mark.parametrize("garbage", ["0", "-1", "2.5"])
    def test_any_page_that_is_not_a_whole_number_from_one_is_page_one(self, client, space_a, garbage):
        create_post(space_a, "Ensamt inlägg")

        response = client.get(INDEX, {"sida": garbage})

        assert response.status_code == 200
        assert listed(response) == ["Ensamt inlägg"]

    def test_pagination_is_the_sites_shared_one(self, client, space_a):
        for day in range(1, 14):
            create_post(space_a, f"Inlägg dag {day:02d}", published_date=datetime.date(2025, 1, day))

        response = client.get(INDEX)

        assert "includes/pagination.html" in [template.name for template in response.templates]
        assert '<nav class="pagination" aria-label="Sidor med inlägg">' in response.content.decode()
        assert response.context["posts"].elided_range == [1, 2]

    def test_filter_by_organisation(self, client, mixed, org_b):
        response = client.get(INDEX, {"organisation": org_b.slug})

        assert response.status_code == 200
        assert listed(response) == ["3D-modell av stadskärnan"]

    def test_filter_by_tag(self, client, space_a, space_b):
        create_post(space_a, "Om AI", tags=["ai"], published_date=datetime.date(2025, 1, 1))
        create_post(space_b, "Om AI och förskola", tags=["ai", "förskola"], published_date=datetime.date(2025, 2, 1))
        create_post(space_b, "Om annat", tags=["annat"])

        assert listed(client.get(INDEX, {"tagg": "ai"})) == ["Om AI och förskola", "Om AI"]
        response = client.get(INDEX, {"tagg": "förskola"})
        assert response.status_code == 200
        assert listed(response) == ["Om AI och förskola"]

    def test_filter_by_focus_area(self, client, space_a, space_b):
        area = FocusAreaFactory(name="Data som resurs", slug="data-som-resurs")
        other = FocusAreaFactory(name="Digital kompetens", slug="digital-kompetens")
        create_post(space_a, "Datadrivet", focus_areas=[area, other])
        create_post(space_b, "Kompetens", focus_areas=[other])

        response = client.get(INDEX, {"fokus": "data-som-resurs"})
        assert listed(response) == ["Datadrivet"]
        assert sorted(listed(client.get(INDEX, {"fokus": "digital-kompetens"}))) == ["Datadrivet", "Kompetens"]

    def test_filter_by_year(self, client, space_a):
        create_post(space_a, "Från 2024", published_date=datetime.date(2024, 12, 31))
        create_post(space_a, "Från 2025", published_date=datetime.date(2025, 1, 1))

        assert listed(client.get(INDEX, {"ar": 2025})) == ["Från 2025"]
        assert listed(client.get(INDEX, {"ar": 2024})) == ["Från 2024"]

    def test_filters_combine(self, client, space_a, space_b, org_a):
        create_post(space_a, "A 2025 ai", tags=["ai"], published_date=datetime.date(2025, 3, 1))
        create_post(space_a, "A 2024 ai", tags=["ai"], published_date=datetime.date(2024, 3, 1))
        create_post(space_b, "B 2025 ai", tags=["ai"], published_date=datetime.date(2025, 3, 1))

        response = client.get(INDEX, {"organisation": org_a.slug, "tagg": "ai", "ar": 2025})
        assert listed(response) == ["A 2025 ai"]

    def test_comment_counts_stay_right_under_filters(self, client, space_a):
        area = FocusAreaFactory(name="Data som resurs", slug="data-som-resurs")
        post = create_post(space_a, "Kommenterat", tags=["ai", "data"], focus_areas=[area])
        CommentFactory(post=post)
        CommentFactory(post=post)
        CommentFactory(post=post, is_hidden=True)

        for params in ({}, {"tagg": "ai"}, {"tagg": "ai", "fokus": "data-som-resurs"}):
            [listed_post] = client.get(INDEX, params).context["posts"]
            assert listed_post.visible_comment_count == 2, params

    @pytest.mark.parametrize("year", ["abc", "1800", "99999"])
    def test_invalid_year_is_400_with_the_page_still_rendered(self, client, mixed, year):
        response = client.get(INDEX, {"ar": year})

        assert response.status_code == 400
        content = text(response)
        assert "<h1" in content
        assert 'name="ar"' in content
        assert "Robotar i hemtjänsten" in content  # the unfiltered list is still shown
        assert response.context["filter_form"].errors["ar"]

    def test_unknown_filter_values_give_an_empty_list_not_an_error(self, client, mixed):
        response = client.get(INDEX, {"organisation": "finns-inte"})
        assert response.status_code == 200
        assert listed(response) == []

    def test_staff_only_hidden_from_anonymous_and_drafts_from_everyone(self, client, mixed):
        response = client.get(INDEX)

        assert listed(response) == ["3D-modell av stadskärnan", "Robotar i hemtjänsten"]
        content = text(response)
        assert "Kvantprojektet" not in content
        assert "Halvfärdigt om bygglov" not in content

    def test_staff_only_listed_for_logged_in_staff(self, client, mixed, staff):
        client.force_login(staff)
        response = client.get(INDEX)

        assert listed(response) == [
            "Intern genomgång av Kvantprojektet",
            "3D-modell av stadskärnan",
            "Robotar i hemtjänsten",
        ]
        assert "Halvfärdigt om bygglov" not in text(response)

    def test_superuser_does_not_see_drafts_either(self, client, mixed, superuser):
        client.force_login(superuser)
        assert "Halvfärdigt om bygglov" not in listed(client.get(INDEX))

    def test_years_offered_come_from_visible_posts(self, client, mixed, space_a):
        create_post(space_a, "Internt 2023", staff_only=True, published_date=datetime.date(2023, 5, 5))
        response = client.get(INDEX)
        assert list(response.context["years"]) == [2025]


class TestBlogSpace:
    def test_lists_only_that_organisations_public_posts(self, client, mixed, space_a, space_b):
        response = client.get(space_a.url)

        assert response.status_code == 200
        assert listed(response) == ["Robotar i hemtjänsten"]
        content = text(response)
        assert "3D-modell av stadskärnan" not in content
        assert "Kvantprojektet" not in content

        assert listed(client.get(space_b.url)) == ["3D-modell av stadskärnan"]

    def test_staff_see_the_spaces_staff_only_posts(self, client, mixed, space_a, staff):
        client.force_login(staff)
        assert listed(client.get(space_a.url)) == ["Intern genomgång av Kvantprojektet", "Robotar i hemtjänsten"]

    def test_paginates(self, client, space_a):
        for day in range(1, 14):
            create_post(space_a, f"Dag {day:02d}", published_date=datetime.date(2025, 2, day))

        assert len(listed(client.get(space_a.url))) == 12
        assert listed(client.get(space_a.url, {"sida": 2})) == ["Dag 01"]
        assert client.get(space_a.url, {"sida": 3}).status_code == 404


class TestAuthorPage:
    def test_lists_that_persons_posts_only(self, client, space_a, space_b, org_a):
        karin = PersonFactory(name="Karin Lind", slug="karin-lind", organisation=org_a)
        other = PersonFactory(name="Per Holm", slug="per-holm")
        create_post(space_a, "Karins första", authors=[karin], published_date=datetime.date(2025, 1, 1))
        create_post(space_b, "Karin och Per", authors=[other, karin], published_date=datetime.date(2025, 2, 1))
        create_post(space_b, "Bara Per", authors=[other])
        create_post(space_a, "Karins interna", authors=[karin], staff_only=True)
        create_post(space_a, "Karins utkast", authors=[karin], live=False)

        response = client.get("/bloggar/forfattare/karin-lind/")

        assert response.status_code == 200
        assert listed(response) == ["Karin och Per", "Karins första"]
        content = text(response)
        assert "Karin Lind" in content
        assert "Bara Per" not in content
        assert "Karins interna" not in content
        assert "Karins utkast" not in content

    def test_staff_see_the_authors_staff_only_posts(self, client, space_a, staff):
        karin = PersonFactory(name="Karin Lind", slug="karin-lind")
        create_post(space_a, "Karins interna", authors=[karin], staff_only=True)
        client.force_login(staff)

        assert listed(client.get("/bloggar/forfattare/karin-lind/")) == ["Karins interna"]

    def test_unknown_author_is_404(self, client, blog_index):
        assert client.get("/bloggar/forfattare/finns-inte/").status_code == 404


class TestDrafts:
    def test_a_draft_post_url_is_404(self, client, mixed, space_b, staff):
        url = f"/bloggar/{space_b.slug}/{mixed['draft_b'].slug}/"
        assert client.get(url).status_code == 404
        client.force_login(staff)
        assert client.get(url).status_code == 404


class TestHomePage:
    def test_shows_the_latest_posts_across_organisations(self, client, mixed):
        content = text(client.get("/"))

        assert "Robotar i hemtjänsten" in content
        assert "3D-modell av stadskärnan" in content
        assert "Kvantprojektet" not in content
        assert "Halvfärdigt om bygglov" not in content

    def test_shows_each_space_with_its_post_count_and_latest_post(self, client, space_a, space_b):
        create_post(space_a, "Äldre i A", published_date=datetime.date(2025, 1, 1))
        create_post(space_a, "Senaste i A", published_date=datetime.date(2025, 5, 1))
        create_post(space_a, "Internt i A", staff_only=True, published_date=datetime.date(2025, 9, 1))
        create_post(space_a, "Utkast i A", live=False, published_date=datetime.date(2025, 9, 1))

        content = text(client.get("/"))

        items = re.findall(r'<li class="space-list__item">(.*?)</li>', content, re.S)
        (item_a,) = items  # space B has no posts, so it is not among the spaces written in
        assert space_a.title in item_a and space_b.title not in item_a
        assert re.search(r'space-list__count">\s*2\b', item_a)
        assert "Senaste i A" in item_a
        assert "Internt i A" not in content
        assert "Utkast i A" not in content

    def test_lists_the_spaces_most_recently_written_in_first_at_most_twelve(self, client, blog_index):
        from blogs.home import ACTIVE_SPACES_ON_HOME

        for day in range(1, ACTIVE_SPACES_ON_HOME + 3):
            space = OrganisationFactory(name=f"Förvaltning dag {day:02}").blog_space
            create_post(space, f"Inlägg dag {day}", published_date=datetime.date(2025, 3, day))

        items = re.findall(r'<li class="space-list__item">(.*?)</li>', text(client.get("/")), re.S)

        names = [re.search(r"Förvaltning dag (\d+)", item).group(1) for item in items]
        assert names == [f"{day:02}" for day in range(ACTIVE_SPACES_ON_HOME + 2, 2, -1)]

    def test_staff_see_staff_only_posts_in_the_counts(self, client, space_a, staff):
        create_post(space_a, "Öppet", published_date=datetime.date(2025, 1, 1))
        create_post(space_a, "Internt", staff_only=True, published_date=datetime.date(2025, 2, 1))
        client.force_login(staff)

        content = text(client.get("/"))

        item = next(i for i in re.findall(r'<li class="space-list__item">(.*?)</li>', content, re.S) if "Internt" in i)
        assert re.search(r'space-list__count">\s*2\b', item)


class TestSearchAndApi:
    def test_search_finds_public_posts_but_not_staff_only_or_drafts(self, client, space_a):
        create_post(space_a, "Öppet om kvantdatorer", body_text="Kvantdatorer i stadens tjänst.")
        create_post(space_a, "Internt om kvantdatorer", body_text="Kvantdatorer internt.", staff_only=True)
        create_post(space_a, "Utkast om kvantdatorer", body_text="Kvantdatorer utkast.", live=False)

        response = client.get("/sok/", {"q": "kvantdatorer"})

        assert response.status_code == 200
        content = text(response)
        assert "Öppet om kvantdatorer" in content
        assert "Internt om kvantdatorer" not in content
        assert "Utkast om kvantdatorer" not in content

    def test_staff_do_not_get_staff_only_posts_from_the_public_search_either(self, client, space_a, staff):
        create_post(space_a, "Internt om kvantdatorer", body_text="Kvantdatorer internt.", staff_only=True)
        client.force_login(staff)
        assert "Internt om kvantdatorer" not in text(client.get("/sok/", {"q": "kvantdatorer"}))

    def test_api_lists_public_posts_only(self, client, mixed):
        response = client.get("/api/v2/pages/", {"type": "blogs.BlogPostPage", "fields": "intro"})

        assert response.status_code == 200
        titles = sorted(item["title"] for item in response.json()["items"])
        assert titles == ["3D-modell av stadskärnan", "Robotar i hemtjänsten"]

    def test_api_hides_staff_only_and_drafts_in_the_unfiltered_list_and_detail(self, client, mixed):
        titles = {item["title"] for item in client.get("/api/v2/pages/", {"limit": 50}).json()["items"]}
        assert "Intern genomgång av Kvantprojektet" not in titles
        assert "Halvfärdigt om bygglov" not in titles
        assert client.get(f"/api/v2/pages/{mixed['staff_a'].pk}/").status_code == 404
        assert client.get(f"/api/v2/pages/{mixed['draft_b'].pk}/").status_code == 404
        assert client.get(f"/api/v2/pages/{mixed['public_a'].pk}/").status_code == 200


def space_items(response):
    """The (name, count text, href) of each space listed in /bloggar/'s section of blog spaces."""
    section = re.search(r'<section class="index-spaces".*?</section>', text(response), re.S)
    assert section, "no section of blog spaces"
    return re.findall(
        r'<li class="space-list__item">\s*<a class="space-list__name" href="([^"]+)">([^<]+)</a>\s*'
        r'<span class="space-list__count">([^<]+)</span>',
        section.group(0),
    )


class TestFindingYourWayBetweenBlogs:
    """Issue 10, item 9: /bloggar/ links to every space with posts, cards link to their space and show the image."""

    def test_blog_index_links_to_every_space_with_posts_with_its_count(self, client, blog_index):
        spaces = []
        for number in range(1, 15):  # more than the twelve the start page lists
            space = OrganisationFactory(name=f"Förvaltning {number:02}").blog_space
            for day in range(1, number % 3 + 2):
                create_post(space, f"Inlägg {number}-{day}", published_date=datetime.date(2025, 3, day))
            spaces.append(space)
        quiet = OrganisationFactory(name="Tyst förvaltning").blog_space

        items = space_items(client.get(INDEX))

        assert [(href, name) for href, name, _count in items] == [(space.url, space.title) for space in spaces]
        counts = [int(re.match(r"\s*(\d+)", count).group(1)) for _href, _name, count in items]
        assert counts == [number % 3 + 1 for number in range(1, 15)]
        assert quiet.title not in [name for _href, name, _count in items]

    def test_counts_follow_what_the_reader_may_see(self, client, mixed, space_a, space_b, staff):
        anonymous = {name: count.strip() for _href, name, count in space_items(client.get(INDEX))}
        client.force_login(staff)
        signed_in = {name: count.strip() for _href, name, count in space_items(client.get(INDEX))}

        assert anonymous == {space_a.title: "1 inlägg", space_b.title: "1 inlägg"}  # no drafts, no staff-only
        assert signed_in == {space_a.title: "2 inlägg", space_b.title: "1 inlägg"}

    @pytest.mark.parametrize("url", ["/", INDEX])
    def test_post_cards_link_the_organisation_to_its_space(self, client, space_a, url):
        create_post(space_a, "Ett inlägg från A")

        content = text(client.get(url))

        card = re.search(r'<article class="post-card.*?</article>', content, re.S).group(0)
        assert f'<a class="post-meta__organisation" href="{space_a.url}">{space_a.organisation.name}</a>' in card

    @pytest.mark.parametrize("url", ["/", INDEX])
    def test_post_cards_show_the_hero_image_with_its_alt_text(self, client, space_a, url):
        post = create_post(space_a, "Inlägg med bild")
        post.hero_image = ImageFactory()
        post.hero_image_alt = "Barn som bygger med klossar."
        post.save_revision().publish()

        content = text(client.get(url))

        card = re.search(r'<article class="post-card.*?</article>', content, re.S).group(0)
        image = re.search(r"<img [^>]*>", card).group(0)
        assert 'alt="Barn som bygger med klossar."' in image
        assert re.search(r'src="[^"]*\.fill-480x270[^"]*"', image)
