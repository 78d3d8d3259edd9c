"""The version of the published maturity results, part of the key of everything the dashboards and exports cache.

Stored results change only when a round is imported, recomputed, replaced, published or unpublished, or when
national reference values change: those paths call bump_on_commit() (scoring.recompute_round, the national
importer, maturity.signals). They also purge the page cache (arena.page_cache.purge), whose generation is part of
every fragment key too; this version keeps the dashboards correct even if that purge were narrowed to other pages.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from arena import page_cache, request_memo
from arena.page_cache_local import versioned_get, versioned_set

VERSION_KEY = "maturity-results-version"

request_memo.register_version_key(VERSION_KEY)  # read with the other versions, once per request


def current():
    return request_memo.cache_get(VERSION_KEY, 0)


def bump():
    version = time.time_ns()
    cache.set(VERSION_KEY, version, None)
    request_memo.remember(VERSION_KEY, version)


def bump_on_commit():
    """After the transaction commits: a request that reads the old rows meanwhile caches them under the old
    version, which nobody reads again once this runs."""
    transaction.on_commit(bump)


def cached(name, compute, *parts):
    """compute()'s result, kept until the results version or the page-cache generation moves on. Only for values
    that are the same for everyone: anything depending on the user must name its audience in `parts`."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return compute()
    key = ":".join(str(part) for part in ("maturity", name, current(), page_cache.generation(), *parts))
    value = versioned_get(key)  # the key names the content version: a process may keep its own copy
    if value is None:
        value = compute()
        versioned_set(key, value, settings.PAGE_CACHE_SECONDS)
    return value
