"""What a registration is made of, outside the models: the registration page and the rules, which the edition page's
routes call, never import the models (the models import them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

NEEDS_MAX_LENGTH = 500


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
