"""Related content across the apps (the arena.hooks.RELATED_CONTENT hook), without any app importing another.

A consumer (e.g. maturity's "learn from colleagues") describes what it looks for in a RelatedQuery; every app that
answers the hook returns one RelatedGroup of public, live items (blog posts, conference sessions, pages ...).
Items are plain data, so a consumer can cache them; content_version() says when such a cache is stale.
"""

from dataclasses import dataclass, field

from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, get_page_models

from arena.hooks import CONTENT_VERSION, RELATED_CONTENT


@dataclass(frozen=True)
class RelatedQuery:
    focus_area_ids: tuple = ()
    tags: tuple = ()
    text: str = ""  # free words for full-text search (e.g. a category's name)
    exclude_organisation_id: int | None = None  # e.g. the organisation whose dashboard asks
    limit: int = 3


@dataclass(frozen=True)
class RelatedItem:
    title: str
    url: str
    meta: str = ""  # a short muted note: the organisation, the conference edition ...


@dataclass(frozen=True)
class RelatedGroup:
    key: str
    heading: str
    empty_message: str
    items: list = field(default_factory=list)


def related_content(query):
    """One group per answering app, in hook order."""
    groups = (answer(query) for answer in hooks.get_hooks(RELATED_CONTENT))
    return [group for group in groups if group is not None]


def content_version():
    """Changes when any answering app publishes or unpublishes something (a few indexed MAX queries)."""
    return "-".join(version() for version in hooks.get_hooks(CONTENT_VERSION))


# --- arena's own answer: other pages, found by full-text search --------------------------------------------------


def excluded_page_models():
    """Page types that are listed by their own app's answer, or are containers (indexes) rather than content.
    A page class opts out with `in_related_pages = False`."""
    return [model for model in get_page_models() if not getattr(model, "in_related_pages", True)]


def related_pages(query):
    if not query.text:
        return None
    pages = Page.objects.live().public().exclude(depth__lte=2)
    excluded = excluded_page_models()
    if excluded:
        pages = pages.not_type(*excluded)
    found = pages.search(query.text, operator="or")[: query.limit]
    return RelatedGroup(
        key="pages",
        heading=_("Pages"),
        empty_message=_("No pages on this subject yet."),
        items=[RelatedItem(title=page.title, url=page.get_url()) for page in found],
    )


def pages_version():
    latest = Page.objects.aggregate(latest=Max("last_published_at"))["latest"]
    return latest.isoformat() if latest else "0"
