"""Who may see which maturity results: the one rule, applied to rows through the models' for_user() querysets
(OrganisationScore, RoundParticipant, Response) and to a whole organisation page through may_view_organisation().

- Anonymous visitors see no dashboard (only the open data, which holds no organisation-level figures).
- Analysts (the "view maturity results" permission) and superusers see every organisation.
- Any other logged-in user sees the group-level figures and the organisations they belong to (through their
  writer/editor groups); a user without an organisation sees only the group-level figures.

The rule is decided once per user in audience() and kept between requests (like arena.user_rights), so a warm
dashboard spends no query on it. Its name (Audience.key) is what the dashboards' cached fragments are keyed by:
everyone with the same decision shares them, and nobody else can reach them.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from arena import page_cache, request_memo, user_rights
from arena.models import Organisation

VIEW_ALL_PERMISSION = "maturity.view_maturity_results"
CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class Audience:
    """What one user may see of the organisation-level results."""

    sees_all: bool = False
    organisation_ids: tuple = ()  # sorted; empty when sees_all (every organisation) or for nobody's staff

    @property
    def key(self):
        if self.sees_all:
            return "maturity:all"
        return "maturity:organisations:" + ".".join(str(pk) for pk in self.organisation_ids)

    def may_view(self, organisation):
        return self.sees_all or organisation.pk in self.organisation_ids


NOBODY = Audience()


def _decide(user):
    if user.is_active and user.has_perm(VIEW_ALL_PERMISSION):
        return Audience(sees_all=True)
    ids = Organisation.objects.for_user(user).order_by("pk").values_list("pk", flat=True)
    return Audience(organisation_ids=tuple(ids))


def audience(user):
    """The decision for this user, kept on the user object and, with the page caches on, in the cache. Both are
    stamped with the user-rights version (bumped by any change of groups or permissions, arena.signals), the
    page-cache generation (bumped when an organisation, and with it its groups, is created or removed) and the
    user's own active and superuser flags, so a change shows at once. The versions are read once per request
    (arena.request_memo)."""
    if not user.is_authenticated:
        return NOBODY
    stamp = (
        request_memo.cache_get(user_rights.VERSION_KEY, 0),
        page_cache.generation(),
        user.is_active,
        user.is_superuser,
    )
    kept = getattr(user, "_maturity_audience", None)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    if settings.PAGE_CACHE_SECONDS <= 0:
        decided = _decide(user)
    else:
        key = "maturity-audience:{}:{}:{}:{}:{}".format(*stamp, user.pk)
        decided = cache.get(key)
        if decided is None:
            decided = _decide(user)
            cache.set(key, decided, CACHE_SECONDS)
    user._maturity_audience = (stamp, decided)
    return decided


def sees_all_organisations(user):
    return audience(user).sees_all


def visible_organisations(user):
    """The organisations whose own results the user may see, as a queryset."""
    decided = audience(user)
    if decided.sees_all:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=decided.organisation_ids)


def may_view_organisation(user, organisation):
    return audience(user).may_view(organisation)
