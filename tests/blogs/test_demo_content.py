"""The blog demo content from `manage.py seed_demo`: a living arena, and nothing duplicated on a second run.

Seeding takes a few seconds, so it runs once per module inside a transaction that is rolled back afterwards;
each test runs in its own savepoint within it (pytest-django's `db` fixture nests inside the outer atomic).
"""

import pytest
from django.db.models import F
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from arena.models import FocusArea, Person
from blogs.models import BlogPostPage, Comment, CommentReport
from tests.helpers.demo import demo_seeded_twice


def snapshot():
    posts = BlogPostPage.objects.all()
    return {
        "pages": Page.objects.count(),
        "posts": posts.count(),
        "live_posts": posts.live().count(),
        "comments": Comment.objects.count(),
        "reports": CommentReport.objects.count(),
        "people": Person.objects.count(),
        "focus_areas": FocusArea.objects.count(),
        "images": get_image_model().objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_seeded_twice(django_db_blocker, tmp_path_factory.mktemp("demo-media"), snapshot) as result:
        yield result


@pytest.mark.django_db
def test_second_run_creates_nothing_new(seeded):
    assert seeded["second"] == seeded["first"]
    assert "Bloggar:" in seeded["output"]


@pytest.mark.django_db
def test_posts_organisations_and_years(seeded):
    posts = BlogPostPage.objects.live()

    assert posts.count() >= 32
    assert posts.values("organisation").distinct().count() >= 8
    assert len({d.year for d in posts.dates("published_date", "year")}) >= 2
    assert not posts.filter(organisation__isnull=True).exists()
    # Every post has an author, at least one tag and a focus area; the writers' accounts are people.
    assert not posts.filter(post_authors__isnull=True).exists()
    assert not posts.filter(tagged_items__isnull=True).exists()
    assert not posts.filter(focus_areas__isnull=True).exists()
    assert Person.objects.filter(user__username__in=["skribent.slk", "skribent.intraservice"]).count() == 2


@pytest.mark.django_db
def test_hero_images_have_alt_text_and_live_in_the_organisations_collection(seeded):
    with_images = BlogPostPage.objects.live().filter(hero_image__isnull=False).select_related("hero_image")

    assert with_images.count() >= 8
    for post in with_images:
        assert post.hero_image_alt.strip(), post.slug
        assert post.hero_image.collection_id == post.organisation.collection_id, post.slug
        assert (post.hero_image.width, post.hero_image.height) == (1200, 675)


@pytest.mark.django_db
def test_staff_only_posts_comments_and_focus_areas(seeded):
    posts = BlogPostPage.objects.live()

    assert posts.count() - posts.public().count() >= 2
    assert Comment.objects.count() >= 25
    assert Comment.objects.values("post").distinct().count() >= 8
    hidden = Comment.objects.get(is_hidden=True)
    assert hidden.hidden_by is not None and hidden.hidden_at is not None
    assert Comment.objects.filter(report_count=1, reports__isnull=False).count() == 1
    assert not Comment.objects.exclude(organisation=F("post__organisation")).exists()
    assert FocusArea.objects.count() == 4


@pytest.mark.django_db
def test_blog_root_answers(client, seeded):
    response = client.get("/bloggar/")
    assert response.status_code == 200
    assert "Bloggar" in response.content.decode()
