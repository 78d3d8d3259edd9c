"""Whether a user may use the admin (Wagtail's `wagtailadmin.access_admin`), cached between requests.

The public pages ask on every request, for the Wagtail user bar ("edit this page"), which only people who can
change something get. Django works the answer out with two queries (the user's own and their groups'
permissions), so the answer is cached per user. Any change to a group's permissions, a user's groups or a user's
own permissions gives every answer a new key (arena.signals); a change of the user's superuser or active flag
is part of the key itself.
"""

import time

from django.core.cache import cache

VERSION_KEY = "admin-rights-version"
CACHE_SECONDS = 60 * 60 * 24


def may_use_admin(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    key = f"admin-rights:{cache.get(VERSION_KEY, 0)}:{user.pk}"
    allowed = cache.get(key)
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, allowed, CACHE_SECONDS)
    return allowed


def forget_all(**kwargs):
    cache.set(VERSION_KEY, time.time_ns(), None)
