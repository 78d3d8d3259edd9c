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


class LibraryFilterForm(forms.Form):
    """The filters and search on /material/. Unknown organisations or focus areas simply match nothing; values that
    cannot be right (a type that does not exist, a year that is not a number) are named in an error message."""

    q = forms.CharField(required=False, max_length=200, label=_("Search text"))
    organisation = forms.SlugField(required=False, label=_("Organisation"))
    typ = forms.ChoiceField(required=False, label=_("Document type"))
    fokus = forms.SlugField(required=False, label=_("Focus area"))
    ar = forms.IntegerField(required=False, min_value=1900, max_value=2100, label=_("Year"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["typ"].choices = type_filter_choices()

    def filters(self):
        """The valid filters as keyword arguments for arena.library.queries.library_documents (an invalid one is
        left out: the listing still answers, with the error shown)."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": data.get("q") or "",
            "organisation": data.get("organisation") or None,
            "document_type": data.get("typ") or None,
            "focus_area": data.get("fokus") or None,
            "year": data.get("ar"),
        }


def type_filter_choices():
    from arena.library.queries import GOVERNING
    from arena.models import DocumentType

    return [("", _("All types")), (GOVERNING, _("Governing documents (all)")), *DocumentType.choices]
