"""StreamFields in the admin's forms refuse malformed POST data with a form error instead of a 500.

Wagtail's block widgets read the POST with plain dict lookups and int(): a POST without `body-count`, with
`body-0-order=x` or without a block's `-deleted` field (a broken client, a tampered request) raised KeyError or
ValueError out of form validation. The field here turns that into a Swedish error on the field and shows the form
again with the field's previous content.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.fields import StreamField

MALFORMED = object()
MALFORMED_MESSAGE = _(
    "The content of this field arrived incomplete, so nothing was saved. Reload the page and make the change again."
)
# What Wagtail's block widgets raise when a POST lacks their fields or holds text where a number belongs.
READ_ERRORS = (KeyError, ValueError, TypeError, IndexError)


class CheckedBlockWidget(BlockWidget):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except READ_ERRORS:
            return MALFORMED


class CheckedBlockField(BlockField):
    def __init__(self, block=None, **kwargs):
        kwargs.setdefault("widget", CheckedBlockWidget(block))
        super().__init__(block=block, **kwargs)

    def clean(self, value):
        if value is MALFORMED:
            raise ValidationError(MALFORMED_MESSAGE, code="malformed")
        return super().clean(value)

    def bound_data(self, data, initial):
        return initial if data is MALFORMED else super().bound_data(data, initial)

    def has_changed(self, initial_value, data_value):
        return True if data_value is MALFORMED else super().has_changed(initial_value, data_value)


def register():
    """Every StreamField in Wagtail's admin model forms (pages and snippets) uses CheckedBlockField."""
    register_form_field_override(StreamField, override={"form_class": CheckedBlockField})
