"""Organisations are the arena's tenants: every förvaltning, bolag and guest organisation."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Collection

from arena.slugs import slug_taken, unique_slug


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def for_user(self, user):
        """The organisations a user belongs to, through their writer/editor groups (one query)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(group_links__group__user=user).distinct()

    def edited_by(self, user):
        """The organisations in which a user is an editor."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(group_links__group__user=user, group_links__role=OrganisationGroup.Role.EDITOR).distinct()


class Organisation(models.Model):
    class Kind(models.TextChoices):
        FORVALTNING = "forvaltning", _("Administration")
        BOLAG = "bolag", _("Company")
        EXTERN = "extern", _("External organisation")

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Used in addresses such as /bloggar/<slug>/. Made from the name when left empty."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FORVALTNING)
    cluster = models.CharField(
        _("cluster"), max_length=80, blank=True, help_text=_("The group of companies a company belongs to.")
    )
    description = models.TextField(_("description"), blank=True, max_length=2000)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    collection = models.OneToOneField(
        Collection,
        verbose_name=_("media collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organisation",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("cluster")],
            heading=_("Identity"),
        ),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, "organisation")
        # Provisioning runs in post_save: one transaction means no organisation without its groups.
        with transaction.atomic():
            super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.slug and self.name:
            self.slug = slugify(self.name)[:120]
            if slug_taken(self, self.slug):
                raise ValidationError(
                    {
                        "slug": _("The address %(slug)s is already used by another organisation. Choose another.")
                        % {"slug": self.slug}
                    }
                )


class OrganisationGroupQuerySet(models.QuerySet):
    def for_user(self, user):
        """The links a user may see: superusers all of them, everyone else the links of their own groups."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(group__user=user)


class OrganisationGroup(models.Model):
    """The explicit link between a Wagtail group and the organisation (and role) it serves."""

    class Role(models.TextChoices):
        WRITER = "writer", _("Writers")
        EDITOR = "editor", _("Editors")

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="group_links"
    )
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="organisation_link"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)

    objects = OrganisationGroupQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "role"], name="one_group_per_role")]
        verbose_name = _("organisation group")
        verbose_name_plural = _("organisation groups")

    def __str__(self):
        return f"{self.organisation} – {self.get_role_display()}"
