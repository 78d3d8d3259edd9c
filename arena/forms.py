"""Form-builder limits for the arena's public forms."""

from wagtail.contrib.forms.forms import FormBuilder

MULTILINE_MAX_LENGTH = 5000


class BoundedFormBuilder(FormBuilder):
    """Caps free-text answers so a public form cannot be used to store arbitrarily large blobs."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)
