"""Factories for blog tests. Posts are created through the page tree (add_child + publish) like the admin does."""

import datetime
import itertools

import factory
from factory.django import DjangoModelFactory
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from arena.models import FocusArea, Person
from blogs.models import BlogPostAuthor, BlogPostPage, Comment
from tests.factories import UserFactory

_slugs = itertools.count(1)


class FocusAreaFactory(DjangoModelFactory):
    class Meta:
        model = FocusArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Fokusområde {n}")
    slug = factory.Sequence(lambda n: f"fokusomrade-{n}")


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Skribent Nummer{n}")
    job_title = "Verksamhetsutvecklare"


def create_post(
    space,
    title=None,
    *,
    live=True,
    staff_only=False,
    tags=(),
    focus_areas=(),
    authors=None,
    published_date=None,
    intro="En kort ingress om digitalisering.",
    body_text="Brödtext om arbetet.",
):
    number = next(_slugs)
    post = BlogPostPage(
        title=title or f"Inlägg {number}",
        slug=f"inlagg-{number}",
        intro=intro,
        body=[("paragraph", RichText(f"<p>{body_text}</p>"))],
        published_date=published_date or datetime.date(2026, 1, 1) + datetime.timedelta(days=number % 300),
        live=False,
    )
    space.add_child(instance=post)
    for tag in tags:
        post.tags.add(tag)
    if focus_areas:
        post.focus_areas.set(focus_areas)
    for order, person in enumerate(
        authors if authors is not None else [PersonFactory(organisation=space.organisation)]
    ):
        post.post_authors.add(BlogPostAuthor(person=person, sort_order=order))
    revision = post.save_revision()
    if live:
        revision.publish()
    post.refresh_from_db()
    if staff_only:
        PageViewRestriction.objects.create(page=post, restriction_type=PageViewRestriction.LOGIN)
    return post


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = Comment

    post = None
    organisation = factory.LazyAttribute(lambda obj: obj.post.organisation)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Tack för ett intressant inlägg! ({n})")


RESTRICTION_PASSWORD = "hemligt-lösenord"


def restrict(page, kind, *, groups=()):
    """A view restriction on `page` as the admin's privacy setting makes it: kind is "login", "groups" or "password"."""
    restriction_type = {
        "login": PageViewRestriction.LOGIN,
        "groups": PageViewRestriction.GROUPS,
        "password": PageViewRestriction.PASSWORD,
    }[kind]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password=RESTRICTION_PASSWORD if kind == "password" else ""
    )
    restriction.groups.set(groups)
    return restriction
