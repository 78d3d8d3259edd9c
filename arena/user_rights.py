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

from arena import request_memo

VERSION_KEY = "user-rights-version"
CACHE_SECONDS = 60 * 60 * 24
ANONYMOUS = "anonymous"
SUPERUSER = "superuser"


request_memo.register_version_key(VERSION_KEY)


def may_use_admin(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return _rights(user)["admin"]


def audience_of(user):
    if not user.is_authenticated:
        return ANONYMOUS
    if user.is_superuser:
        return SUPERUSER
    return "staff:" + ".".join(str(pk) for pk in _rights(user)["groups"])


def group_ids_of(user):
    """The pks of the user's groups, sorted (view restrictions to groups are decided with them)."""
    if not user.is_authenticated:
        return []
    return _rights(user)["groups"]


def _rights(user):
    """Everything above for one user, worked out together (three queries) once per version of the rights, and read
    from the cache once per request (arena.request_memo)."""

    def cached_rights():
        key = f"user-rights:{request_memo.cache_get(VERSION_KEY, 0)}:{user.pk}"
        rights = cache.get(key)
        if rights is None:
            rights = {
                "admin": user.has_perm("wagtailadmin.access_admin"),
                "groups": sorted(user.groups.values_list("pk", flat=True)),
            }
            cache.set(key, rights, CACHE_SECONDS)
        return rights

    return request_memo.memoised(f"user-rights:{user.pk}", cached_rights)


def forget_all(**kwargs):
    version = time.time_ns()
    cache.set(VERSION_KEY, version, None)
    request_memo.remember(VERSION_KEY, version)
    request_memo.forget_derived()
