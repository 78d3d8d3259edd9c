"""The admin form of a conference edition page."""

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm


class EditionPageForm(WagtailAdminPageForm):
    """A new edition lives at /motesplats/<year>/, the address the session form's help text promises.

    Until an edition is first published the browser keeps filling the slug in from the title (also in the
    background saves of autosave), so until then a slug that is empty or is just the title's slug becomes the year.
    A slug the organiser typed stays, and a published edition's address never changes by itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._never_published() and "slug" in self.fields:
            self.fields["slug"].required = False

    def _never_published(self):
        return self.instance.first_published_at is None

    def clean(self):
        data = self.cleaned_data
        if self._never_published() and data.get("year") and "slug" in data:
            if not data["slug"] or data["slug"] == slugify(data.get("title", "")):
                data["slug"] = str(data["year"])
        return super().clean()

    def get_field_updates_for_resave(self):
        # After an autosave the open editor shows the address it was saved under, not the title's slug.
        updates = super().get_field_updates_for_resave()
        if "slug" in self.fields and self.cleaned_data.get("slug") != self.data.get(self.add_prefix("slug")):
            updates.append((self.add_prefix("slug"), self.cleaned_data["slug"]))
        return updates
