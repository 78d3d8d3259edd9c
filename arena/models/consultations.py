"""Consultations (*inspel*): a section of form pages, each open for answers between two moments.

The rules (is it open, who is mailed, rate limits, retention) live in `arena.consultations`; the pages only hold
the editor's content and hand their requests to it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from arena.blocks import BaseStreamBlock
from arena.consultations.forms import RESERVED_FIELD_NAMES

SHORT_RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


class ConsultationIndexPage(Page):
    """`/inspel/`: every consultation, open ones first."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["arena.HomePage"]
    subpage_types = ["arena.ConsultationPage"]
    max_count = 1
    in_related_pages = False  # a container: its consultations are the content
    search_container = True  # the site search ranks it below the consultations it holds
    template = "arena/consultations/consultation_index_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("consultation index")
        verbose_name_plural = _("consultation indexes")

    def get_context(self, request, *args, **kwargs):
        from arena.consultations import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.index_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        from arena.consultations import views

        return views.serve_index(request, self, super().serve(request, *args, **kwargs))


class ConsultationFormField(AbstractFormField):
    page = ParentalKey("ConsultationPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def clean(self):
        super().clean()
        if (self.clean_name or self.get_field_clean_name()) in RESERVED_FIELD_NAMES:
            raise ValidationError({"label": _("This label is reserved for the form itself. Choose another.")})


class ConsultationState(models.TextChoices):
    UPCOMING = "upcoming", pgettext_lazy("consultation", "Opens soon")
    OPEN = "open", pgettext_lazy("consultation", "Open")
    CLOSED = "closed", pgettext_lazy("consultation", "Closed")


class ConsultationPage(AbstractEmailForm):
    """One consultation: what it is about, the questions, when it is open, and what came of it."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    opens_at = models.DateTimeField(
        pgettext_lazy("consultation", "opens"),
        help_text=_("Swedish time. Before this the page says when it opens and shows no form."),
    )
    closes_at = models.DateTimeField(
        pgettext_lazy("consultation", "closes"),
        help_text=_("Swedish time. After this the page says the consultation is closed and takes no answers."),
    )
    privacy_notice = RichTextField(
        _("personal data (GDPR)"),
        features=SHORT_RICH_TEXT,
        help_text=_(
            "Why we ask for what we ask, who reads the answers and how long we keep them. The date when the "
            "answers are deleted is added automatically."
        ),
    )
    ask_for_email = models.BooleanField(
        _("ask for the respondent's e-mail address"),
        default=False,
        help_text=_("Adds an optional e-mail field. Only ask if you will answer or follow up."),
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=SHORT_RICH_TEXT)
    closed_summary = RichTextField(
        _("summary after closing"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol", "h3"],
        help_text=_(
            "Shown once the consultation has closed: what came in and what happens next. Leave empty to show none."
        ),
    )

    parent_page_types = ["arena.ConsultationIndexPage"]
    subpage_types = []
    template = "arena/consultations/consultation_page.html"
    landing_page_template = "arena/consultations/consultation_page_landing.html"
    preview_modes = [
        ("form", pgettext_lazy("consultation", "Form")),
        ("landing", pgettext_lazy("consultation", "Thank-you page")),
        ("closed", pgettext_lazy("consultation", "After closing")),
    ]

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
            heading=_("When answers are taken"),
        ),
        InlinePanel("form_fields", label=pgettext_lazy("consultation", "Questions")),
        FieldPanel("ask_for_email"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        FieldPanel("closed_summary"),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading=_("E-mail about new answers"),
            help_text=_("Answers are mailed to the page's owner; these addresses are used when the owner has none."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("closed_summary"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("privacy_notice"),
        APIField("closed_summary"),
    ]

    class Meta:
        verbose_name = pgettext_lazy("consultation", "consultation")
        verbose_name_plural = pgettext_lazy("consultation", "consultations")

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The consultation must close after it opens.")
        if not strip_tags(self.privacy_notice or "").strip():
            errors["privacy_notice"] = _("Say why you ask for what you ask and how long the answers are kept.")
        if errors:
            raise ValidationError(errors)

    def state(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return ConsultationState.UPCOMING
        if now < self.closes_at:
            return ConsultationState.OPEN
        return ConsultationState.CLOSED

    # --- The form (wagtail.contrib.forms), built and handled by arena.consultations ---

    def get_form_class(self):
        from arena.consultations.forms import ConsultationFormBuilder

        return ConsultationFormBuilder(self.get_form_fields(), ask_for_email=self.ask_for_email).get_form_class()

    def get_data_fields(self):
        from arena.consultations.forms import data_fields

        return data_fields(self, super().get_data_fields())

    def get_submissions_list_view_class(self):
        from arena.consultations.admin_views import ConsultationSubmissionsListView

        return ConsultationSubmissionsListView

    def process_form_submission(self, form):
        from arena.consultations import services

        return services.save_submission(self, form)

    def serve(self, request, *args, **kwargs):
        from arena.consultations import views

        return views.serve_consultation(request, self)

    def serve_preview(self, request, mode_name):
        from arena.consultations import views

        if mode_name == "landing":
            return self.render_landing_page(request)
        return views.preview_consultation(request, self, mode_name)
