"""The admin's chooser for a project's related content: one <select> with a group per registered type (blog posts,
conference sessions, recordings …), offering only published items. The choice is stored as content type + id."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel

from arena.linkable_content import choice_value, grouped_choices, parse_choice_value


class ContentLinkForm(WagtailAdminModelForm):
    item = forms.ChoiceField(
        label=_("Content"),
        choices=grouped_choices,  # a callable: read when the form is shown, so new posts and sessions appear
        help_text=_("Published blog posts, conference sessions and recordings."),
        error_messages={"invalid_choice": _("Choose published content from the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.content_type_id and self.instance.object_id:
            self.initial["item"] = choice_value(self.instance.content_type_id, self.instance.object_id)

    def clean(self):
        cleaned_data = super().clean()
        pair = parse_choice_value(cleaned_data.get("item", ""))
        if pair is not None:
            self.instance.content_type_id, self.instance.object_id = pair
        return cleaned_data


class ContentLinkInlinePanel(InlinePanel):
    """An InlinePanel whose rows use ContentLinkForm (Wagtail builds the formset from this option)."""

    def __init__(self, relation_name, *args, **kwargs):
        kwargs.setdefault("panels", [FieldPanel("item")])
        super().__init__(relation_name, *args, **kwargs)

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = ContentLinkForm
        return options
