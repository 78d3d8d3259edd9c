"""One search across every source (arena.hooks.SEARCH_SOURCES): merged, ranked, counted into facets and filtered.

Each source answers with all of its hits in a fixed number of queries, so the whole search costs the same number of
queries for 10 or 1,000 hits; only the hits on the shown result page get excerpts (one more query on PostgreSQL).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q
from wagtail import hooks
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from arena.hooks import SEARCH_SOURCES

TYPE_PARAMETER = "typ"
ORGANISATION_PARAMETER = "organisation"


@dataclass(frozen=True)
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Promotion:
    """An editor's pick for this search (search_promotions): a page or an external link, shown first."""

    key: str
    title: str
    url: str
    description: str


@dataclass
class SearchOutcome:
    hits: list  # SearchHit, best first, after the chosen facets
    total: int  # before the facets
    types: list = field(default_factory=list)  # FacetValue
    organisations: list = field(default_factory=list)  # FacetValue
    promotions: list = field(default_factory=list)  # Promotion
    kind: str = ""  # the chosen facet values, "" when none (or one that found nothing)
    organisation: str = ""


def collect_hits(text, request):
    """Every source's hits, best first; ties keep the sources' order."""
    hits = [hit for source in hooks.get_hooks(SEARCH_SOURCES) for hit in source(text, request)]
    return sorted(hits, key=lambda hit: -hit.rank)


def promotions(text, request):
    """The promoted results for exactly this search text, in the editors' order: live public pages and links."""
    normalised = normalise_query_string(text)
    if not normalised:
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .filter(Q(page__isnull=True) | Q(page__in=Page.objects.live().public().values("pk")))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    found = []
    for pick in picks:
        if pick.page is not None:
            url = pick.page.get_url(request)
            if url:
                found.append(Promotion(f"page:{pick.page_id}", pick.page.title, url, pick.description))
        elif pick.external_link_url:
            title = pick.external_link_text or pick.external_link_url
            found.append(Promotion(f"link:{pick.pk}", title, pick.external_link_url, pick.description))
    return found


def facet_values(counts, labels, selected):
    values = [FacetValue(key, labels[key], count, key == selected) for key, count in counts.items()]
    return sorted(values, key=lambda value: (-value.count, value.label))


def search(text, request, kind="", organisation=""):
    """The outcome of one search. `kind` and `organisation` are facet values from the address; one that matches no
    hit is ignored rather than emptying the list."""
    picked = promotions(text, request)
    picked_keys = {promotion.key for promotion in picked}
    hits = [hit for hit in collect_hits(text, request) if hit.key not in picked_keys]

    type_labels = {hit.kind: hit.kind_label for hit in hits}
    organisation_labels = {ref.slug: ref.name for hit in hits for ref in hit.organisations}
    kind = kind if kind in type_labels else ""
    organisation = organisation if organisation in organisation_labels else ""

    def in_organisation(hit):
        return not organisation or any(ref.slug == organisation for ref in hit.organisations)

    def of_kind(hit):
        return not kind or hit.kind == kind

    # Each facet counts what the other facet leaves, so every number says what choosing it would show.
    type_counts = Counter(hit.kind for hit in hits if in_organisation(hit))
    organisation_counts = Counter(ref.slug for hit in hits if of_kind(hit) for ref in hit.organisations)
    return SearchOutcome(
        hits=[hit for hit in hits if of_kind(hit) and in_organisation(hit)],
        total=len(hits) + len(picked),
        types=facet_values(type_counts, type_labels, kind),
        organisations=facet_values(organisation_counts, organisation_labels, organisation),
        promotions=picked,
        kind=kind,
        organisation=organisation,
    )
