"""What a user may see and do, as far as every page asks, cached between requests.

- `may_edit_pages`: whether the user may use the admin (Wagtail's `wagtailadmin.access_admin`) and has a
  permission on some page, which decides the Wagtail user bar ("edit this page") on every public page. Readers and
  analysts (who use the admin for the maturity imports only) get no user bar, which costs several queries.
- `has_perm`: Django's permission check, from the same cached entry (querysets that decide what a user may see ask
  it on every request).
- `group_ids_of`: the user's groups, which view restrictions to groups are decided by (arena.views.pages).
- `audience_of`: which content the user may see, as a name shared by everyone who sees the same: "anonymous",
  "superuser", or "staff:" with the user's groups (view restrictions are to "logged in" or to groups). Cached page
  fragments are keyed by it, never by the individual user.

Any change to a group's permissions (page permissions too), a user's groups or a user's own permissions gives every
cached answer a new key (arena.signals); the user's superuser and active flags are read from the user itself.
"""

import time

from django.core.cache import cache
from wagtail.models import GroupPagePermission

from arena import request_memo

VERSION_KEY = "user-rights-version"
CACHE_SECONDS = 60 * 60 * 24
ANONYMOUS = "anonymous"
SUPERUSER = "superuser"
SHAPE = 3  # part of the key: entries cached by an earlier release, shaped differently, are never read


request_memo.register_version_key(VERSION_KEY)


def may_edit_pages(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return _rights(user)["edits_pages"]


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


def has_perm(user, permission):
    """user.has_perm(permission) ("app_label.codename"), from the cached rights: Django asks the database twice per
    request (the user's own and their groups' permissions) for the first permission checked."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return permission in _rights(user)["permissions"]


def _rights(user):
    """The user's cached answers, as one cache entry read once per request (arena.request_memo). Each answer is
    worked out the first time it is asked for (no query spent on one that is never asked) and stored in the entry
    until the rights version changes."""

    def cached_entry():
        key = f"user-rights:{SHAPE}:{request_memo.cache_get(VERSION_KEY, 0)}:{user.pk}"
        return _Rights(key, cache.get(key) or {}, user)

    return request_memo.memoised(f"user-rights:{user.pk}", cached_entry)


class _Rights:
    COMPUTE = {
        "edits_pages": lambda user: (
            user.has_perm("wagtailadmin.access_admin") and GroupPagePermission.objects.filter(group__user=user).exists()
        ),
        "groups": lambda user: sorted(user.groups.values_list("pk", flat=True)),
        "permissions": lambda user: frozenset(user.get_all_permissions()),
    }

    def __init__(self, key, answers, user):
        self.key, self.answers, self.user = key, answers, user

    def __getitem__(self, name):
        if name not in self.answers:
            self.answers[name] = self.COMPUTE[name](self.user)
            cache.set(self.key, self.answers, CACHE_SECONDS)
        return self.answers[name]


def forget_all(**kwargs):
    version = time.time_ns()
    cache.set(VERSION_KEY, version, None)
    request_memo.remember(VERSION_KEY, version)
    request_memo.forget_derived()
