"""A whole-response cache for anonymous visitors, purged whenever anything is published.

Anonymous page views are the bulk of traffic and identical for everyone, so they are served from
the cache (Redis in production). Anything personal bypasses it: requests carrying a session or
messages cookie, non-GET requests, and responses that set cookies (e.g. pages with a CSRF token).

The key is the host, the path and the query string cut down to the parameters some page reads
(READ_PARAMETERS), sorted: `?utm_source=…` or random junk cannot fill the cache with copies of a
page. The other parameters are taken off the request itself before the view runs, so no page
(pagination links keep the query string) renders them into a response, or into a fragment cached for signed-in
visitors (arena.fragments), that others are then served.

Two generation numbers are stored with every entry, and an entry is served only while both are still current, so
a purge makes old entries unreadable at once: a site-wide one (purge(), on publishing) and one per path
(purge_urls(), e.g. a new comment: the post and the listings showing its comment count, nothing else). The entry
and the current generations are read together, so a hit costs one cache round trip.
"""

import hashlib
import time
from operator import itemgetter
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import QueryDict
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from arena import request_memo
from arena.page_cache_local import copies

GENERATION_KEY = "page-cache-generation"
PATH_GENERATION_PREFIX = "page-cache-path:"
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
SKIPPED_PREFIXES = ("/admin/", "/konto/", "/healthz", "/django-admin/")

# Every query parameter a cacheable page reads (tests/arena/test_page_cache_keys.py checks this against the code):
# pagination (arena.pagination), listing filters (blogs, library, change projects, recordings, programme), site
# search, the maturity tables and the sitemap's own page number.
READ_PARAMETERS = frozenset(
    {
        "sida",  # arena.pagination.PAGE_PARAMETER
        "q",
        "typ",
        "organisation",
        "tagg",
        "fokus",
        "ar",
        "status",
        "spar",
        "omgang",
        "sort",
        "dir",
        "p",  # django.contrib.sitemaps
    }
)
# The read-only API reads parameters by field name (?title=…, ?type=…); it answers unknown ones with a 400, which
# is never cached, so its query strings are kept whole.
ALL_PARAMETERS_PREFIXES = ("/api/",)

request_memo.register_version_key(GENERATION_KEY)


def purge():
    """Forget every cached page (publishing can change menus, listings and the start page alike)."""
    generation = time.time_ns()
    cache.set(GENERATION_KEY, generation, None)
    request_memo.remember(GENERATION_KEY, generation)
    copies.announce_purge()


def generation():
    """The site-wide generation: other caches of content shown on every page (arena.site_frame) put it in their keys
    to be purged with the pages."""
    return request_memo.cache_get(GENERATION_KEY, 0)


def generations(path):
    """The site-wide generation and the one of `path` (bumped by purge_urls), in one cache round trip, remembered
    for the request (arena.request_memo): fragments of one page (arena.home_sections, arena.fragments) put both in
    their keys, so whatever purges the page purges them too."""
    path_generation = request_memo.cache_get(_path_generation_key(path), 0)  # fetches the site-wide one with it
    return request_memo.cache_get(GENERATION_KEY, 0), path_generation


def purge_urls(urls):
    """Forget the cached pages at these URLs (absolute or site-relative; any query string is ignored: every variant
    of a path goes). The marks outlive every entry cached before them, then expire."""
    generation = time.time_ns()
    marks = {_path_generation_key(urlsplit(url).path): generation for url in urls if url}
    if marks:
        cache.set_many(marks, 2 * max(settings.PAGE_CACHE_SECONDS, 1))
        for key, mark in marks.items():
            request_memo.remember(key, mark)
        copies.announce_purge()  # every copy goes: a process keeps few, and purges are rare next to reads


def _path_generation_key(path):
    return PATH_GENERATION_PREFIX + hashlib.sha256(path.encode()).hexdigest()


def normalised_query(request):
    """The query string with only the parameters pages read, sorted by name (the order of one name's values is
    kept, as a view may read them as a list), identical pairs once."""
    keep_all = request.path.startswith(ALL_PARAMETERS_PREFIXES)
    pairs = [
        (name, value) for name, values in request.GET.lists() if keep_all or name in READ_PARAMETERS for value in values
    ]
    return urlencode(sorted(dict.fromkeys(pairs), key=itemgetter(0)))


def _use_only_read_parameters(request):
    raw = request.META.get("QUERY_STRING")
    if not raw:
        return
    query = normalised_query(request)
    if query != raw:  # the usual query string (?q=…, ?sida=2) is already normalised: request.GET stays as parsed
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)


# Bumped when what an entry holds changes (2: responses carry their CSP and Permissions-Policy headers), so a
# deployment never serves entries of the old shape.
ENTRY_PREFIX = "page-v2:"


def _key(request):
    raw = f"{request.get_host()}|{request.path}?{request.META.get('QUERY_STRING', '')}"
    return ENTRY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _renders_cached_parts(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PREFIXES)
    )


def _is_cacheable_request(request):
    return _renders_cached_parts(request) and not any(name in request.COOKIES for name in PERSONAL_COOKIES)


def _is_cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-cache" not in response.get("Cache-Control", "")
    )


CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")


def _conditional(request, cached):
    """The cached response, or 304 when the request's If-None-Match/If-Modified-Since still match its ETag or
    Last-Modified (feeds set them): a hit skips the view, which would otherwise have answered 304 itself."""
    if not any(header in request.META for header in CONDITIONAL_HEADERS):
        return cached  # most requests: nothing to compare
    last_modified = cached.get("Last-Modified")
    return get_conditional_response(
        request,
        etag=cached.get("ETag"),
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=cached,
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _renders_cached_parts(request):
            # Signed-in visitors get cached fragments (arena.fragments), keyed by the read parameters only: a link
            # a fragment builds from the query string must not carry another visitor's unread parameters.
            _use_only_read_parameters(request)
            # Their keys hold the path's generation (generations()): read it with the first batch of version keys.
            request_memo.also_fetch(_path_generation_key(request.path))
        if not _is_cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        copy = copies.get(key)  # this process's copy (arena.page_cache_local): no round trip at all
        if copy is not None:
            response = _conditional(request, copy)
            response["X-Page-Cache"] = "hit"
            return response
        epoch = copies.epoch()
        path_key = _path_generation_key(request.path)
        found = cache.get_many([GENERATION_KEY, path_key, key])  # one round trip
        # Read before the view runs: a purge while it renders leaves the entry stale, never served.
        current = (found.get(GENERATION_KEY, 0), found.get(path_key, 0))
        entry = found.get(key)
        if entry is not None and entry[0] == current:
            copies.keep(key, entry[1], epoch)
            response = _conditional(request, entry[1])
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _is_cacheable_response(response):
            cache.set(key, (current, response), settings.PAGE_CACHE_SECONDS)
            copies.keep(key, response, epoch)
            response["X-Page-Cache"] = "miss"
        return response
