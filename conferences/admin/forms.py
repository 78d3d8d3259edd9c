"""The admin form of a conference edition page."""

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm


class EditionPageForm(WagtailAdminPageForm):
    """A new edition lives at /motesplats/<year>/, the address the session form's help text promises.

    The browser fills the slug in from the title while a page is being created, so on creation a slug that is empty
    or is just the title's slug becomes the year. A slug the organiser typed stays, and an existing edition's address
    never changes by itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        data = self.cleaned_data
        if self.instance._state.adding and data.get("year") and "slug" in data:
            if not data["slug"] or data["slug"] == slugify(data.get("title", "")):
                data["slug"] = str(data["year"])
        return super().clean()
