"""Searches are counted by a middleware outside the anonymous page cache (arena.page_cache), so a search answered
from that cache, without running the view, is counted like one the view answered.

The search view marks a response that is a new search (not a further result page or a facet) with COUNT_HEADER:
whether it found anything and the search text, URL-quoted. The mark is stored with the cached response; this
middleware counts it (arena.search.statistics.record_search: held briefly, then added to Redis) and takes it off
every response, so visitors never see it.
"""

from urllib.parse import quote, unquote

from arena.search.statistics import record_search

COUNT_HEADER = "X-Arena-Search-Count"


def mark_for_counting(response, text, found):
    response[COUNT_HEADER] = f"{1 if found else 0}:{quote(text)}"


class SearchCountMiddleware:
    """Sits before arena.page_cache.AnonymousPageCacheMiddleware in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        mark = response.get(COUNT_HEADER)
        if mark:
            del response[COUNT_HEADER]
        if mark and request.method == "GET" and response.status_code == 200:
            found, _, text = mark.partition(":")
            record_search(unquote(text), found=found == "1")
        return response
