"""Forms of the change-project pages: the index's filters and the staff's proposal form."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from arena.models import Organisation, ProjectStatus

PROPOSAL_TITLE_MAX = 120
PROPOSAL_SUMMARY_MAX = 600
PROPOSAL_TEXT_MAX = 3000
MARKUP = re.compile(r"<\s*[a-zA-Z!/?]")


class ProjectFilterForm(forms.Form):
    """The filters on /forandringsprojekt/. A value that is not among the choices is reported (400) and ignored."""

    organisation = forms.ChoiceField(required=False, label=_("Organisation"))
    status = forms.ChoiceField(required=False, label=_("Status"))
    fokus = forms.ChoiceField(required=False, label=_("Focus area"))
    ar = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label=_("Year"))

    def __init__(self, data, *, organisations, focus_areas, years):
        # A NUL byte can never be a valid value, and must not reach the database or the page: drop it here.
        self.refused = sorted(key for key in self.base_fields if "\x00" in data.get(key, ""))
        if self.refused:
            data = data.copy()
            for key in self.refused:
                data[key] = ""
        super().__init__(data)
        self.fields["organisation"].choices = [("", _("All organisations"))] + [
            (organisation.slug, organisation.name) for organisation in organisations
        ]
        self.fields["status"].choices = [("", _("All statuses"))] + list(ProjectStatus.choices)
        self.fields["fokus"].choices = [("", _("All focus areas"))] + [(area.slug, area.name) for area in focus_areas]
        self.fields["ar"].choices = [("", _("All years"))] + [(year, year) for year in years]

    def clean(self):
        cleaned_data = super().clean()
        if self.refused:
            raise forms.ValidationError(_("The filter contained characters that are not allowed, so it was ignored."))
        return cleaned_data

    def active_filters(self):
        """The valid, non-empty filters (a bad one is left out while the others still apply)."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value not in ("", None)}


def plain_text(value):
    if MARKUP.search(value):
        raise forms.ValidationError(_("Write plain text without HTML code (no < followed by a letter)."))


class ProposalForm(forms.Form):
    """A short proposal for a change project from any logged-in staff member."""

    title = forms.CharField(
        label=_("Name of the project"),
        max_length=PROPOSAL_TITLE_MAX,
        validators=[plain_text],
        error_messages={"required": _("Give the project a name.")},
    )
    organisation = forms.ModelChoiceField(
        label=_("Owning organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
        error_messages={
            "required": _("Choose the organisation that would own the project."),
            "invalid_choice": _("Choose an organisation from the list."),
        },
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=PROPOSAL_SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[plain_text],
        help_text=_("In a few sentences: what the project would do. At most %(max)s characters.")
        % {"max": PROPOSAL_SUMMARY_MAX},
        error_messages={"required": _("Write a short summary.")},
    )
    need = forms.CharField(
        label=_("Need or problem"),
        max_length=PROPOSAL_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[plain_text],
        help_text=_("Who has the need, and what is hard today? At most %(max)s characters.")
        % {"max": PROPOSAL_TEXT_MAX},
        error_messages={"required": _("Describe the need or problem.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.active().order_by("name")
        for name in ("title", "summary", "need"):
            self.fields[name].error_messages["max_length"] = _(
                "The text is too long: at most %(limit_value)d characters (it has %(show_value)d)."
            )
