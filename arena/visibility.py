"""Privacy in SQL: the pages (or rows hanging off a page) that no view restriction covers, in the same query.

Wagtail's `PageQuerySet.public()` reads every PageViewRestriction first and builds the filter in Python: one more
query each time it is used. Listings that combine several such querysets (a change project's linked posts, sessions
and recordings) would pay for it again and again; these filters express the same rule — no restriction on the page
or on any ancestor — as a correlated subquery on the tree path instead.
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import CollectionViewRestriction, PageViewRestriction


def _covering(model, tree, path):
    """Restrictions whose node (`tree`: page or collection) is the row's node at `path` or one of its ancestors: a
    treebeard path starts with each ancestor's path."""
    return model.objects.annotate(_prefix_length=Length(f"{tree}__path")).filter(
        **{f"{tree}__path": Substr(OuterRef(path), 1, F("_prefix_length"))}
    )


def without_page_restrictions(queryset, path="path"):
    """Rows whose page (its tree path at `path`, e.g. "path" or "edition__path") no view restriction covers."""
    return queryset.filter(~Exists(_covering(PageViewRestriction, "page", path)))


def without_collection_restrictions(queryset, path="collection__path", restriction_types=None):
    """Rows whose collection no view restriction (of `restriction_types`, default any) covers."""
    covering = _covering(CollectionViewRestriction, "collection", path)
    if restriction_types is not None:
        covering = covering.filter(restriction_type__in=restriction_types)
    return queryset.filter(~Exists(covering))
