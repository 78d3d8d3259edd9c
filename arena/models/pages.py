"""The arena's own page types. Each child type names its parents (parent_page_types) so the tree stays strict
while other apps can hang their sections under the home page without arena importing them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from arena.blocks import BaseStreamBlock
from arena.forms import BoundedFormBuilder


class HomePage(Page):
    search_container = True  # holds every section: never ranked above what it holds (arena.search.sources)

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("featured_projects", label=_("Featured change project"), heading=_("Featured change projects")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from arena.models import Organisation

        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = Organisation.objects.active().only("name", "slug", "kind", "cluster")
        return context


class StandardPage(Page):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["arena.HomePage", "arena.StandardPage"]
    subpage_types = ["arena.StandardPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class AccessibilityReportField(AbstractFormField):
    page = ParentalKey("AccessibilityStatementPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = _("report form field")
        verbose_name_plural = _("report form fields")


class AccessibilityStatementPage(AbstractEmailForm):
    """The accessibility statement required by the DOS law, with the form for reporting a problem."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("statement"), blank=True)
    form_intro = RichTextField(
        _("text before the form"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Say why we ask for each piece of information and how long we keep it."),
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "italic", "link"])

    form_builder = BoundedFormBuilder
    parent_page_types = ["arena.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("form_intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail to the accessibility team"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def send_mail(self, form):
        # Mail goes through Celery so a slow mail server never holds up the person reporting.
        from arena.tasks import enqueue, send_mail_message

        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        content = self.render_email(form)
        enqueue(
            send_mail_message,
            subject=self.subject,
            body=content,
            recipients=addresses,
            sender=self.from_address or None,
        )
