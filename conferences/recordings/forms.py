"""The filter form of the recordings archive: plain GET parameters, so it works without JavaScript and links can be
shared. Each list offers only values that have recordings; anything else is a bad filter (400 with a message)."""

from django import forms
from django.utils.translation import gettext_lazy as _

SEARCH_MAX_LENGTH = 200


class EditionYearField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.year)


class RecordingFilterForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.SearchInput,
        label=_("Search the recordings"),
        help_text=_("Searches titles, abstracts and what is said (the transcripts)."),
        error_messages={"max_length": _("The search text is too long: at most %(limit_value)d characters.")},
    )
    ar = EditionYearField(
        queryset=None,
        required=False,
        to_field_name="year",
        label=_("Year"),
        empty_label=_("All years"),
        error_messages={"invalid_choice": _("There are no recordings from that year.")},
    )
    fokus = forms.ModelChoiceField(
        queryset=None,
        required=False,
        to_field_name="slug",
        label=_("Focus area"),
        empty_label=_("All focus areas"),
        error_messages={"invalid_choice": _("There are no recordings in that focus area.")},
    )
    organisation = forms.ModelChoiceField(
        queryset=None,
        required=False,
        to_field_name="slug",
        label=_("Organisation"),
        empty_label=_("All organisations"),
        error_messages={"invalid_choice": _("There are no recordings involving that organisation.")},
    )

    def __init__(self, *args, recordings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ar"].queryset = recordings.editions()
        self.fields["fokus"].queryset = recordings.focus_areas()
        self.fields["organisation"].queryset = recordings.organisations()
