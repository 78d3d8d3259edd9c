"""What the search tells editors: every search is counted per day (search_promotions' Query daily hits, which its
"Search terms" report and ours read), and a search that found nothing also in arena.UnansweredSearch.

Counting happens outside the response, so a search page can be cached like any other:
- record_search() adds one to a counter per normalised search text, day and found/not found. The search view does
  not call it itself: it marks its response (arena.search.counting), and a middleware outside the anonymous page
  cache counts every marked response, the cached ones included. The process keeps its counts for up to
  SEARCH_COUNTS_SEND_SECONDS and then adds them to a Redis hash in one round trip (HINCRBYs in a pipeline; no
  database query): a cached search page costs a Redis round trip less. A process that stops sends what it holds.
- flush_counts() moves the counters into the database: every few minutes (Celery beat, arena.tasks.flush_search_counts)
  and whenever an editor opens a search report, so the report is always current.
Without Redis (a development machine with the memory cache) a search is written to the database at once.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models import F, Max, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from arena.models import UnansweredSearch

logger = logging.getLogger(__name__)

PENDING_KEY = "search-counts"  # a Redis hash: "<day of hit>|<local day>|<1 found, 0 not>|<normalised text>" → count
FIELD_SEPARATOR = "|"


def _redis():
    """The Redis client behind the default cache, or None when the cache is not Redis."""
    from django_redis import get_redis_connection
    from django_redis.cache import RedisCache

    if not isinstance(caches["default"], RedisCache):
        return None
    return get_redis_connection("default")


def _pending_key():
    return cache.make_key(PENDING_KEY)


_held = Counter()  # this process's counts not sent to Redis yet
_held_lock = threading.Lock()  # the development server answers in threads
_last_sent = time.monotonic()


def record_search(text, found):
    """Count one search for `text`; `found` False also counts it among the searches without results."""
    normalised = normalise_query_string(text)
    if not normalised:
        return
    # search_promotions dates its hits by the UTC day, UnansweredSearch by the local one: both are kept as they were.
    field = FIELD_SEPARATOR.join(
        (timezone.now().date().isoformat(), timezone.localdate().isoformat(), "1" if found else "0", normalised)
    )
    with _held_lock:
        _held[field] += 1
    if time.monotonic() - _last_sent >= settings.SEARCH_COUNTS_SEND_SECONDS:
        send_held_counts()


def send_held_counts():
    """Add this process's held counts to the Redis hash (one round trip), or to the database without Redis."""
    global _last_sent
    with _held_lock:
        counts = dict(_held)
        _held.clear()
        _last_sent = time.monotonic()
    if not counts:
        return
    client = _redis()
    if client is not None:
        try:
            pipe = client.pipeline(transaction=False)
            for field, number in counts.items():
                pipe.hincrby(_pending_key(), field, number)
            pipe.execute()
            return
        except Exception:  # Redis down: count in the database rather than lose the searches
            logger.warning("Redis unreachable; counting searches in the database", exc_info=True)
    _write(counts)


atexit.register(send_held_counts)


def _write(counts):
    """Add `counts` ({field: n}) to Query daily hits and UnansweredSearch, a fixed few queries per search text."""
    with transaction.atomic():
        for field, number in counts.items():
            hit_day, local_day, found, normalised = field.split(FIELD_SEPARATOR, 3)
            query = Query.get(normalised)
            daily, _created = QueryDailyHits.objects.get_or_create(query=query, date=hit_day)
            QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + number)
            if found == "0":
                day, _created = UnansweredSearch.objects.get_or_create(query=query, date=local_day)
                UnansweredSearch.objects.filter(pk=day.pk).update(hits=F("hits") + number)


def flush_counts():
    """Move the searches counted in Redis into the database; returns how many searches were moved. The counters are
    taken and emptied atomically, so searches counted meanwhile wait for the next flush; if the database write fails
    they are put back."""
    send_held_counts()
    client = _redis()
    if client is None:
        return 0
    key = _pending_key()
    pipe = client.pipeline(transaction=True)
    pipe.hgetall(key)
    pipe.delete(key)
    raw, _deleted = pipe.execute()
    counts = {field.decode(): int(number) for field, number in raw.items()}
    if not counts:
        return 0
    try:
        _write(counts)
    except Exception:
        put_back = client.pipeline(transaction=True)
        for field, number in counts.items():
            put_back.hincrby(key, field, number)
        put_back.execute()
        raise
    return sum(counts.values())


def discard_pending_counts():
    """Forget the searches not yet flushed (for tests, whose database is rolled back but whose Redis is not)."""
    client = _redis()
    if client is not None:
        client.delete(_pending_key())


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
