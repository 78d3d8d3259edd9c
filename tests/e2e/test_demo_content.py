"""The full demo content (all organisations, posts with images and tables, comments) in a real browser with axe.

Other browser tests seed a small site for speed; this one seeds everything once so the content editors
actually see passes WCAG 2.0/2.1 A and AA too."""

from urllib.parse import urlsplit

import pytest

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.demo import DEMO_PASSWORD, ensure_wagtail_baseline

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def full_demo(live_server):
    from wagtail.models import Site

    from arena.demo.seed import seed

    ensure_wagtail_baseline()
    seed(DEMO_PASSWORD)
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port or 80)
    return live_server.url


def demo_pages():
    from blogs.models import BlogPostPage, Comment

    posts = BlogPostPage.objects.live().public()
    with_table = next(post for post in posts if any(block.block_type == "table" for block in post.body))
    with_image = posts.filter(hero_image__isnull=False).first()
    with_comments = posts.filter(pk__in=Comment.objects.visible().values("post")).first()
    return [
        "/",
        "/bloggar/",
        "/bloggar/?ar=2025",
        with_table.url,
        with_image.url,
        with_comments.url,
        with_image.get_parent().url,
    ]


def test_demo_content_passes_axe(page, full_demo):
    for path in demo_pages():
        response = page.goto(full_demo + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert_no_axe_violations(page)
