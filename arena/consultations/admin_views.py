"""The admin's list of a consultation's answers (Wagtail's form submissions listing) with exports that open cleanly
in a spreadsheet: times in Swedish time, a UTF-8 BOM so Excel reads å, ä and ö in the CSV, no cell that a
spreadsheet would run as a formula, and no character that the XLSX format cannot hold."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.views.mixins import list_to_str
from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value):
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe."""
    value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def xlsx_text(value):
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def local_time(value):
    return timezone.localtime(value) if timezone.is_aware(value) else value


class ConsultationSubmissionsListView(SubmissionsListView):
    custom_value_preprocess = {
        datetime.datetime: {
            SubmissionsListView.FORMAT_CSV: lambda value: date_format(local_time(value), "Y-m-d H:i"),
            SubmissionsListView.FORMAT_XLSX: lambda value: local_time(value).replace(tzinfo=None),
        },
        (datetime.date, datetime.time): {SubmissionsListView.FORMAT_XLSX: None},
        list: {
            SubmissionsListView.FORMAT_CSV: lambda value: csv_text(list_to_str(value)),
            SubmissionsListView.FORMAT_XLSX: lambda value: xlsx_text(list_to_str(value)),
        },
        str: {SubmissionsListView.FORMAT_CSV: csv_text, SubmissionsListView.FORMAT_XLSX: xlsx_text},
    }

    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)
