"""A whole-response cache for anonymous visitors, purged whenever anything is published.

Anonymous page views are the bulk of traffic and identical for everyone, so they are served from
the cache (Redis in production). Anything personal bypasses it: requests carrying a session or
messages cookie, non-GET requests, and responses that set cookies (e.g. pages with a CSRF token).
Purging bumps a generation number that is part of every key, so old entries simply expire.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

GENERATION_KEY = "page-cache-generation"
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
SKIPPED_PREFIXES = ("/admin/", "/konto/", "/healthz", "/django-admin/")


def purge():
    cache.set(GENERATION_KEY, time.time_ns(), None)


def _key(request, generation):
    raw = f"{generation}|{request.get_host()}|{request.get_full_path()}"
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def _is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and not request.path.startswith(SKIPPED_PREFIXES)
    )


def _is_cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-cache" not in response.get("Cache-Control", "")
    )


def _conditional(request, cached):
    """The cached response, or 304 when the request's If-None-Match/If-Modified-Since still match its ETag or
    Last-Modified (feeds set them): a hit skips the view, which would otherwise have answered 304 itself."""
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
        if not _is_cacheable_request(request):
            return self.get_response(request)
        generation = cache.get(GENERATION_KEY, 0)
        key = _key(request, generation)
        cached = cache.get(key)
        if cached is not None:
            response = _conditional(request, cached)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _is_cacheable_response(response):
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
