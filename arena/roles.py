"""Arena-wide roles (not tied to one organisation). Apps add their own permissions to these groups
through provisioning hooks; arena only guarantees the groups exist and can reach the admin."""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

ARENA_EDITORS = "Arenaredaktörer"
ORGANISERS = "Arrangörer"
ANALYSTS = "Analytiker"

ROLE_GROUPS = {
    ARENA_EDITORS: _("curate the start page, change projects, focus areas and the material library"),
    ORGANISERS: _("publish the conference: programme, speakers and recordings"),
    ANALYSTS: _("import maturity survey rounds and follow all dashboards"),
}


def admin_access_permission():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def model_permissions(pairs):
    """The Permission rows for (app_label, codename) pairs, in their order, in one query; a LookupError names any
    that do not exist yet (their app's migrations have not run)."""
    found = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.filter(codename__in=[codename for _, codename in pairs]).select_related(
            "content_type"
        )
    }
    missing = [pair for pair in pairs if pair not in found]
    if missing:
        raise LookupError(f"Missing permissions (run migrate): {missing}")
    return [found[pair] for pair in pairs]


def ensure_role_groups():
    """Create the arena-wide groups (idempotent) and return them by name."""
    access = admin_access_permission()
    groups = {}
    for name in ROLE_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access)
        groups[name] = group
    return groups
