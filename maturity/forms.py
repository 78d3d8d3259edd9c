"""The admin upload form: what the file contains and the file, with type and size checked before reading."""

from pathlib import PurePath

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from maturity.importers import ALLOWED_SUFFIXES
from maturity.models import ImportJob

MAX_UPLOAD_BYTES = 20 * 1024 * 1024

KIND_HELP = {
    ImportJob.Kind.RESPONSES: _("Columns: round, organisation, respondent, question, value (empty = not answered)."),
    ImportJob.Kind.RESULTS: _("Columns: round, organisation, category, score, respondents."),
    ImportJob.Kind.NATIONAL: _("Columns: round, category (or total), score, source and optionally year."),
}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("The file contains"),
        choices=ImportJob.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the file contains.")},
    )
    file = forms.FileField(
        label=_("File"),
        error_messages={"required": _("Choose a file to upload."), "empty": _("The file is empty.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted per request, so the size unit is in the user's language.
        self.fields["file"].help_text = _(
            "CSV (comma or semicolon separated, UTF-8) or Excel (.xlsx, first sheet), at most %(size)s. "
            "The first row names the columns."
        ) % {"size": filesizeformat(MAX_UPLOAD_BYTES)}
        self.kind_help = KIND_HELP

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if PurePath(upload.name).suffix.lower() not in ALLOWED_SUFFIXES:
            raise forms.ValidationError(_("The file must be a .csv or .xlsx file."), code="file_type")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; the largest file you can upload is %(max)s.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_UPLOAD_BYTES)},
                code="file_size",
            )
        return upload
