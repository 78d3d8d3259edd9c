"""Form-builder rules for the arena's public forms (the accessibility report, consultations)."""

from wagtail.contrib.forms.forms import FormBuilder

MULTILINE_MAX_LENGTH = 5000

# WCAG 1.3.5: a field asking about the person filling in the form names its purpose with an autocomplete token, so
# browsers can fill it in and assistive technology can mark it. Editors build these forms, so the purpose is read
# from the field: an e-mail field is the person's e-mail address, and a text field whose name (its label in snake
# case, e.g. "ditt_namn") contains one of these whole words asks for what the token says.
EMAIL_PURPOSE = "email"
PURPOSE_BY_WORD = {
    "namn": "name",
    "name": "name",
    "fornamn": "given-name",
    "efternamn": "family-name",
    "telefon": "tel",
    "telefonnummer": "tel",
    "mobilnummer": "tel",
    "phone": "tel",
    "organisation": "organization",
    "forvaltning": "organization",
    "foretag": "organization",
    "befattning": "organization-title",
    "yrkesroll": "organization-title",
}


def autocomplete_purpose(clean_name, field_type):
    """The autocomplete token for an editor-built field, or None when it asks about something else."""
    if field_type == "email":
        return EMAIL_PURPOSE
    if field_type != "singleline":
        return None
    for word in clean_name.split("_"):
        if word in PURPOSE_BY_WORD:
            return PURPOSE_BY_WORD[word]
    return None


class BoundedFormBuilder(FormBuilder):
    """Caps free-text answers so a public form cannot be used to store arbitrarily large blobs, and gives personal
    fields their autocomplete token."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    @property
    def formfields(self):
        formfields = super().formfields
        for field in self.fields:
            clean_name = field.clean_name or field.get_field_clean_name()  # unsaved fields (a preview) have none yet
            purpose = autocomplete_purpose(clean_name, field.field_type)
            formfield = formfields.get(clean_name)
            if purpose and formfield is not None:
                formfield.widget.attrs.setdefault("autocomplete", purpose)
        return formfields
