"""The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE): Wagtail's form plus the library's metadata, with
uploads checked by content (arena.library.validation) before anything is saved."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput
from wagtail.documents.forms import BaseDocumentForm

from arena.library.validation import validate_document_upload


class HttpsURLField(forms.URLField):
    """A link field that completes an address typed without a scheme with https:// (Django 6's default)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class ArenaDocumentForm(BaseDocumentForm):
    class Meta(BaseDocumentForm.Meta):
        field_classes = {"accessible_alternative_url": HttpsURLField}
        widgets = {
            **BaseDocumentForm.Meta.widgets,
            "focus_areas": forms.CheckboxSelectMultiple,
            "published_date": AdminDateInput,
            "review_date": AdminDateInput,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "collection": _("The organisation the document belongs to follows from its collection."),
        }

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            validate_document_upload(uploaded)
        return uploaded
