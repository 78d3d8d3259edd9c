from django import forms
from django.utils.translation import gettext_lazy as _

from arena.models import FocusArea
from conferences.programme.constants import SessionType


class ProgrammeFilterForm(forms.Form):
    """Filters on the programme page; plain GET parameters so they work without JavaScript."""

    spar = forms.ModelChoiceField(queryset=None, required=False, label=_("Track"), empty_label=_("All tracks"))
    typ = forms.ChoiceField(required=False, label=_("Type"))
    fokus = forms.ModelChoiceField(
        queryset=FocusArea.objects.all(),
        required=False,
        label=_("Focus area"),
        empty_label=_("All focus areas"),
        to_field_name="slug",
    )

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spar"].queryset = edition.tracks.all()
        self.fields["typ"].choices = [("", _("All types")), *SessionType.choices]
