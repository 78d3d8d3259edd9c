"""Values read from the cache once per request instead of once per use.

A signed-in page asks the cache (Redis) the same questions many times: the page-cache generation for the route, the
frame and every fragment, the user's rights for the user bar, the menu and every fragment. Each answer is a network
round trip, and together they cost a signed-in page more than its database queries did. Within one request the
answers cannot usefully change (a purge during the request updates the memo itself), so RequestMemoMiddleware
keeps them for the request's duration, and the version keys registered here are fetched together in one round
trip the first time any of them is needed.

Outside a request (Celery tasks, management commands, tests calling code directly) nothing is memoised.
"""

from contextvars import ContextVar

from django.core.cache import cache

_memo = ContextVar("arena_request_memo", default=None)
_version_keys = []


def register_version_key(key):
    """A key read on nearly every request; all registered keys are fetched together."""
    if key not in _version_keys:
        _version_keys.append(key)


def cache_get(key, default=None):
    """cache.get(key, default), once per request."""
    memo = _memo.get()
    if memo is None:
        return cache.get(key, default)
    if key not in memo:
        wanted = _version_keys + memo.pop(_ALSO_WANTED, [])
        keys = [key] + [name for name in dict.fromkeys(wanted) if name not in memo and name != key]
        found = cache.get_many(keys)
        for name in keys:
            memo[name] = found.get(name)
    value = memo[key]
    return default if value is None else value


_ALSO_WANTED = ("also wanted",)  # a memo entry: keys this request will read, fetched with the next batch


def also_fetch(key):
    """A key this request will read through cache_get: fetched with the version keys, not in a round trip of its own
    (e.g. the generation of the request's path, which every fragment of the page reads)."""
    memo = _memo.get()
    if memo is not None and key not in memo:
        memo.setdefault(_ALSO_WANTED, []).append(key)


def remember(key, value):
    """A value just written to the cache under `key` (e.g. a new generation), for the rest of the request."""
    memo = _memo.get()
    if memo is not None:
        memo[key] = value


def memoised(name, compute):
    """compute(), once per request, under `name` (a value derived from the cache, e.g. the user's rights)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    key = ("derived", name)
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget_derived():
    """Drop derived values (e.g. after the user's groups changed in this request)."""
    memo = _memo.get()
    if memo is not None:
        for key in [key for key in memo if isinstance(key, tuple)]:
            del memo[key]


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
