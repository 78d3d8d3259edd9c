"""Recordings of sessions, published after the day: an uploaded video or an external link, captions in one or more
languages (WebVTT) and a transcript that the archive's search covers."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from arena.models import FocusArea, Organisation, Person
from arena.search_text import clean_search_text
from conferences.recordings.validation import VIDEO_TYPES, validate_video_file, validate_webvtt_file, video_mime_type

from .sessions import Session, SessionSpeaker


class RecordingQuerySet(models.QuerySet):
    """The recordings archive (/motesplats/inspelningar/) narrows, searches and lists recordings with these."""

    def published(self):
        """Recordings whose session is published in a published edition."""
        return self.filter(session__live=True, session__edition__live=True)

    def narrowed(self, *, edition=None, focus_area=None, organisation=None):
        """An organisation matches when it is involved in the session or a speaker belongs to it."""
        recordings = self
        if edition is not None:
            recordings = recordings.filter(session__edition=edition)
        if focus_area is not None:
            # Subqueries rather than joins, so a session with several matches is still listed once.
            recordings = recordings.filter(session__in=Session.objects.filter(focus_areas=focus_area).values("pk"))
        if organisation is not None:
            involved = Session.objects.filter(
                Q(organisations=organisation) | Q(session_speakers__person__organisation=organisation)
            )
            recordings = recordings.filter(session__in=involved.values("pk"))
        return recordings

    def matching(self, query):
        """Those whose transcript, session title or abstract match `query` (Wagtail search).

        The search backend only sees the index, so the other filters are applied in the database; the order stays
        this queryset's, not relevance. Only ids are loaded from the search, never the long transcripts."""
        text = clean_search_text(query)
        if not text:
            return self.none()
        results = get_search_backend().search(text, Recording.objects.order_by().only("pk"), order_by_relevance=False)
        return self.filter(pk__in=[recording.pk for recording in results])

    def for_archive_listing(self):
        """What an archive item shows (session, edition, speakers, caption languages) in a fixed number of queries.

        The transcripts themselves stay in the database (an hour's talk is tens of kilobytes); the list only says
        whether there is one."""
        has_transcript = ExpressionWrapper(~Q(transcript=""), output_field=BooleanField())
        return (
            self.defer("transcript")
            .annotate(has_transcript=has_transcript)
            .select_related("session", "session__edition")
            .prefetch_related(
                Prefetch(
                    "session__session_speakers",
                    queryset=SessionSpeaker.objects.select_related("person", "person__organisation"),
                ),
                Prefetch("captions", queryset=RecordingCaption.objects.order_by("sort_order", "pk")),
            )
        )

    def editions(self):
        """The editions these recordings are from, newest first."""
        # The edition model through the session's key: models/pages.py imports this module, not the other way.
        editions = Session._meta.get_field("edition").related_model.objects
        return editions.filter(pk__in=self.values("session__edition")).order_by("-year")

    def focus_areas(self):
        links = Session.focus_areas.through.objects.filter(session__in=self.values("session"))
        return FocusArea.objects.filter(pk__in=links.values("focusarea"))

    def organisations(self):
        """Organisations involved in a recorded session or employing one of its speakers."""
        sessions = self.values("session")
        involved = Session.organisations.through.objects.filter(session__in=sessions).values("organisation")
        employing = Person.objects.filter(conference_sessions__session__in=sessions).values("organisation")
        return Organisation.objects.filter(Q(pk__in=involved) | Q(pk__in=employing)).order_by("name")


class Recording(index.Indexed, ClusterableModel):
    session = models.OneToOneField(
        "conferences.Session", verbose_name=_("session"), on_delete=models.CASCADE, related_name="recording"
    )
    video = models.FileField(
        _("video file"),
        upload_to="recordings/",
        blank=True,
        validators=[validate_video_file],
        help_text=_("MP4, WebM or Ogg. Either upload a file or give an external link."),
    )
    external_url = models.URLField(
        _("external video link"),
        blank=True,
        help_text=_("A link to the video elsewhere, e.g. the city's video service."),
    )
    transcript = models.TextField(
        _("transcript"), blank=True, help_text=_("The full text of what is said, for those who read rather than watch.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecordingQuerySet.as_manager()

    panels = [
        FieldPanel("session"),
        MultiFieldPanel([FieldPanel("video"), FieldPanel("external_url")], heading=_("Video")),
        InlinePanel("captions", label=_("Captions (WebVTT)"), heading=_("Captions")),
        FieldPanel("transcript"),
    ]
    search_fields = [
        index.SearchField("transcript"),
        index.RelatedFields("session", [index.SearchField("title"), index.SearchField("abstract")]),
    ]

    class Meta:
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")
        ordering = ["-session__start"]

    def __str__(self):
        return str(self.session) if self.session_id else str(_("recording"))

    def clean(self):
        super().clean()
        if bool(self.video) == bool(self.external_url):
            raise ValidationError(_("Give either a video file or an external link, not both and not neither."))

    @property
    def mime_type(self):
        if self.video:
            return video_mime_type(self.video.name)
        return video_mime_type(self.external_url.split("?", 1)[0])

    @property
    def plays_here(self):
        """True when the browser's own player can play it: an uploaded file or a direct link to a video file."""
        return bool(self.video) or self.external_url.split("?", 1)[0].lower().endswith(tuple(VIDEO_TYPES))

    @property
    def video_url(self):
        return self.video.url if self.video else self.external_url


class RecordingCaption(Orderable):
    class Language(models.TextChoices):
        SWEDISH = "sv", _("Swedish")
        ENGLISH = "en", _("English")
        FINNISH = "fi", _("Finnish")
        ARABIC = "ar", _("Arabic")
        PLAIN_SWEDISH = "sv-x-latt", _("Easy-to-read Swedish")

    recording = ParentalKey(Recording, on_delete=models.CASCADE, related_name="captions")
    language = models.CharField(_("language"), max_length=12, choices=Language.choices, default=Language.SWEDISH)
    file = models.FileField(_("WebVTT file"), upload_to="recordings/captions/", validators=[validate_webvtt_file])

    panels = [FieldPanel("language"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("caption track")
        verbose_name_plural = _("caption tracks")
        constraints = [
            models.UniqueConstraint(
                fields=["recording", "language"],
                name="one_caption_track_per_language",
                violation_error_message=_("The recording already has captions in this language."),
            )
        ]

    def __str__(self):
        return self.get_language_display()

    @property
    def srclang(self):
        """The BCP 47 tag for <track srclang>; easy-to-read Swedish is Swedish to the browser."""
        return self.language.split("-", 1)[0]
