"""Programme items. Sessions are snippets with draft/publish, so organisers prepare the programme unpublished."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin
from wagtail.search import index

from arena.blocks import DocumentLinkBlock
from arena.user_rights import has_perm
from conferences.programme.constants import SessionType
from conferences.programme.times import site_time


class SessionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def for_user(self, user):
        """What a user may see: organisers (who may change sessions) and superusers every session, drafts
        included; everyone else the published sessions of published editions."""
        if user.is_authenticated and has_perm(user, "conferences.change_session"):
            return self.all()
        return self.filter(live=True, edition__live=True)

    def for_programme(self):
        """Everything a programme row needs, in a fixed number of queries."""
        return (
            self.select_related("track")
            .prefetch_related(
                models.Prefetch(
                    "session_speakers",
                    queryset=SessionSpeaker.objects.select_related("person", "person__organisation"),
                ),
                "organisations",
                "focus_areas",
            )
            .order_by("start", "track__sort_order", "title")
        )

    def filtered(self, *, track=None, session_type=None, focus_area=None):
        """The programme page's filters: a track (pk), a type and a focus area (slug); empty ones don't narrow."""
        sessions = self
        if track:
            sessions = sessions.filter(track_id=track)
        if session_type:
            sessions = sessions.filter(session_type=session_type)
        if focus_area:
            sessions = sessions.filter(focus_areas__slug=focus_area).distinct()
        return sessions


class Session(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    Type = SessionType

    edition = models.ForeignKey(
        "conferences.ConferenceEditionPage",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="sessions",
        limit_choices_to={"year__isnull": False},  # not a new edition's draft that has no year and day yet
    )
    code = models.SlugField(
        _("address"),
        max_length=80,
        help_text=_("Used in the session's address: /motesplats/<year>/program/<address>/."),
    )
    title = models.CharField(_("title"), max_length=200)
    abstract = models.TextField(_("abstract"), blank=True, max_length=4000)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    track = models.ForeignKey(
        "conferences.EditionTrack",
        verbose_name=_("track"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    session_type = models.CharField(_("type"), max_length=20, choices=Type.choices, default=Type.TALK)
    organisations = ParentalManyToManyField(
        "arena.Organisation", verbose_name=_("organisations involved"), blank=True, related_name="conference_sessions"
    )
    external_organisations = models.CharField(
        _("external guests"),
        max_length=300,
        blank=True,
        help_text=_("Organisations outside the arena, e.g. Helsingborgs stad, comma separated."),
    )
    focus_areas = ParentalManyToManyField(
        "arena.FocusArea", verbose_name=_("focus areas"), blank=True, related_name="conference_sessions"
    )
    is_featured = models.BooleanField(_("featured"), default=False)
    do_not_record = models.BooleanField(_("do not record"), default=False)
    materials = StreamField([("document", DocumentLinkBlock())], verbose_name=_("slides and material"), blank=True)
    registration_required = models.BooleanField(
        _("requires registration"),
        default=False,
        help_text=_("Attendees register for this session separately, e.g. a workshop with limited places."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for unlimited. When the places are taken, new registrations join a waiting list."),
    )

    # What calendars need to keep a session in sync (conferences.programme.exporters): SEQUENCE rises with every
    # published time change (conferences.signals), so a calendar takes the new time over the old one; CREATED and
    # LAST-MODIFIED. Bookkeeping of the row, never of a revision (see with_content_json).
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("edition"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Time (Europe/Stockholm)")),
        FieldRowPanel([FieldPanel("track"), FieldPanel("session_type")]),
        FieldPanel("abstract"),
        InlinePanel("session_speakers", label=_("Speakers")),
        MultiFieldPanel(
            [FieldPanel("organisations"), FieldPanel("external_organisations"), FieldPanel("focus_areas")],
            heading=_("Who and what"),
        ),
        FieldRowPanel([FieldPanel("is_featured"), FieldPanel("do_not_record")]),
        FieldRowPanel([FieldPanel("registration_required"), FieldPanel("capacity")], heading=_("Registration")),
        FieldPanel("materials"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("abstract"),
        index.SearchField("speaker_names"),
        index.FilterField("live"),
        index.FilterField("edition_id"),
    ]

    class Meta:
        ordering = ["start", "title"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "code"],
                name="session_code_unique_per_edition",
                violation_error_message=_("Another session in this edition already uses this address."),
            ),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="session_ends_after_start"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The session must end after it starts.")})
        if self.start and self.edition_id and site_time(self.start).date() != self.edition.date:
            raise ValidationError({"start": _("The session must be on the day of the conference.")})
        if self.track_id and self.edition_id and self.track.page_id != self.edition_id:
            raise ValidationError({"track": _("The track belongs to another edition of the conference.")})
        if self.capacity is not None and not self.registration_required:
            raise ValidationError(
                {"capacity": _("Places can only be limited for a session that requires registration.")}
            )
        if self.start and self.end and self.track_id:
            # Only published sessions hold a room: a draft (one autosave made while the form was being filled in,
            # or this session's own earlier draft) must never keep an organiser out of it. A live session's row
            # holds its published times; a draft of changes to it lives in a revision.
            overlapping = (
                Session.objects.published()
                .filter(track_id=self.track_id, start__lt=self.end, end__gt=self.start)
                .exclude(pk=self.pk)
                .first()
            )
            if overlapping is not None:
                raise ValidationError(
                    {
                        "start": _("The room is already taken by “%(title)s” at that time.")
                        % {"title": overlapping.title}
                    }
                )

    def with_content_json(self, content):
        """A revision's content on this row: a revision saved before a published time change must not take the
        sequence back when it is published later, nor change when the session was created."""
        obj = super().with_content_json(content)
        obj.sequence = self.sequence
        obj.created_at = self.created_at
        return obj

    def speaker_names(self):
        """The speakers' names in one string, for the search index (the site search finds a session by its speaker)."""
        return " ".join(speaker.person.name for speaker in self.session_speakers.all())

    def get_url(self):
        return self.edition.route_url("session_route", code=self.code)

    def lock_row(self):
        """This session's row read again and locked (SELECT … FOR UPDATE) until the transaction ends: registrations
        for it are counted one request at a time."""
        return type(self).objects.select_for_update().get(pk=self.pk)

    @property
    def shown_recording(self):
        """The recording as the public site shows it: none for a session that must not be recorded, nor for a
        recording with neither a video file nor a link (the admin refuses one; a row written elsewhere might not)."""
        if self.do_not_record:
            return None
        recording = getattr(self, "recording", None)
        return recording if recording is not None and recording.video_url else None


class SessionSpeaker(Orderable):
    session = ParentalKey(Session, on_delete=models.CASCADE, related_name="session_speakers")
    person = models.ForeignKey(
        "arena.Person", verbose_name=_("speaker"), on_delete=models.CASCADE, related_name="conference_sessions"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")


class SessionChange(models.Model):
    """A published session moved in time: shown on the programme as a change."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="changes")
    old_start = models.DateTimeField(_("old start"))
    old_end = models.DateTimeField(_("old end"))
    new_start = models.DateTimeField(_("new start"))
    new_end = models.DateTimeField(_("new end"))
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        ordering = ["-changed_at"]
        verbose_name = _("programme change")
        verbose_name_plural = _("programme changes")

    def __str__(self):
        # Stored in UTC; organisers read Stockholm time.
        return f"{self.session}: {site_time(self.old_start):%H:%M} → {site_time(self.new_start):%H:%M}"
