"""Blog posts as content arena's pages may link to (arena.hooks.LINKABLE_CONTENT), e.g. from a change project."""

from django.utils.translation import gettext_lazy as _

from arena.linkable_content import LinkableType
from arena.visibility import without_page_restrictions
from blogs.models import BlogPostPage


def published_posts():
    """Live posts without a view restriction (checked in SQL: a project page asks for several types at once)."""
    posts = without_page_restrictions(BlogPostPage.objects.live())
    return posts.select_related("organisation").order_by("-published_date", "-pk")


def find_post(slug):
    return published_posts().filter(slug=slug).first()


def linkable_posts():
    return LinkableType(
        key="post",
        label=_("Blog post"),
        model=BlogPostPage,
        published=published_posts,
        find=find_post,
        meta=lambda post: post.organisation.name if post.organisation_id else "",
    )
