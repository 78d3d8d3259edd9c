"""How the admin shows the values Wagtail leaves raw: True/False/None printed as such, and times in an inspect view
printed in UTC (its template formats the stored value without converting it, unlike a listing).

Here they read as a Swedish reader expects: Ja/Nej, a dash for nothing, times in the admin's time zone
(Europe/Stockholm). The apps' viewsets use `InspectView` and `yes_no_column` from here.
"""

from datetime import datetime

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView as WagtailInspectView

NOTHING = "–"


def display_value(value):
    """A field value as the admin shows it: yes/no for booleans, a dash for None, aware times in local time."""
    if value is None:
        return NOTHING
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


class InspectView(WagtailInspectView):
    """Wagtail's inspect view with every field value passed through display_value."""

    def get_field_display_value(self, field_name, field):
        return display_value(super().get_field_display_value(field_name, field))


class YesNoColumn(Column):
    """A listing column for a boolean: Ja/Nej (a dash when unknown) instead of True/False."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return display_value(value if value is None else bool(value))


def yes_no_column(model, field_name):
    """A YesNoColumn for a model's boolean field, labelled and sorted like Wagtail's own column for it."""
    field = model._meta.get_field(field_name)
    return YesNoColumn(field_name, label=capfirst(field.verbose_name), sort_key=field_name)
