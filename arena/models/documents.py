"""The material library's documents: Wagtail's document model with the arena's metadata.

A document's organisation comes from its collection (each organisation has one, arena editors use the arena's own
collection). Who may see a document is decided by its collection's view restrictions, the same rule Wagtail's serve
view applies: `ArenaDocument.objects.public()` for everyone, `for_user(user)` for what one user may see.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, DocumentQuerySet
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction
from wagtail.search import index

# The arena's own collection, where arena editors upload (created by arena.provisioning.ensure_arena_collection).
ARENA_COLLECTION_NAME = "Kunskapsarenan"


class DocumentType(models.TextChoices):
    POLICY = "policy", _("Governing document: policy")
    GUIDELINE = "riktlinje", _("Governing document: guideline")
    PLAN = "plan", _("Governing document: plan")
    REPORT = "rapport", _("Report")
    PRESENTATION = "presentation", _("Presentation")
    TEMPLATE = "mall", _("Template")
    GUIDANCE = "stod", _("Support and guidance")


# The three kinds of governing document (styrande dokument), which the library can also filter as one.
GOVERNING_TYPES = (DocumentType.POLICY, DocumentType.GUIDELINE, DocumentType.PLAN)


class DocumentLanguage(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    EASY_SWEDISH = "sv-lattlast", _("Easy-to-read Swedish")
    ENGLISH = "en", _("English")
    FINNISH = "fi", _("Finnish")
    ARABIC = "ar", _("Arabic")
    SOMALI = "so", _("Somali")
    PERSIAN = "fa", _("Persian")


def restricted_collection_ids(restrictions=None):
    """The ids of every collection that has a view restriction itself or below a restricted ancestor (one query)."""
    restrictions = CollectionViewRestriction.objects.all() if restrictions is None else restrictions
    covering = restrictions.filter(
        collection__path=Substr(OuterRef("path"), 1, Length("collection__path")),
    )
    return list(Collection.objects.filter(Exists(covering)).values_list("pk", flat=True))


class ArenaDocumentQuerySet(DocumentQuerySet):
    def public(self):
        """Documents anyone may download: no view restriction on their collection or any collection above it.
        Filters on `collection` only, so the result can still be searched (`.public().search(...)`)."""
        return self.exclude(collection__in=restricted_collection_ids())

    def for_user(self, user):
        """The documents `user` may see in the library, by the rule of Wagtail's serve view: a login restriction
        lets in anyone logged in, a group restriction the members of its groups, and a password restriction only
        those who typed the password (so it stays out of listings). Superusers see everything."""
        if user.is_authenticated and user.is_superuser:
            return self.all()
        if not user.is_authenticated:
            return self.public()
        passed = CollectionViewRestriction.objects.filter(restriction_type=BaseViewRestriction.LOGIN) | (
            CollectionViewRestriction.objects.filter(
                restriction_type=BaseViewRestriction.GROUPS, groups__in=user.groups.all()
            )
        )
        blocking = CollectionViewRestriction.objects.exclude(pk__in=passed.values("pk"))
        return self.exclude(collection__in=restricted_collection_ids(blocking))

    def with_listing_data(self):
        return self.select_related("organisation", "collection").prefetch_related("focus_areas")


class ArenaDocument(AbstractDocument):
    document_type = models.CharField(
        _("document type"), max_length=20, choices=DocumentType.choices, default=DocumentType.REPORT
    )
    organisation = models.ForeignKey(
        "arena.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="documents",
        help_text=_("Follows the document's collection."),
    )
    focus_areas = models.ManyToManyField(
        "arena.FocusArea", verbose_name=_("focus areas"), blank=True, related_name="documents"
    )
    language = models.CharField(
        _("language"), max_length=12, choices=DocumentLanguage.choices, default=DocumentLanguage.SWEDISH
    )
    published_date = models.DateField(_("publication date"), null=True, blank=True)
    review_date = models.DateField(
        _("next review"), null=True, blank=True, help_text=_("When the document is next due to be reviewed.")
    )
    summary = models.TextField(_("summary"), blank=True, max_length=1500)
    is_accessible = models.BooleanField(
        _("the file is accessible"),
        default=True,
        help_text=_("Can the file be read with a screen reader, with headings, alt texts and a set language?"),
    )
    accessible_alternative_url = models.URLField(
        _("accessible alternative"),
        blank=True,
        help_text=_("Required when the file is not accessible: a link to the same content in an accessible form."),
    )
    extracted_text = models.TextField(_("text in the file"), blank=True, editable=False)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "document_type",
        "summary",
        "focus_areas",
        "language",
        "published_date",
        "review_date",
        "is_accessible",
        "accessible_alternative_url",
        "tags",
    )

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("summary", boost=3),
        index.SearchField("extracted_text"),
        index.RelatedFields("focus_areas", [index.SearchField("name")]),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("document_type"),
        index.FilterField("organisation"),
        index.FilterField("language"),
        index.FilterField("published_date"),
    ]

    objects = ArenaDocumentQuerySet.as_manager()

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self):
        super().clean()
        if not self.is_accessible and not self.accessible_alternative_url:
            raise ValidationError(
                {
                    "accessible_alternative_url": _(
                        "A file that is not accessible needs a link to an accessible alternative (DOS-lagen)."
                    )
                }
            )

    def save(self, *args, **kwargs):
        self.organisation = organisation_for_collection(self.collection) if self.collection_id else None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "collection" in update_fields:
            kwargs["update_fields"] = {*update_fields, "organisation"}
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if {"file", "file_hash"} <= set(field_names):
            instance.mark_file_loaded()
        return instance

    def mark_file_loaded(self):
        self._loaded_file = (self.file.name, self.file_hash)

    def file_changed_since_load(self):
        """True for a new document or one whose file was replaced since it was loaded (its text must be read)."""
        return getattr(self, "_loaded_file", None) != (self.file.name, self.file_hash)

    @property
    def is_governing(self):
        return self.document_type in GOVERNING_TYPES

    @property
    def publisher_name(self):
        """Who published the document: its organisation, or the arena itself for the arena's own collection."""
        return self.organisation.name if self.organisation_id else ARENA_COLLECTION_NAME


def organisation_for_collection(collection):
    """The organisation whose collection is `collection` or the nearest collection above it, or None."""
    from arena.models.organisations import Organisation

    return (
        Organisation.objects.filter(collection__in=collection.get_ancestors(inclusive=True))
        .order_by("-collection__depth")
        .first()
    )
