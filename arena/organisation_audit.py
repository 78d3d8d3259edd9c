"""Organisations in Wagtail's audit log. Wagtail's snippet views already record creating, editing and deleting an
organisation (wagtail.create, wagtail.edit, wagtail.delete, with who and when); deactivating one, which takes it out of
the lists of active organisations while keeping its content, is a decision of its own and gets an entry that says
so. Shown in Reports → Site history and the organisation's history to superusers and to whoever has a permission on
organisations. arena/wagtail_hooks.py registers the actions with their Swedish texts."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

DEACTIVATED = "arena.organisation_deactivated"
REACTIVATED = "arena.organisation_reactivated"


class DeactivatedFormatter(LogFormatter):
    label = _("Organisation deactivated")
    message = _("Deactivated the organisation")


class ReactivatedFormatter(LogFormatter):
    label = _("Organisation reactivated")
    message = _("Made the organisation active again")


FORMATTERS = {DEACTIVATED: DeactivatedFormatter, REACTIVATED: ReactivatedFormatter}


def log_active_change(organisation, was_active, user):
    """Called in the save's transaction with the `active` flag from before the save."""
    if organisation.active != was_active:
        log(organisation, REACTIVATED if organisation.active else DEACTIVATED, user=user)
