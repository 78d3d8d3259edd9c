"""Maturity survey data: the model (dimensions → categories → questions) is data loaded from a file,
rounds hold raw answers, and computed results are stored so dashboards never recompute on a page view."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from maturity import access


class MaturityModel(models.Model):
    """A survey model such as DiMiOS: its answer scale and where it comes from."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    version = models.CharField(_("version"), max_length=40, blank=True)
    source = models.TextField(_("source"), blank=True)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    scale_min = models.SmallIntegerField(_("lowest answer"), default=1)
    scale_max = models.SmallIntegerField(_("highest answer"), default=7)
    scale_labels = models.JSONField(
        _("scale labels"),
        default=list,
        blank=True,
        help_text=_("One label per answer value, from the lowest to the highest."),
    )
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("For example which parts of the model are reconstructed.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("maturity model")
        verbose_name_plural = _("maturity models")
        constraints = [
            models.CheckConstraint(condition=Q(scale_max__gt=F("scale_min")), name="maturity_model_scale_order"),
        ]

    def __str__(self):
        return f"{self.name} {self.version}".strip()


class Dimension(models.Model):
    model = models.ForeignKey(
        MaturityModel, verbose_name=_("maturity model"), on_delete=models.CASCADE, related_name="dimensions"
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["model", "sort_order", "code"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        constraints = [models.UniqueConstraint(fields=["model", "code"], name="maturity_dimension_code_per_model")]

    def __str__(self):
        return self.name


class Category(models.Model):
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.CASCADE, related_name="categories"
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    reconstructed = models.BooleanField(
        _("reconstructed"),
        default=False,
        help_text=_("The category is inferred from secondary sources, not confirmed by the model's owner."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    tags = models.CharField(
        _("tags"),
        max_length=500,
        blank=True,
        help_text=_("Comma-separated blog tags used to find posts to learn from."),
    )
    focus_areas = models.ManyToManyField(
        "arena.FocusArea", verbose_name=_("focus areas"), blank=True, related_name="maturity_categories"
    )

    class Meta:
        ordering = ["dimension__sort_order", "sort_order", "code"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["dimension", "code"], name="maturity_category_code_per_dimension"),
        ]

    def __str__(self):
        return self.name

    @property
    def tag_list(self):
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]


class Question(models.Model):
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.CASCADE, related_name="questions"
    )
    code = models.CharField(_("code"), max_length=20)
    text = models.TextField(pgettext_lazy("maturity question", "statement"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    # A question may use its own scale; null means the model's scale.
    scale_min = models.SmallIntegerField(_("lowest answer"), null=True, blank=True)
    scale_max = models.SmallIntegerField(_("highest answer"), null=True, blank=True)

    class Meta:
        ordering = ["category", "sort_order", "code"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["category", "code"], name="maturity_question_code_per_category"),
            models.CheckConstraint(
                condition=Q(scale_min__isnull=True, scale_max__isnull=True)
                | Q(scale_min__isnull=False, scale_max__isnull=False, scale_max__gt=F("scale_min")),
                name="maturity_question_scale_override",
            ),
        ]

    def __str__(self):
        return f"{self.code}: {self.text}"

    def scale(self, model=None):
        """(lowest, highest) answer for this question; pass the model to avoid a query."""
        if self.scale_min is not None:
            return self.scale_min, self.scale_max
        model = model or self.category.dimension.model
        return model.scale_min, model.scale_max


class RoundQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Round.Status.PUBLISHED)


class Round(ClusterableModel):
    """One yearly measurement with one model."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        PUBLISHED = "published", _("Published")

    model = models.ForeignKey(
        MaturityModel, verbose_name=_("maturity model"), on_delete=models.PROTECT, related_name="rounds"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("name"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    is_demo = models.BooleanField(
        _("demo data"), default=False, help_text=_("Synthetic data, labelled as such in the interface.")
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        constraints = [models.UniqueConstraint(fields=["model", "year"], name="maturity_round_year_per_model")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        from maturity.rounds import status_change_problem

        previous = Round.objects.filter(pk=self.pk).values_list("status", flat=True).first() if self.pk else None
        problem = status_change_problem(self, previous)
        if problem:
            raise ValidationError({"status": problem})

    def save(self, *args, **kwargs):
        # The publication date is when results were first released; it stays when a round is edited later.
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)


class OrganisationResultQuerySet(models.QuerySet):
    """Rows about one organisation's results (its participation, its scores)."""

    def for_user(self, user):
        """The rows of the organisations whose own results the user may see (the rule is maturity.access).

        Every view and export that shows organisation-level rows starts here; the respondent threshold
        (maturity.privacy) is applied on top."""
        if access.sees_all_organisations(user):
            return self.all()
        return self.filter(organisation__in=access.visible_organisations(user))


class ResponseQuerySet(models.QuerySet):
    def for_user(self, user):
        """Single answers: only for those who see every organisation (the analysts, who import them).

        An organisation's own staff see its figures, never its answers: with few respondents an answer can point
        to a person, and the figures of an organisation below the respondent threshold are hidden even from it."""
        return self.all() if access.sees_all_organisations(user) else self.none()


class RoundParticipant(models.Model):
    round = ParentalKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        "arena.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="maturity_participations",
    )
    invited = models.PositiveIntegerField(
        _("invited respondents"), null=True, blank=True, help_text=_("Leave empty when unknown.")
    )

    objects = OrganisationResultQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        constraints = [
            models.UniqueConstraint(fields=["round", "organisation"], name="maturity_participant_once_per_round"),
        ]

    def __str__(self):
        return f"{self.round} – {self.organisation}"


class Response(models.Model):
    """One respondent's answer to one question; value null = not answered."""

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="responses")
    organisation = models.ForeignKey(
        "arena.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    respondent = models.CharField(_("respondent"), max_length=64)
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="responses"
    )
    value = models.SmallIntegerField(_("answer"), null=True, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation", "respondent", "question"], name="maturity_response_once"
            ),
        ]
        indexes = [models.Index(fields=["round", "organisation"], name="maturity_resp_round_org")]

    def __str__(self):
        return f"{self.respondent} {self.question_id}={self.value}"


class ScoreLevel(models.TextChoices):
    CATEGORY = "category", _("Category")
    DIMENSION = "dimension", _("Dimension")
    TOTAL = "total", _("Total")


def _level_constraints(prefix, owner_fields):
    """A stored score names exactly the category or dimension its level needs, once per owner."""
    return [
        models.CheckConstraint(
            condition=(
                Q(level=ScoreLevel.CATEGORY, category__isnull=False, dimension__isnull=True)
                | Q(level=ScoreLevel.DIMENSION, category__isnull=True, dimension__isnull=False)
                | Q(level=ScoreLevel.TOTAL, category__isnull=True, dimension__isnull=True)
            ),
            name=f"{prefix}_level_target",
        ),
        models.CheckConstraint(condition=Q(score__gte=0, score__lte=100), name=f"{prefix}_score_range"),
        models.UniqueConstraint(
            fields=[*owner_fields, "category"],
            condition=Q(level=ScoreLevel.CATEGORY),
            name=f"{prefix}_unique_category",
        ),
        models.UniqueConstraint(
            fields=[*owner_fields, "dimension"],
            condition=Q(level=ScoreLevel.DIMENSION),
            name=f"{prefix}_unique_dimension",
        ),
        models.UniqueConstraint(
            fields=owner_fields, condition=Q(level=ScoreLevel.TOTAL), name=f"{prefix}_unique_total"
        ),
    ]


class OrganisationScore(models.Model):
    """An organisation's result in a round (% of optimal conditions), computed from answers or imported."""

    Level = ScoreLevel

    class Source(models.TextChoices):
        COMPUTED = "computed", _("Computed from answers")
        IMPORTED = "imported", _("Imported result")

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="scores")
    organisation = models.ForeignKey(
        "arena.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="maturity_scores"
    )
    level = models.CharField(_("level"), max_length=20, choices=ScoreLevel.choices)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(_("score (%)"))
    respondents = models.PositiveIntegerField(_("respondents"), default=0)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.COMPUTED)

    objects = OrganisationResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation result")
        verbose_name_plural = _("organisation results")
        permissions = [("view_maturity_results", "Can view maturity results")]
        constraints = _level_constraints("maturity_orgscore", ["round", "organisation", "level"])
        indexes = [models.Index(fields=["round", "level"], name="maturity_org_round_level")]

    def __str__(self):
        return f"{self.organisation} {self.round}: {self.score:.1f}"


class GroupScore(models.Model):
    """Group-wide result over the participating organisations: all, förvaltningar or bolag."""

    Level = ScoreLevel

    class Kind(models.TextChoices):
        ALL = "all", _("All organisations")
        FORVALTNING = "forvaltning", _("Administrations")
        BOLAG = "bolag", _("Companies")

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="group_scores")
    kind = models.CharField(_("group"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=20, choices=ScoreLevel.choices)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(_("score (%)"))
    organisations = models.PositiveIntegerField(_("organisations"), default=0)
    respondents = models.PositiveIntegerField(_("respondents"), default=0)

    class Meta:
        verbose_name = _("group result")
        verbose_name_plural = _("group results")
        constraints = _level_constraints("maturity_groupscore", ["round", "kind", "level"])
        indexes = [models.Index(fields=["round", "level"], name="maturity_group_round_level")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.round}: {self.score:.1f}"


class NationalReference(models.Model):
    """A published national average for a round's year, always with its own source: never spliced across sources."""

    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="national_references"
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty for the total."),
    )
    score = models.FloatField(_("score (%)"))
    source = models.CharField(_("source"), max_length=300)
    source_year = models.PositiveSmallIntegerField(_("year of the source"), null=True, blank=True)

    class Meta:
        ordering = ["round", "source", "category"]
        verbose_name = _("national reference value")
        verbose_name_plural = _("national reference values")
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=0, score__lte=100), name="maturity_national_score_range"),
            models.UniqueConstraint(
                fields=["round", "category", "source"],
                condition=Q(category__isnull=False),
                name="maturity_national_unique_category",
            ),
            # Postgres treats NULLs as distinct, so the total needs its own constraint.
            models.UniqueConstraint(
                fields=["round", "source"], condition=Q(category__isnull=True), name="maturity_national_unique_total"
            ),
        ]

    def __str__(self):
        return f"{self.round} {self.category or _('Total')}: {self.score:.1f} ({self.source})"

    def clean(self):
        super().clean()
        if self.category_id and self.round_id and self.category.dimension.model_id != self.round.model_id:
            raise ValidationError({"category": _("The category belongs to another model than the round.")})


class ImportJob(models.Model):
    """One uploaded file, its validation errors and progress; large files are processed by a Celery task."""

    class Kind(models.TextChoices):
        RESPONSES = "responses", _("Answers")
        RESULTS = "results", _("Results per category")
        NATIONAL = "national", _("National reference values")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        AWAITING_CONFIRMATION = "confirm", _("Waiting for confirmation")
        RUNNING = "running", _("Running")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", pgettext_lazy("maturity import", "Cancelled")
        DONE = "done", _("Done")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(_("file"), upload_to="maturity/imports/")
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("processed rows"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("number of errors"), default=0)
    summary = models.TextField(_("summary"), blank=True)
    # What a checked file would replace (importers.replaced_data); an import into a published round, or one that
    # replaces earlier data, waits for a person to confirm it.
    replaces = models.JSONField(_("replaces"), default=list, blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=False)
    # Who confirmed it: the audit log names them beside the uploader (maturity.audit).
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        permissions = [("import_maturity_data", "Can import maturity data")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_name}"

    @property
    def is_running(self):
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def progress_percent(self):
        return round(100 * self.processed_rows / self.total_rows) if self.total_rows else 0
