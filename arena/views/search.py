"""/sok/: full-text search across the arena's public pages."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from arena.pagination import paginate
from arena.search_text import clean_search_text

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()
    error = None
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("The search text is too long. Use at most %(max)s characters.") % {"max": MAX_QUERY_LENGTH}
        query = ""
    text = clean_search_text(query)  # the query itself is shown back to the visitor as typed
    if text:
        found = Page.objects.live().public().specific().search(text)
        results = paginate(request, found, RESULTS_PER_PAGE)
    status = 400 if error else 200
    return render(request, "arena/search.html", {"query": query, "results": results, "error": error}, status=status)
