"""The kinds of programme item. Defined outside the models so that the programme's forms and pages, which the edition
page's routes call, never import the models (the models import them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionType(models.TextChoices):
    KEYNOTE = "keynote", _("Keynote")
    TALK = "talk", _("Talk")
    LEARNING_EXAMPLE = "learning_example", _("Learning example")
    PANEL = "panel", _("Panel")
    WORKSHOP = "workshop", _("Workshop")
    BREAK = "break", _("Break")
