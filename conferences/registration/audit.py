"""The conference's entries in Wagtail's audit log (Reports → Site history): who cancelled a registration, an
organiser on the attendee's behalf or the attendee themselves, and who got the freed place from the waiting list.
Written by conferences.registration.rules inside the cancellation's transaction. Wagtail shows these entries to
whoever has a permission on registrations (the organisers, who see every registration anyway) and to superusers.
The actions and their Swedish texts are registered by conferences/wagtail_hooks.py."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

CANCELLED = "conferences.registration_cancelled"
PROMOTED = "conferences.registration_promoted"


class CancelledFormatter(LogFormatter):
    label = _("Registration cancelled")
    message = _("Cancelled the registration")


class PromotedFormatter(LogFormatter):
    label = _("Place from the waiting list")
    message = _("Cancelled a registration, which gave this one the place from the waiting list")


FORMATTERS = {CANCELLED: CancelledFormatter, PROMOTED: PromotedFormatter}


def log_cancelled(registration, user):
    log(registration, CANCELLED, user=user)


def log_promoted(registration, user):
    log(registration, PROMOTED, user=user)
