"""What the search tells editors: every search is counted per day (search_promotions' Query.add_hit(), which its
"Search terms" report and ours read), and a search that found nothing also in arena.UnansweredSearch."""

from django.db.models import F, Max, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.search.utils import normalise_query_string

from arena.models import UnansweredSearch


def record_search(text, found):
    """Count one search for `text`; `found` False also counts it among the searches without results."""
    if not normalise_query_string(text):
        return
    query = Query.get(text)
    query.add_hit()
    if not found:
        day, _created = UnansweredSearch.objects.get_or_create(query=query, date=timezone.localdate())
        UnansweredSearch.objects.filter(pk=day.pk).update(hits=F("hits") + 1)


def popular_queries(date_since=None):
    """Queries by number of searches, most first (for the editors' report)."""
    return Query.get_most_popular(date_since=date_since)


def unanswered_queries(date_since=None):
    """Queries that found nothing, annotated with how often (`_misses`) and when last (`_last`), most first."""
    queries = Query.objects.filter(unanswered_days__isnull=False)
    if date_since:
        queries = queries.filter(unanswered_days__date__gte=date_since)
    # The filter comes first, so the sums only count the days it keeps.
    return queries.annotate(_misses=Sum("unanswered_days__hits"), _last=Max("unanswered_days__date")).order_by(
        "-_misses", "query_string"
    )
