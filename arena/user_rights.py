"""What a user may see and do, as far as every page asks, cached between requests.

- `may_use_admin`: whether the user may use the admin (Wagtail's `wagtailadmin.access_admin`), which decides the
  Wagtail user bar ("edit this page") on every public page. Django works it out with two queries (the user's own
  and their groups' permissions).
- `group_ids_of`: the user's groups, which view restrictions to groups are decided by (arena.views.pages).
- `audience_of`: which content the user may see, as a name shared by everyone who sees the same: "anonymous",
  "superuser", or "staff:" with the user's groups (view restrictions are to "logged in" or to groups). Cached page
  fragments are keyed by it, never by the individual user.

Any change to a group's permissions, a user's groups or a user's own permissions gives every cached answer a new
key (arena.signals); the user's superuser and active flags are read from the user itself.
"""

import time

from django.core.cache import cache

VERSION_KEY = "user-rights-version"
CACHE_SECONDS = 60 * 60 * 24
ANONYMOUS = "anonymous"
SUPERUSER = "superuser"


def may_use_admin(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return _cached(user, "admin", lambda: user.has_perm("wagtailadmin.access_admin"))


def audience_of(user):
    if not user.is_authenticated:
        return ANONYMOUS
    if user.is_superuser:
        return SUPERUSER
    return _cached(user, "audience", lambda: "staff:" + ".".join(str(pk) for pk in _group_ids(user)))


def group_ids_of(user):
    """The pks of the user's groups, sorted (view restrictions to groups are decided with them)."""
    if not user.is_authenticated:
        return []
    return _cached(user, "groups", lambda: _group_ids(user))


def _group_ids(user):
    return sorted(user.groups.values_list("pk", flat=True))


def _cached(user, name, compute):
    key = f"user-rights:{cache.get(VERSION_KEY, 0)}:{name}:{user.pk}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def forget_all(**kwargs):
    cache.set(VERSION_KEY, time.time_ns(), None)
