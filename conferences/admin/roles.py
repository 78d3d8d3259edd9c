"""What the organisers (the arena-wide "Arrangörer" group) may do: run the conference pages and its programme,
follow and export the registrations, and publish the recordings with their captions."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission

from arena.roles import ORGANISERS, ensure_role_groups, model_permissions

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")

MODEL_PERMISSIONS = [
    ("conferences", "add_session"),
    ("conferences", "change_session"),
    ("conferences", "delete_session"),
    ("conferences", "publish_session"),  # added by DraftStateMixin
    ("conferences", "view_sessionchange"),
    # Attendees register themselves: organisers list and export registrations; "change" is only used to cancel a
    # registration on someone's behalf (conferences.registration.cancel), there is no edit form.
    ("conferences", "view_registration"),
    ("conferences", "change_registration"),
    ("conferences", "view_recording"),
    ("conferences", "add_recording"),
    ("conferences", "change_recording"),
    ("conferences", "delete_recording"),
    # Captions are edited inline on the recording; the model permissions say so in the group editor too.
    ("conferences", "add_recordingcaption"),
    ("conferences", "change_recordingcaption"),
    ("conferences", "delete_recordingcaption"),
    # Speakers are arena people; organisers choose organisations and focus areas for sessions.
    ("arena", "add_person"),
    ("arena", "change_person"),
    ("arena", "view_organisation"),
]


def grant_organiser_permissions(series_page):
    """Organisers add, edit and publish the series page and the editions below it, the programme and the recordings,
    and see the registrations. Idempotent: safe to run on every seed or deploy."""
    group = ensure_role_groups()[ORGANISERS]
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=series_page, permission=permission)
    group.permissions.add(*model_permissions(MODEL_PERMISSIONS))
    return group
