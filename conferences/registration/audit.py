"""The conference's entries in Wagtail's audit log (Reports → Site history): who cancelled a registration, an
organiser on the attendee's behalf or the attendee themselves, and who got a place from the waiting list, freed by
a cancellation or added by an organiser.
Written by conferences.registration.rules inside the cancellation's transaction. Wagtail shows these entries to
whoever has a permission on registrations (the organisers, who see every registration anyway) and to superusers.
The actions and their Swedish texts are registered by conferences/wagtail_hooks.py."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

CANCELLED = "conferences.registration_cancelled"
PROMOTED = "conferences.registration_promoted"
PLACES_ADDED = "conferences.registration_places_added"


class CancelledFormatter(LogFormatter):
    label = _("Registration cancelled")
    message = _("Cancelled the registration")


class PromotedFormatter(LogFormatter):
    label = _("Place from the waiting list")
    message = _("Cancelled a registration, which gave this one the place from the waiting list")


class PlacesAddedFormatter(LogFormatter):
    label = _("Place from the waiting list when places were added")
    message = _("Published more places, which gave this registration a place from the waiting list")


FORMATTERS = {CANCELLED: CancelledFormatter, PROMOTED: PromotedFormatter, PLACES_ADDED: PlacesAddedFormatter}


def log_cancelled(registration, user):
    log(registration, CANCELLED, user=user)


def log_promoted(registration, user):
    log(registration, PROMOTED, user=user)


def log_places_added(registration):
    """A place given when a published session or day got more places. That save runs in a signal, without a user;
    Wagtail's admin views set the acting user on the log context, which log() uses when given none."""
    log(registration, PLACES_ADDED)
