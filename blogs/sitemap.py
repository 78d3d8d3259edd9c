"""The blog root's routes in sitemap.xml: the author pages of people who wrote a public, live post (an author of
drafts or staff-only posts only has no page worth listing)."""

from arena.models import Person
from blogs.queries import public_posts


def author_urls(index_page, request=None):
    base = index_page.get_full_url(request)
    authors = (
        Person.objects.filter(blog_authorships__page__in=public_posts().values("pk"))
        .distinct()
        .only("slug")
        .order_by("slug")
    )
    return [
        {"location": base + index_page.reverse_subpage("author_route", kwargs={"slug": person.slug})}
        for person in authors
    ]
