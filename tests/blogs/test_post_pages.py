"""A post page: what it shows, who may see a staff-only post, related posts, sharing meta and the model's rules."""

import datetime
import html
import re
from urllib.parse import quote

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blogs import queries
from blogs.models import BlogPostPage, BlogSpacePage
from tests.blogs.factories import FocusAreaFactory, PersonFactory, create_post
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def meta_content(content, attribute, name):
    """The content of <meta {attribute}="{name}" content="...">, in either attribute order."""
    for tag in re.findall(r"<meta\b[^>]*>", content):
        if re.search(rf'{attribute}="{re.escape(name)}"', tag):
            found = re.search(r'content="([^"]*)"', tag)
            return html.unescape(found.group(1)) if found else None
    return None


@pytest.fixture
def focus_area(db):
    return FocusAreaFactory(name="Digital kompetens", slug="digital-kompetens")


@pytest.fixture
def author(org_a):
    return PersonFactory(name="Karin Lind", slug="karin-lind", job_title="Förskolechef", organisation=org_a)


@pytest.fixture
def post(space_a, author, focus_area):
    return create_post(
        space_a,
        "Surfplattor i förskolans vardag",
        intro="Hur barnen dokumenterar sitt lärande med surfplattor.",
        tags=["förskola", "lärplattor"],
        focus_areas=[focus_area],
        authors=[author],
        published_date=datetime.date(2025, 3, 14),
    )


class TestPostPage:
    def test_shows_title_intro_reading_time_authors_tags_focus_areas_and_date(self, client, post):
        response = client.get(post.url)

        assert response.status_code == 200
        content = html.unescape(response.content.decode())
        assert "Surfplattor i förskolans vardag" in content
        assert "Hur barnen dokumenterar sitt lärande med surfplattor." in content
        assert f"{post.reading_minutes} min" in content
        assert "Karin Lind" in content
        assert "Förskolechef" in content
        assert "förskola" in content and "lärplattor" in content
        assert "Digital kompetens" in content
        assert 'datetime="2025-03-14"' in content
        assert "14 mars 2025" in content

    def test_author_links_to_the_author_page(self, client, post, blog_index):
        content = client.get(post.url).content.decode()
        assert f"{blog_index.url}forfattare/karin-lind/" in content

    def test_url_sits_below_the_organisations_space(self, post, space_a):
        assert post.url == f"/bloggar/{space_a.slug}/{post.slug}/"

    def test_open_graph_and_meta_description(self, client, post):
        content = client.get(post.url).content.decode()

        assert meta_content(content, "property", "og:title") == "Surfplattor i förskolans vardag"
        assert meta_content(content, "property", "og:description") == post.intro
        assert meta_content(content, "name", "description") == post.intro
        og_url = meta_content(content, "property", "og:url")
        if og_url is not None:
            assert og_url == f"http://testserver{post.url}"

    def test_draft_is_404_for_everyone_publicly(self, client, space_a, staff, editor_a, superuser):
        draft = create_post(space_a, "Utkast om AI", live=False)
        assert client.get(f"/bloggar/{space_a.slug}/{draft.slug}/").status_code == 404
        for user in (staff, editor_a, superuser):
            client.force_login(user)
            assert client.get(f"/bloggar/{space_a.slug}/{draft.slug}/").status_code == 404


class TestStaffOnlyPost:
    @pytest.fixture
    def internal(self, space_a):
        return create_post(space_a, "Intern lägesrapport", staff_only=True)

    def test_anonymous_visitor_is_sent_to_login(self, client, internal):
        response = client.get(internal.url)

        assert response.status_code == 302
        assert response["Location"] == f"/konto/login/?next={quote(internal.url)}"

    def test_logged_in_staff_sees_it(self, client, internal, staff):
        client.force_login(staff)
        response = client.get(internal.url)

        assert response.status_code == 200
        assert "Intern lägesrapport" in response.content.decode()


class TestRelatedPosts:
    def test_share_a_tag_or_focus_area_and_exclude_the_post_itself(self, client, post, space_a, space_b, focus_area):
        same_tag = create_post(space_b, "Lärplattor i fritids", tags=["lärplattor"])
        same_area = create_post(space_a, "Kompetenslyft för pedagoger", focus_areas=[focus_area])
        unrelated = create_post(space_a, "Nytt bokningssystem", tags=["bokning"])

        related = queries.related_posts(post, AnonymousUser())
        assert set(related) == {same_tag, same_area}
        assert post not in related

        content = client.get(post.url).content.decode()
        assert "Lärplattor i fritids" in content
        assert "Kompetenslyft för pedagoger" in content
        assert "Nytt bokningssystem" not in content
        assert unrelated not in related

    def test_hide_staff_only_and_drafts_from_anonymous_visitors(self, client, post, space_a, staff):
        create_post(space_a, "Intern uppföljning", tags=["förskola"], staff_only=True)
        create_post(space_a, "Ej publicerat om lärplattor", tags=["lärplattor"], live=False)

        assert queries.related_posts(post, AnonymousUser()) == []
        content = client.get(post.url).content.decode()
        assert "Intern uppföljning" not in content
        assert "Ej publicerat om lärplattor" not in content

        titles = [p.title for p in queries.related_posts(post, staff)]
        assert titles == ["Intern uppföljning"]

    def test_a_post_without_tags_or_areas_has_none(self, space_a, staff):
        lonely = create_post(space_a, "Ensamt inlägg")
        create_post(space_a, "Annat inlägg")
        assert queries.related_posts(lonely, staff) == []


class TestModelRules:
    def test_posts_live_only_in_a_space(self):
        assert BlogPostPage.parent_page_types == ["blogs.BlogSpacePage"]
        assert BlogPostPage.subpage_types == []
        assert BlogSpacePage.subpage_types == ["blogs.BlogPostPage"]
        assert BlogPostPage.can_create_at(BlogSpacePage())
        assert not BlogPostPage.can_create_at(BlogPostPage())

    def test_hero_image_needs_alt_text(self, space_a):
        post = BlogPostPage(
            title="Bild utan text",
            slug="bild-utan-text",
            intro="Ingress.",
            hero_image=ImageFactory(),
            hero_image_alt="  ",
        )
        with translation.override("sv"):
            with pytest.raises(ValidationError) as error:
                post.clean()
            assert "hero_image_alt" in error.value.message_dict
            message = error.value.message_dict["hero_image_alt"][0]
            assert message == gettext("Write an alt text for the hero image.")

    def test_hero_image_with_alt_text_is_valid(self, space_a):
        post = BlogPostPage(
            title="Bild med text",
            slug="bild-med-text",
            intro="Ingress.",
            hero_image=ImageFactory(),
            hero_image_alt="Barn som bygger med klossar.",
        )
        post.clean()

    @pytest.mark.parametrize(("words", "minutes"), [(1, 1), (200, 1), (201, 2), (450, 3), (1000, 5)])
    def test_reading_time_is_computed_from_the_words(self, space_a, words, minutes):
        intro_words = min(words, 10)
        post = create_post(
            space_a,
            intro=" ".join(["ingress"] * intro_words),
            body_text=" ".join(["ord"] * (words - intro_words)) if words > intro_words else "",
        )
        if words == intro_words:
            post.body = []
            post.save()
        assert post.reading_minutes == minutes

    def test_reading_time_counts_quotes_and_headings(self, space_a):
        post = create_post(space_a, intro="en två")
        post.body = [
            ("paragraph", RichText("<p>" + " ".join(["ord"] * 200) + "</p>")),
            ("quote", {"text": " ".join(["citat"] * 100), "attribution": "Någon"}),
            ("heading", {"text": "En rubrik", "level": "h2"}),
        ]
        post.save()
        assert post.reading_minutes == 2  # 2 + 200 + 100 + 2 = 304 words


class TestSlugClashInTheAdmin:
    def test_second_post_with_the_same_slug_gets_a_swedish_error_and_nothing_is_saved(
        self, client, superuser, space_a, author
    ):
        existing = create_post(space_a, "Digital förskola")
        client.force_login(superuser)
        url = reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", space_a.id))
        data = nested_form_data(
            {
                "title": "Digital förskola igen",
                "slug": existing.slug,
                "intro": "En ny ingress.",
                "hero_image_alt": "",
                "body": streamfield([("paragraph", rich_text("<p>Mer om den digitala förskolan.</p>"))]),
                "published_date": "2026-02-01",
                "post_authors": inline_formset([{"person": author.pk}], min=1),
                "tags": "",
                "comments": inline_formset([]),
            }
        )

        response = client.post(url, data)

        assert response.status_code == 200
        form = response.context["form"]
        assert "slug" in form.errors
        message = form.errors["slug"][0]
        assert "används redan inom föräldersidan" in message  # Wagtail: "Sluggen '…' används redan inom …"
        assert existing.slug in message
        assert "används redan" in response.content.decode()
        assert BlogPostPage.objects.filter(slug=existing.slug).count() == 1
        assert not BlogPostPage.objects.filter(title="Digital förskola igen").exists()

    def test_a_fresh_slug_is_accepted(self, client, superuser, space_a, author):
        client.force_login(superuser)
        url = reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", space_a.id))
        data = nested_form_data(
            {
                "title": "Helt nytt inlägg",
                "slug": "helt-nytt-inlagg",
                "intro": "En ny ingress.",
                "hero_image_alt": "",
                "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
                "published_date": "2026-02-01",
                "post_authors": inline_formset([{"person": author.pk}], min=1),
                "tags": "",
                "comments": inline_formset([]),
            }
        )

        response = client.post(url, data)

        assert response.status_code == 302, response.context["form"].errors if response.context else ""
        post = BlogPostPage.objects.get(slug="helt-nytt-inlagg")
        assert post.organisation == space_a.organisation
        assert [link.person for link in post.post_authors.all()] == [author]


class TestPreview:
    def test_preview_of_an_edited_post_with_tags_and_areas_renders(
        self, client, superuser, space_a, post, author, focus_area
    ):
        """Previews build the page in memory (modelcluster relations), so related posts must work on those too."""
        create_post(space_a, "Lärplattor i fritids", tags=["lärplattor"])
        client.force_login(superuser)
        url = reverse("wagtailadmin_pages:preview_on_edit", args=(post.id,))
        data = nested_form_data(
            {
                "title": "Surfplattor i förskolans vardag (ny version)",
                "slug": post.slug,
                "intro": post.intro,
                "hero_image_alt": "",
                "body": streamfield([("paragraph", rich_text("<p>Ny text.</p>"))]),
                "published_date": "2025-03-14",
                "post_authors": inline_formset([{"person": author.pk}], min=1),
                "tags": "lärplattor, förskola",
                "focus_areas": [focus_area.pk],
                "comments": inline_formset([]),
            }
        )

        assert client.post(url, data).json() == {"is_valid": True, "is_available": True}
        response = client.get(url)

        assert response.status_code == 200
        content = response.content.decode()
        assert "Surfplattor i förskolans vardag (ny version)" in content
        assert "Lärplattor i fritids" in content
