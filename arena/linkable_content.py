"""Content that arena's pages may link to, from apps arena does not import (the arena.hooks.LINKABLE_CONTENT hook).

An app registers, in its wagtail_hooks.py, a function returning a LinkableType: its model, a label for editors,
the queryset of what the public may see and how to find one item by a readable reference (for demo content).
arena stores a link generically — the model's ContentType and the object's id — and every answer it gives
goes through the type's `published()` queryset, so a draft, unpublished or staff-only item is never shown publicly
and cannot be chosen.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from wagtail import hooks

from arena.hooks import LINKABLE_CONTENT


def _get_url(item):
    return item.get_url()


def _no_meta(item):
    return ""


@dataclass(frozen=True)
class LinkableType:
    key: str  # stable and short, e.g. "post", "session"
    label: str  # what editors and visitors read, e.g. "Blogginlägg"
    model: type[Model]
    published: Callable[[], QuerySet]  # public, live items, with what url() and meta() read already joined
    find: Callable[[str], Model | None]  # one published item by a readable reference (a slug, "2022/code" ...)
    url: Callable[[Model], str] = _get_url
    meta: Callable[[Model], str] = _no_meta  # a short note: the organisation, the conference edition ...

    @property
    def content_type(self):
        return ContentType.objects.get_for_model(self.model, for_concrete_model=False)


@dataclass(frozen=True)
class LinkedItem:
    """One linked item as a page shows it."""

    kind: str
    title: str
    url: str
    meta: str = ""


def linkable_types():
    """Every registered type, in hook order."""
    types = (answer() for answer in hooks.get_hooks(LINKABLE_CONTENT))
    return [linkable for linkable in types if linkable is not None]


def types_by_content_type_id():
    return {linkable.content_type.pk: linkable for linkable in linkable_types()}


def type_for_key(key):
    return next((linkable for linkable in linkable_types() if linkable.key == key), None)


def choice_value(content_type_id, object_id):
    return f"{content_type_id}:{object_id}"


def parse_choice_value(value):
    """(content_type_id, object_id) from "12:34", or None for anything else."""
    content_type_id, _sep, object_id = str(value).partition(":")
    if not (content_type_id.isdigit() and object_id.isdigit()):
        return None
    return int(content_type_id), int(object_id)


def grouped_choices():
    """Choices for a <select> with one <optgroup> per type: ("12:34", "Title") pairs. One query per type."""
    groups = []
    for linkable in linkable_types():
        content_type_id = linkable.content_type.pk
        options = [(choice_value(content_type_id, item.pk), str(item)) for item in linkable.published()]
        groups.append((linkable.label, options))
    return groups


def is_linkable(content_type_id, object_id):
    """True when the object is of a registered type and published now."""
    linkable = types_by_content_type_id().get(content_type_id)
    return linkable is not None and linkable.published().filter(pk=object_id).exists()


def resolve(links):
    """The published items behind (content_type_id, object_id) pairs, in their order; others are left out.
    One query per registered type that occurs, however many links there are."""
    links = list(links)
    wanted = defaultdict(set)
    for content_type_id, object_id in links:
        wanted[content_type_id].add(object_id)
    types = types_by_content_type_id()
    found = {}
    for content_type_id, ids in wanted.items():
        linkable = types.get(content_type_id)
        if linkable is None:
            continue
        for item in linkable.published().filter(pk__in=ids):
            found[(content_type_id, item.pk)] = LinkedItem(
                kind=linkable.label, title=str(item), url=linkable.url(item), meta=linkable.meta(item)
            )
    return [found[pair] for pair in links if pair in found]
