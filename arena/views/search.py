"""/sok/: one search across the arena's public pages, documents, conference sessions and recordings (arena.search)."""

from dataclasses import dataclass, replace

from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from arena import fragments
from arena.pagination import PAGE_PARAMETER, paginate
from arena.search import services
from arena.search.counting import mark_for_counting
from arena.search.excerpts import excerpts
from arena.search.suggestions import suggestion
from arena.search_text import clean_search_text, has_control_characters

RESULTS_PER_PAGE = 10
RESULT_NAMES = ("outcome", "results", "shown", "suggestion", "promotions", "count", "facets")  # found()'s data
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


def found(request, text):
    """What the search finds as this visitor's audience sees it: the outcome, the result page and its excerpts, the
    facets' links, the suggestion. Plain data, cached per audience at the content version (arena.fragments: whatever
    purges the page cache, such as publishing a page or saving a document or a session, gives it a new key), so a
    repeated search by anyone who may see the same costs no query. The key holds the query string's read parameters
    (q, typ, organisation, sida). Read from the cache only when the page's own fragment is a miss."""

    def compute():
        outcome = services.search(
            text,
            request,
            kind=request.GET.get(services.TYPE_PARAMETER, ""),
            organisation=request.GET.get(services.ORGANISATION_PARAMETER, ""),
        )
        shown = list(paginate(request, outcome.hits, RESULTS_PER_PAGE).object_list)
        cut = excerpts([hit.text for hit in shown], text)
        # The hits' whole text is only needed for the excerpts: the cached copy goes without it.
        outcome = replace(outcome, hits=[replace(hit, text="") for hit in outcome.hits])
        results = paginate(request, outcome.hits, RESULTS_PER_PAGE)
        filtered = bool(outcome.kind or outcome.organisation)  # promotions answer the search, not a facet
        facets = [
            facet_group(request, "types", _("Content type"), services.TYPE_PARAMETER, outcome.types),
            facet_group(
                request, "organisations", _("Organisation"), services.ORGANISATION_PARAMETER, outcome.organisations
            ),
        ]
        return {
            "outcome": outcome,
            "results": results,
            "shown": list(zip(results.object_list, cut, strict=True)),  # (hit, excerpt)
            "suggestion": suggestion(text) if outcome.total == 0 else None,
            "promotions": outcome.promotions if results.number == 1 and not filtered else [],
            "count": results.paginator.count + (0 if filtered else len(outcome.promotions)),
            "facets": [facet for facet in facets if facet.links],
        }

    return fragments.lazy(request, "search-results", compute)


def head_of(data):
    """What the page needs of a search outside its cached fragment: the title's page numbers, and whether the view
    counts it (a new search: not filtered) and as found."""
    outcome, results = data["outcome"], data["results"]
    return {
        "number": results.number,
        "num_pages": results.paginator.num_pages,
        "filtered": bool(outcome.kind or outcome.organisation),
        "found": outcome.total > 0,
    }


# Cached like any page: for anonymous visitors whole (arena.page_cache), for signed-in ones the results per audience
# (found() above), with the page's head apart, so a repeated search reads only the small head and the rendered
# fragment. Searches are still all counted: the response is marked, and arena.search.counting counts it outside the
# page cache.
def search(request):
    query = request.GET.get("q", "").strip()
    error = query_error(query)
    if error:
        query = ""
    text = clean_search_text(query)  # the query itself is shown back to the visitor as typed
    context = {"query": query, "error": error, "head": None}
    first_view = False
    if text:
        data = found(request, text)
        head = fragments.cached(request, "search-head", lambda: head_of(data))
        first_view = PAGE_PARAMETER not in request.GET and not head["filtered"]
        context.update({name: SimpleLazyObject(lambda name=name: data[name]) for name in RESULT_NAMES}, head=head)
    response = render(request, "arena/search.html", context, status=400 if error else 200)
    if first_view:
        mark_for_counting(response, text, found=context["head"]["found"])
    return response
