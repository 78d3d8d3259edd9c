"""Fixed-window counters in the cache (Redis in production, so every web process shares the count) for forms that
must not be flooded: a consultation's answers per client address, change-project proposals per person.

A window starts with the first submission it counts. When the cache is unreachable (django-redis ignores the error
and answers None) nothing is limited: a submission is never lost to an outage.
"""

import hashlib

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied


class FixedWindow:
    """At most `settings.<limit_setting>` submissions per `settings.<minutes_setting>` minutes for one identity."""

    def __init__(self, name, *, limit_setting, minutes_setting):
        self.name = name
        self.limit_setting = limit_setting
        self.minutes_setting = minutes_setting

    def limit(self):
        return getattr(settings, self.limit_setting)

    def seconds(self):
        return getattr(settings, self.minutes_setting) * 60

    def _key(self, identity):
        return f"rate-limit:{self.name}:{identity}"

    def is_exceeded(self, identity):
        """True when `identity` has already used every submission the window allows."""
        return (cache.get(self._key(identity)) or 0) >= self.limit()

    def consume(self, identity):
        """Count one submission; False when it is one too many (the caller then refuses it)."""
        key = self._key(identity)
        cache.add(key, 0, timeout=self.seconds())
        try:
            count = cache.incr(key)
        except ValueError:  # the key expired between add() and incr(): a new window starts with this one
            cache.set(key, 1, timeout=self.seconds())
            count = 1
        return count is None or count <= self.limit()


def client_address(request):
    """The client's IP address as django-allauth determines it for the login limits (so the same trusted-proxy
    settings apply), as a keyed hash: the cache never holds the address itself."""
    try:
        address = get_adapter(request).get_client_ip(request)
    except PermissionDenied:  # no address at all: such clients share one count
        address = "unknown"
    return hashlib.sha256(f"{settings.SECRET_KEY}|{address}".encode()).hexdigest()
