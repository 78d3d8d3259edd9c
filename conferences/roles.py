"""What the organisers (the arena-wide "Arrangörer" group) may do: run the conference pages and its programme."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission

from arena.roles import ORGANISERS, ensure_role_groups

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")

MODEL_PERMISSIONS = [
    ("conferences", "add_session"),
    ("conferences", "change_session"),
    ("conferences", "delete_session"),
    ("conferences", "publish_session"),  # added by DraftStateMixin
    ("conferences", "view_sessionchange"),
    # Speakers are arena people; organisers choose organisations and focus areas for sessions.
    ("arena", "add_person"),
    ("arena", "change_person"),
    ("arena", "view_organisation"),
]


def _permissions(pairs):
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


def grant_organiser_permissions(series_page):
    """Organisers add, edit and publish the series page and the editions below it, and the programme.
    Idempotent: safe to run on every seed or deploy."""
    group = ensure_role_groups()[ORGANISERS]
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=series_page, permission=permission)
    group.permissions.add(*_permissions(MODEL_PERMISSIONS))
    return group
