from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from blogs.models.comments import COMMENT_MAX_LENGTH


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text, at most %(max)s characters. Links become clickable.") % {"max": COMMENT_MAX_LENGTH},
        error_messages={
            "required": _("Write a comment before you send it."),
            "max_length": _("The comment is too long: at most %(limit_value)d characters (it has %(show_value)d)."),
        },
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a comment before you send it."))
        return body


class CommentReportForm(forms.Form):
    """Which comment a reader reports. The id is checked before it reaches a query: text, an empty value or a number
    beyond PostgreSQL's bigint would fail there as a 500 instead of "no such comment"."""

    comment = forms.IntegerField(min_value=1, max_value=2**63 - 1)


class PostFilterForm(forms.Form):
    """The filters on /bloggar/. Unknown values are ignored rather than answered with an error page."""

    organisation = forms.SlugField(required=False, label=_("Organisation"))
    # Tag slugs are ASCII; an address from before (?tagg=förskola) still finds its tag.
    tagg = forms.SlugField(required=False, allow_unicode=True, label=_("Tag"))
    fokus = forms.SlugField(required=False, label=_("Focus area"))
    ar = forms.IntegerField(required=False, min_value=2000, max_value=2100, label=_("Year"))

    def clean_tagg(self):
        return slugify(self.cleaned_data["tagg"])
