"""How many answers one client may send to one consultation: CONSULTATION_RATE_LIMIT per
CONSULTATION_RATE_LIMIT_MINUTES, counted in the cache (Redis in production, so every web process shares the count).

The client is the IP address as django-allauth's adapter determines it for the login limits (so the same proxy
settings apply), stored only as a hash. A fixed window per page: the first answer starts it. When the cache is
unreachable the limit is not enforced: answers are never lost to an outage.
"""

import hashlib

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied


def window_seconds():
    return settings.CONSULTATION_RATE_LIMIT_MINUTES * 60


def _client(request):
    try:
        address = get_adapter(request).get_client_ip(request)
    except PermissionDenied:  # no address at all: such clients share one count
        address = "unknown"
    return hashlib.sha256(f"{settings.SECRET_KEY}|{address}".encode()).hexdigest()


def _key(request, page):
    return f"consultation-answers:{page.pk}:{_client(request)}"


def is_exceeded(request, page):
    """True when this client has already sent as many answers as the window allows."""
    return (cache.get(_key(request, page)) or 0) >= settings.CONSULTATION_RATE_LIMIT


def consume(request, page):
    """Count one answer; False when it is one too many (the caller then refuses it)."""
    key = _key(request, page)
    cache.add(key, 0, timeout=window_seconds())
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add() and incr(): a new window starts with this answer
        cache.set(key, 1, timeout=window_seconds())
        count = 1
    return count is None or count <= settings.CONSULTATION_RATE_LIMIT
