"""Snippet choosers whose button texts follow the reader's language.

Wagtail's snippet chooser formats "Choose %(object)s" once, when the snippet is registered, and every form reuses
that text: in whatever language was active then — English inside `manage.py migrate`, or the language of the first
visitor after a restart. Here the texts stay lazy and are translated each time a form is shown. Arena's snippets that
other models point to (organisations, people, focus areas) use `SnippetChooserViewSet` as their chooser viewset.
"""

from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext
from wagtail.snippets.views.chooser import SnippetChooserViewSet as WagtailSnippetChooserViewSet
from wagtail.snippets.widgets import AdminSnippetChooser


def translated_later(message, **values):
    """`message` (a msgid with %(name)s placeholders) translated and filled in when it is shown, not now."""
    return lazy(lambda: gettext(message) % values, str)()


class TranslatedSnippetChooser(AdminSnippetChooser):
    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        name = model._meta.verbose_name
        # The msgids are Wagtail's own (wagtail/snippets/widgets.py), so Wagtail's catalogue translates them.
        self.choose_one_text = translated_later("Choose %(object)s", object=name)
        self.choose_another_text = translated_later("Choose another %(object)s", object=name)
        self.link_to_chosen_text = translated_later("Edit this %(object)s", object=name)


class SnippetChooserViewSet(WagtailSnippetChooserViewSet):
    @cached_property
    def widget_class(self):
        return TranslatedSnippetChooser(model=self.model, icon=self.icon)
