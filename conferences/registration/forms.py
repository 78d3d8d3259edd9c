"""The attendee's registration form: the conference day (with needs) and the workshops that take registrations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from conferences.models import Registration, Session

NEEDS_MAX_LENGTH = Registration._meta.get_field("needs").max_length


class RegistrationForm(forms.Form):
    attend_day = forms.BooleanField(required=False, label=_("I will attend the conference day"))
    needs = forms.CharField(
        required=False,
        max_length=NEEDS_MAX_LENGTH,
        strip=True,
        label=_("Accessibility or other needs"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Optional, e.g. sign language interpretation, a hearing loop or food allergies. At most %(max)s "
            "characters. Only the organisers see it, to plan the day."
        )
        % {"max": NEEDS_MAX_LENGTH},
        error_messages={
            "max_length": _("Describe your needs in at most %(limit_value)d characters (you wrote %(show_value)d)."),
        },
    )
    sessions = forms.ModelMultipleChoiceField(
        queryset=Session.objects.none(),
        required=False,
        label=_("Workshops"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose among the workshops listed."),
            "invalid_pk_value": _("Choose among the workshops listed."),
        },
    )

    def __init__(self, *args, sessions, registered_for_day=False, **kwargs):
        """`sessions`: the registrable sessions the attendee may still choose; `registered_for_day`: whether they
        already hold a registration for the day (then the form only updates their needs and adds workshops)."""
        super().__init__(*args, **kwargs)
        self.registered_for_day = registered_for_day
        self.fields["sessions"].queryset = sessions

    def clean_sessions(self):
        chosen = sorted(self.cleaned_data["sessions"], key=lambda session: (session.start, session.pk))
        for earlier, later in zip(chosen, chosen[1:], strict=False):
            if later.start < earlier.end:
                raise forms.ValidationError(
                    _("“%(first)s” and “%(second)s” run at the same time. Choose one of them.")
                    % {"first": earlier.title, "second": later.title},
                    code="overlap",
                )
        return chosen

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (self.registered_for_day or cleaned.get("attend_day") or cleaned.get("sessions")):
            raise forms.ValidationError(
                _("Tick the conference day or at least one workshop to register."), code="nothing_chosen"
            )
        return cleaned

    def wants_day(self):
        return self.registered_for_day or self.cleaned_data["attend_day"] or bool(self.cleaned_data["sessions"])
