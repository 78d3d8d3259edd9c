"""The conference series page (/motesplats/) and one page per edition (/motesplats/<year>/).

The pages declare their addresses (routes) and what they read from the database; each route hands the page to a
function in conferences.programme, .recordings or .registration that makes the response. Those modules never import
the models: what they need comes through the page they are given."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from arena import fragments
from arena.blocks import BaseStreamBlock
from arena.models import Person
from conferences import sitemap
from conferences.admin.forms import EditionPageForm
from conferences.programme import exporters, schedule
from conferences.programme import pages as programme_pages
from conferences.recordings import pages as recording_pages
from conferences.recordings.feed import RecordingsFeed
from conferences.registration import pages as registration_pages

from .recordings import Recording, RecordingCaption
from .sessions import Session, SessionChange


class ConferenceSeriesPage(RoutablePageMixin, Page):
    search_container = True  # the site search ranks it below the editions and sessions it holds

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
        return programme_pages.series_page(request, self)

    @path("inspelningar/")
    def recordings_route(self, request):
        return recording_pages.recordings_archive(request, self)

    @path("inspelningar/rss/")
    def recordings_feed_route(self, request):
        return fragments.cached(request, "recordings-feed", lambda: RecordingsFeed(self)(request), per_audience=False)

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) + sitemap.series_urls(self, request)

    def editions(self):
        """The published editions that anyone may see, newest first."""
        return ConferenceEditionPage.objects.live().public().child_of(self).order_by("-date")

    def recordings(self):
        """The recordings archive: recordings of published sessions in those editions, newest first.

        A session marked "do not record" never shows a recording, even if one was uploaded by mistake; like on the
        session page, a recording with neither a file nor a link is left out."""
        return (
            Recording.objects.filter(
                session__live=True, session__do_not_record=False, session__edition__in=self.editions().order_by()
            )
            .exclude(video="", external_url="")
            .order_by("-session__start", "-pk")
        )


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

    # Nullable only so that a draft (autosave of a new edition before the organiser has typed the year and date)
    # can be saved; Wagtail still requires both to publish, and every live edition has them.
    year = models.PositiveSmallIntegerField(_("year"), unique=True, null=True)
    date = models.DateField(_("date"), null=True)
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
    base_form_class = EditionPageForm
    search_organisations = ("organisers",)  # the site search's organisation facet

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
        return programme_pages.edition_page(request, self)

    @path("program/")
    def programme_route(self, request):
        return programme_pages.programme_page(request, self)

    @path("program/<slug:code>/")
    def session_route(self, request, code):
        return programme_pages.session_page(request, self, code)

    # The exports and the feed hold only published sessions of editions that the visitor has been let into, the same
    # for everyone: signed-in visitors (whom the anonymous page cache never serves) get the response as cached once
    # per content version (arena.fragments).
    # The files are served without a trailing slash (through the dotted-path pattern in arena/urls.py), but Wagtail
    # hands a route its sub-path with one added ("program.ics" arrives as "program.ics/"): the optional slash
    # matches both, and reversing these routes gives the address without it.
    @re_path(r"^program/(?P<code>[-a-zA-Z0-9_]+)\.ics/?$")
    def session_ics_route(self, request, code):
        return fragments.cached(
            request, "session.ics", lambda: exporters.session_ics_response(self, code), per_audience=False
        )

    @re_path(r"^program\.ics/?$")
    def programme_ics_route(self, request):
        return fragments.cached(
            request, "program.ics", lambda: exporters.programme_ics_response(self), per_audience=False
        )

    @re_path(r"^program\.json/?$")
    def programme_json_route(self, request):
        return fragments.cached(
            request, "program.json", lambda: exporters.programme_json_response(self), per_audience=False
        )

    @re_path(r"^schedule\.xml/?$")
    def schedule_xml_route(self, request):
        return fragments.cached(
            request, "schedule.xml", lambda: schedule.schedule_xml_response(self), per_audience=False
        )

    @re_path(r"^schedule\.json/?$")
    def schedule_json_route(self, request):
        return fragments.cached(
            request, "schedule.json", lambda: schedule.schedule_json_response(self), per_audience=False
        )

    @path("anmalan/")
    def registration_route(self, request):
        return registration_pages.registration_page(request, self)

    @path("anmalan/avboka/<int:registration_id>/")
    def cancel_registration_route(self, request, registration_id):
        return registration_pages.cancel_registration(request, self, registration_id)

    @path("talare/")
    def speakers_route(self, request):
        return programme_pages.speakers_page(request, self)

    @path("talare/<slug:slug>/")
    def speaker_route(self, request, slug):
        return programme_pages.speaker_page(request, self, slug)

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) + sitemap.edition_urls(self, request)

    def route_url(self, name, *args, **kwargs):
        """The address of one of this page's routes, e.g. route_url("session_route", code="inledning")."""
        return self.url + self.reverse_subpage(name, args=args, kwargs=kwargs)

    def programme(self):
        """The published sessions, ordered and with everything a programme row shows."""
        return self.sessions.published().for_programme()

    def programme_with_recordings(self, *, transcripts=True):
        """The programme with each session's recording and its caption tracks: two queries, however many tracks.

        With transcripts=False the (long) transcripts stay in the database and each session carries
        `recording_has_transcript` instead, for exports of the whole day."""
        sessions = (
            self.programme()
            .select_related("recording")
            .prefetch_related(
                Prefetch("recording__captions", queryset=RecordingCaption.objects.order_by("sort_order", "pk"))
            )
        )
        if transcripts:
            return sessions
        return sessions.defer("recording__transcript").annotate(
            recording_has_transcript=ExpressionWrapper(~Q(recording__transcript=""), output_field=BooleanField())
        )

    def programme_changes(self):
        """The published sessions' moves in time, latest first."""
        return SessionChange.objects.filter(session__edition=self, session__live=True).select_related("session")

    def speakers(self):
        return (
            Person.objects.filter(conference_sessions__session__edition=self, conference_sessions__session__live=True)
            .select_related("organisation", "photo")
            .prefetch_related("photo__renditions")
            .distinct()
            .order_by("name")
        )

    def speaker_sessions(self, person):
        """A speaker's published sessions across the years, newest first, for their page under this edition.

        Only published editions count. Other years' editions must also be open to everyone (the page may be seen by
        anyone); this edition is the page being shown, which the visitor has already been let into."""
        return (
            Session.objects.published()
            .filter(session_speakers__person=person, edition__live=True)
            .filter(Q(edition=self) | Q(edition__in=ConferenceEditionPage.objects.public().values("pk")))
            .select_related("edition", "track")
            .order_by("-start")
        )

    def lock_row(self):
        """This edition's row read again and locked (SELECT … FOR UPDATE) until the transaction ends: registrations
        for the day are counted one request at a time."""
        return type(self).objects.select_for_update(of=("self",)).get(pk=self.pk)


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
