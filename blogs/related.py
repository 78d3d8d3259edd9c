"""The blogs' answer to arena's related-content hook: public, live posts about some focus areas or tags."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from arena.related_content import RelatedGroup, RelatedItem
from blogs.models import BlogPostPage


def related_posts(query):
    match = Q(focus_areas__in=query.focus_area_ids) if query.focus_area_ids else Q()
    for tag in query.tags:
        match |= Q(tags__name__iexact=tag)
    posts = []
    if match:
        ids = BlogPostPage.objects.live().public().filter(match)
        if query.exclude_organisation_id is not None:
            ids = ids.exclude(organisation_id=query.exclude_organisation_id)
        # The id subquery keeps DISTINCT away from the ordering (a post matching two tags is still listed once).
        posts = (
            BlogPostPage.objects.filter(pk__in=ids.values("pk"))
            .select_related("organisation")
            .order_by("-published_date", "-pk")[: query.limit]
        )
    return RelatedGroup(
        key="posts",
        heading=_("Blog posts"),
        empty_message=_("No blog posts on this subject yet."),
        items=[
            RelatedItem(title=post.title, url=post.get_url(), meta=post.organisation.name if post.organisation else "")
            for post in posts
        ],
    )
