"""Cached pieces of pages for signed-in visitors, whom the anonymous page cache (arena.page_cache) never serves.

A fragment is keyed by what decides its content, never by the individual user:
- the content version: the site-wide page-cache generation and the generation of the page's path, so whatever
  purges the page (publishing, unpublishing, a comment, an import: arena.page_cache.purge/purge_urls) gives its
  fragments new keys too;
- the page's path and its query string cut down to the parameters pages read (filters and pagination);
- who is looking: arena.user_rights.audience_of (anonymous, superuser, or staff with their groups, which also says
  their organisations and whether they are analysts), unless the fragment is the same for everyone;
- anything else the caller names in `vary` (e.g. a round's version).

Lazy querysets handed to a cached template fragment are never evaluated on a hit, so a hit costs no query at all.
Nothing personal belongs in a fragment (a CSRF token, "you are registered", the user's name): keep that outside.
PAGE_CACHE_SECONDS <= 0 (the test default) turns fragments off with the page cache.
"""

import hashlib

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from arena import page_cache
from arena.page_cache_local import versioned_get, versioned_set
from arena.user_rights import audience_of

EVERYONE = "everyone"


def key_for(request, name, *, per_audience=True, vary=(), path=None):
    """The cache key of fragment `name` of the page at `path` (default: the request's) as this request sees it."""
    path = path or request.path
    site_generation, path_generation = page_cache.generations(path)
    audience = audience_of(request.user) if per_audience else EVERYONE
    raw = "|".join(
        str(part)
        for part in (
            site_generation,
            path_generation,
            request.get_host(),
            path,
            page_cache.normalised_query(request),
            name,
            audience,
            *vary,
        )
    )
    return "fragment:" + hashlib.sha256(raw.encode()).hexdigest()


def cached(request, name, compute, *, per_audience=True, vary=(), path=None):
    """compute()'s (picklable) result, from the cache when this audience has seen it at this content version."""
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        # A page rendered in answer to a POST (a form with errors) may show what was sent: never cached.
        return compute()
    key = key_for(request, name, per_audience=per_audience, vary=vary, path=path)
    value = versioned_get(key)  # the key names the content version: a process may keep its own copy
    if value is None:
        value = compute()
        versioned_set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def lazy(request, name, compute, **kwargs):
    """cached(...), read from the cache only when first used. Data that a cached template fragment renders (a page of
    model instances costs milliseconds to unpickle) is then never loaded while the fragment itself is a hit."""
    return SimpleLazyObject(lambda: cached(request, name, compute, **kwargs))
