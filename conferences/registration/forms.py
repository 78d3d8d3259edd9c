"""The attendee's registration form: the conference day (with needs), the workshops that take registrations and, for
someone in several organisations, which one they register for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from conferences.registration.constants import NEEDS_MAX_LENGTH


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
        queryset=None,
        required=False,
        label=_("Workshops"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose among the workshops listed."),
            "invalid_pk_value": _("Choose among the workshops listed."),
        },
    )

    def __init__(self, *args, sessions, organisations, registered_for_day=False, **kwargs):
        """`sessions`: the registrable sessions the attendee may still choose; `organisations`: the attendee's own
        (asked for only when there are several: one is simply theirs); `registered_for_day`: whether they already
        hold a registration for the day (then the form only updates their needs and adds workshops)."""
        super().__init__(*args, **kwargs)
        self.registered_for_day = registered_for_day
        self.fields["sessions"].queryset = sessions
        self.organisations = organisations
        if len(organisations) > 1:
            # Only the attendee's own organisations are valid: any other value is refused with a message.
            self.fields["organisation"] = forms.ModelChoiceField(
                queryset=organisations,
                label=_("Which organisation are you registering for?"),
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose the organisation you are registering for."),
                    "invalid_choice": _("Choose one of your own organisations."),
                },
            )

    def add_error(self, field, error):
        super().add_error(field, error)
        if field is None and "attend_day" in self.fields:
            # A form-level error (nothing chosen, a refusal from the rules) is about the choices: the day's
            # checkbox is marked invalid like the workshops' (Django marks only a field's own errors).
            self.fields["attend_day"].widget.attrs["aria-invalid"] = "true"

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

    def organisation(self):
        """The organisation the registrations are made for: the one chosen, the attendee's only one, or none."""
        if "organisation" in self.fields:
            return self.cleaned_data["organisation"]
        return self.organisations.first()

    def wants_day(self):
        return self.registered_for_day or self.cleaned_data["attend_day"] or bool(self.cleaned_data["sessions"])
