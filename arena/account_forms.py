"""django-allauth's login form, with a failed login marked on its fields."""

from allauth.account.forms import LoginForm


class ArenaLoginForm(LoginForm):
    """allauth reports a wrong e-mail or password as an error of the whole form (never saying which, so the form
    does not reveal which accounts exist). Both fields are then marked invalid, as a field's own error marks it
    (WCAG 3.3.1); the error summary at the top of the form says what went wrong and takes focus."""

    def add_error(self, field, error):
        super().add_error(field, error)
        if field is None:
            for name in ("login", "password"):
                if name in self.fields:
                    self.fields[name].widget.attrs["aria-invalid"] = "true"
