"""The public consultation form: the editor's questions (Wagtail's form builder, with arena's bounds), an optional
e-mail field and a honeypot.

Answers are plain text. Invisible control characters (which PostgreSQL and spreadsheets refuse) are removed as the
text comes in, and HTML markup is refused with a message, so what editors read and export is what people wrote.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.contrib.forms.forms import BaseForm

from arena.forms import MULTILINE_MAX_LENGTH, BoundedFormBuilder

# Names of the fields the builder adds to the editor's questions. Wagtail names the editor's fields after their
# labels in snake case; Swedish labels never give these English names.
HONEYPOT_FIELD = "website"
EMAIL_FIELD = "respondent_email"
RESERVED_FIELD_NAMES = (HONEYPOT_FIELD, EMAIL_FIELD)
SINGLELINE_MAX_LENGTH = 255

# C0 control characters other than tab, line feed and carriage return, and DEL. Word's soft line break (vertical
# tab) and form feed become line breaks; the rest carry nothing a reader can see.
LINE_BREAK_CONTROLS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# A complete tag (<b>, </p>, <a href=…>), a comment, or the opening of an element that runs code or loads content.
HTML_MARKUP = re.compile(
    r"<\s*/?\s*[a-z][^<>]*>|<!--|<\s*(script|style|iframe|object|embed|svg|img|link|meta)\b", re.IGNORECASE
)


def without_control_characters(value):
    return CONTROL_CHARACTERS.sub("", value.translate(LINE_BREAK_CONTROLS))


def validate_plain_text(value):
    if HTML_MARKUP.search(value):
        raise ValidationError(
            _("Write your answer as plain text: HTML code such as <script> is not accepted."), code="markup"
        )


class PlainTextField(forms.CharField):
    """A text answer: control characters removed, HTML refused."""

    default_validators = [validate_plain_text]

    def to_python(self, value):
        if isinstance(value, str):
            value = without_control_characters(value)
        return super().to_python(value)


def is_answered(value):
    return not (value is None or value is False or value == "" or value == [])


class ConsultationForm(BaseForm):
    """Knows which of its fields are the respondent's answers and which one is the trap for robots."""

    def answer_fields(self):
        """The bound fields people fill in (the honeypot is rendered apart, hidden from everyone)."""
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def honeypot_filled(self):
        """True when the hidden field has any value: only a robot fills in what no person can see."""
        return bool(self.is_bound and self.data.get(HONEYPOT_FIELD))

    def clean(self):
        cleaned_data = super().clean()
        if self.is_bound and not self.errors:
            answers = [value for name, value in cleaned_data.items() if name not in (HONEYPOT_FIELD, EMAIL_FIELD)]
            if not any(is_answered(value) for value in answers):
                raise ValidationError(_("Answer at least one question before you send."), code="empty")
        cleaned_data.pop(HONEYPOT_FIELD, None)
        return cleaned_data


class ConsultationFormBuilder(BoundedFormBuilder):
    def __init__(self, fields, ask_for_email=False):
        super().__init__(fields)
        self.ask_for_email = ask_for_email

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLELINE_MAX_LENGTH
        return PlainTextField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        options.setdefault("widget", forms.Textarea(attrs={"rows": 6}))
        return PlainTextField(**options)

    def create_dropdown_field(self, field, options):
        # A first, empty choice: otherwise the first option is sent by everyone who skips the question.
        options["choices"] = [("", pgettext_lazy("consultation", "Choose")), *self.get_formatted_field_choices(field)]
        return forms.ChoiceField(**options)

    def create_hidden_field(self, field, options):
        options["max_length"] = SINGLELINE_MAX_LENGTH
        options.setdefault("widget", forms.HiddenInput)
        return PlainTextField(**options)

    @property
    def formfields(self):
        fields = super().formfields
        if self.ask_for_email:
            fields[EMAIL_FIELD] = forms.EmailField(
                label=pgettext_lazy("consultation", "Your e-mail address"),
                required=False,
                max_length=254,
                help_text=_("Optional. Only if you would like an answer from us."),
                widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            )
        fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        return fields

    def get_form_class(self):
        return type("ConsultationForm", (ConsultationForm,), self.formfields)


def data_fields(page, fields):
    """The columns of the submissions listing and its CSV/XLSX export: Wagtail's, plus the e-mail address."""
    if page.ask_for_email:
        return [*fields, (EMAIL_FIELD, pgettext_lazy("consultation", "E-mail address"))]
    return fields
