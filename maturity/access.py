"""Who may see which maturity results: the one rule, applied to rows through the models' for_user() querysets
(OrganisationScore, RoundParticipant, Response) and to a whole organisation page through may_view_organisation().

- Anonymous visitors see no dashboard (only the open data, which holds no organisation-level figures).
- Analysts (the "view maturity results" permission) and superusers see every organisation.
- Any other logged-in user sees the group-level figures and the organisations they belong to (through their
  writer/editor groups); a user without an organisation sees only the group-level figures.
"""

from arena.models import Organisation

VIEW_ALL_PERMISSION = "maturity.view_maturity_results"


def sees_all_organisations(user):
    return user.is_authenticated and user.is_active and user.has_perm(VIEW_ALL_PERMISSION)


def visible_organisations(user):
    """The organisations whose own results the user may see, as a queryset."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if sees_all_organisations(user):
        return Organisation.objects.all()
    return Organisation.objects.for_user(user)


def may_view_organisation(user, organisation):
    if not user.is_authenticated:
        return False
    return sees_all_organisations(user) or visible_organisations(user).filter(pk=organisation.pk).exists()
