"""The conference series page (/motesplats/) and one page per edition (/motesplats/<year>/)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from arena.blocks import BaseStreamBlock


class ConferenceSeriesPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), max_length=800, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["arena.HomePage"]
    subpage_types = ["conferences.ConferenceEditionPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("conference series")
        verbose_name_plural = pgettext_lazy("plural", "conference series")

    @path("")
    def index_route(self, request):
        from conferences.views import series_page

        return series_page(request, self)

    @path("inspelningar/")
    def recordings_route(self, request):
        from conferences.recording_views import recordings_archive

        return recordings_archive(request, self)


class OrganiserSerializer(serializers.Serializer):
    """An organising organisation in the API: what identifies it publicly, none of its internal fields."""

    name = serializers.CharField()
    slug = serializers.SlugField()
    website = serializers.URLField()


class ConferenceEditionPage(RoutablePageMixin, Page):
    class Format(models.TextChoices):
        DIGITAL = "digital", _("Digital")
        HYBRID = "hybrid", _("Hybrid")
        ON_SITE = "on_site", _("On site")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    date = models.DateField(_("date"))
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    intro = models.TextField(_("introduction"), max_length=800, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.DIGITAL)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    stream_url = models.URLField(_("stream link"), blank=True)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places for the day"),
        null=True,
        blank=True,
        help_text=_("Leave empty for unlimited (e.g. a digital conference). Beyond it, attendees join a waiting list."),
    )
    organisers = ParentalManyToManyField(
        "arena.Organisation", verbose_name=_("organising organisations"), blank=True, related_name="+"
    )

    parent_page_types = ["conferences.ConferenceSeriesPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("year"), FieldPanel("date")]),
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("venue"), FieldPanel("stream_url"), FieldPanel("organisers")],
            heading=_("The day"),
        ),
        InlinePanel(
            "stream_links",
            label=_("More stream links"),
            help_text=_("Further streams of the day, e.g. one with sign language interpretation, each with a label."),
        ),
        FieldRowPanel(
            [FieldPanel("registration_opens"), FieldPanel("registration_closes"), FieldPanel("capacity")],
            heading=_("Registration"),
        ),
        InlinePanel("tracks", label=_("Tracks and rooms")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("theme"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("year"),
        APIField("date"),
        APIField("theme"),
        APIField("intro"),
        APIField("body"),
        APIField("format"),
        APIField("venue"),
        APIField("stream_url"),
        APIField("stream_links"),
        APIField("registration_opens"),
        APIField("registration_closes"),
        APIField("organisers", serializer=OrganiserSerializer(many=True)),
        APIField("tracks"),
    ]

    class Meta:
        verbose_name = _("conference edition")
        verbose_name_plural = _("conference editions")
        ordering = ["-date"]

    def clean(self):
        super().clean()
        if self.date and self.year and self.date.year != self.year:
            raise ValidationError({"date": _("The date must be in the edition's year.")})
        if self.registration_opens and self.registration_closes and self.registration_closes <= self.registration_opens:
            raise ValidationError({"registration_closes": _("Registration must close after it opens.")})

    @path("")
    def index_route(self, request):
        from conferences.views import edition_page

        return edition_page(request, self)

    @path("program/")
    def programme_route(self, request):
        from conferences.views import programme_page

        return programme_page(request, self)

    @path("program/<slug:code>/")
    def session_route(self, request, code):
        from conferences.views import session_page

        return session_page(request, self, code)

    # Wagtail routes a sub-path with a trailing slash added ("program.ics" arrives as "program.ics/"); the
    # files themselves are served without one, through the dotted-path pattern in arena/urls.py.
    @path("program/<slug:code>.ics/")
    def session_ics_route(self, request, code):
        from conferences.exporters import session_ics_response

        return session_ics_response(request, self, code)

    @path("program.ics/")
    def programme_ics_route(self, request):
        from conferences.exporters import programme_ics_response

        return programme_ics_response(request, self)

    @path("program.json/")
    def programme_json_route(self, request):
        from conferences.exporters import programme_json_response

        return programme_json_response(request, self)

    @path("anmalan/")
    def registration_route(self, request):
        from conferences.registration_views import registration_page

        return registration_page(request, self)

    @path("anmalan/avboka/<int:registration_id>/")
    def cancel_registration_route(self, request, registration_id):
        from conferences.registration_views import cancel_registration

        return cancel_registration(request, self, registration_id)

    @path("talare/")
    def speakers_route(self, request):
        from conferences.views import speakers_page

        return speakers_page(request, self)

    @path("talare/<slug:slug>/")
    def speaker_route(self, request, slug):
        from conferences.views import speaker_page

        return speaker_page(request, self, slug)


class EditionTrack(Orderable):
    """A parallel track of the day, usually one (digital) room."""

    page = ParentalKey(ConferenceEditionPage, on_delete=models.CASCADE, related_name="tracks")
    name = models.CharField(_("name"), max_length=100)
    room = models.CharField(_("room or channel"), max_length=100, blank=True)

    panels = [FieldPanel("name"), FieldPanel("room")]
    api_fields = [APIField("name"), APIField("room")]

    class Meta(Orderable.Meta):
        verbose_name = _("track")
        verbose_name_plural = _("tracks")

    def __str__(self):
        return f"{self.name} ({self.page.year})" if self.page_id else self.name


class EditionStreamLink(Orderable):
    """A further stream of the day besides the edition's main stream link, e.g. with sign language interpretation."""

    page = ParentalKey(ConferenceEditionPage, on_delete=models.CASCADE, related_name="stream_links")
    label = models.CharField(
        _("label"), max_length=100, help_text=_("What the stream offers, e.g. “With sign language interpretation”.")
    )
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]
    api_fields = [APIField("label"), APIField("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("stream link")
        verbose_name_plural = _("stream links")

    def __str__(self):
        return self.label
