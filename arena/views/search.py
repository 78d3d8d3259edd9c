"""/sok/: one search across the arena's public pages, documents, conference sessions and recordings (arena.search)."""

from dataclasses import dataclass

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from arena.pagination import PAGE_PARAMETER, paginate
from arena.search import services
from arena.search.excerpts import excerpts
from arena.search.statistics import record_search
from arena.search.suggestions import suggestion
from arena.search_text import clean_search_text, has_control_characters

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def query_error(query):
    if len(query) > MAX_QUERY_LENGTH:
        return _("The search text is too long. Use at most %(max)s characters.") % {"max": MAX_QUERY_LENGTH}
    if has_control_characters(query):
        return _("The search text contains characters that cannot be searched for. Remove them and search again.")
    return None


@dataclass(frozen=True)
class FacetGroup:
    """One facet as the template shows it: links that keep the search and the other facet, back to page 1."""

    key: str
    heading: str
    all_url: str
    links: list  # (FacetValue, url)
    selected: bool


def address_with(request, parameter, value):
    params = request.GET.copy()
    params.pop(PAGE_PARAMETER, None)
    params.pop(parameter, None)
    if value:
        params[parameter] = value
    return "?" + params.urlencode()


def facet_group(request, key, heading, parameter, values):
    links = [(value, address_with(request, parameter, value.key)) for value in values]
    selected = any(value.selected for value in values)
    return FacetGroup(key, heading, address_with(request, parameter, ""), links, selected)


# Never in the anonymous page cache: every search is counted for the editors' statistics, and results also change
# with documents and sessions, which do not purge that cache.
@never_cache
def search(request):
    query = request.GET.get("q", "").strip()
    error = query_error(query)
    if error:
        query = ""
    text = clean_search_text(query)  # the query itself is shown back to the visitor as typed
    context = {"query": query, "error": error, "results": None, "outcome": None, "suggestion": None}
    if text:
        outcome = services.search(
            text,
            request,
            kind=request.GET.get(services.TYPE_PARAMETER, ""),
            organisation=request.GET.get(services.ORGANISATION_PARAMETER, ""),
        )
        results = paginate(request, outcome.hits, RESULTS_PER_PAGE)
        shown = list(results.object_list)
        first_view = PAGE_PARAMETER not in request.GET and not (outcome.kind or outcome.organisation)
        if first_view:
            record_search(text, found=outcome.total > 0)
        filtered = bool(outcome.kind or outcome.organisation)  # promotions answer the search, not a facet
        promotions = outcome.promotions if results.number == 1 and not filtered else []
        facets = [
            facet_group(request, "types", _("Content type"), services.TYPE_PARAMETER, outcome.types),
            facet_group(
                request, "organisations", _("Organisation"), services.ORGANISATION_PARAMETER, outcome.organisations
            ),
        ]
        context.update(
            outcome=outcome,
            results=results,
            shown=list(zip(shown, excerpts([hit.text for hit in shown], text), strict=True)),  # (hit, excerpt)
            promotions=promotions,
            count=results.paginator.count + (0 if filtered else len(outcome.promotions)),
            facets=[facet for facet in facets if facet.links],
            suggestion=suggestion(text) if outcome.total == 0 else None,
        )
    return render(request, "arena/search.html", context, status=400 if error else 200)
