"""Attendance: a person's registration for an edition (session is empty) or for one session that needs registration,
e.g. a workshop with limited places. The rules (capacity, waiting list, window) live in
conferences/registration/rules.py."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from arena.user_rights import has_perm
from conferences.registration.constants import NEEDS_MAX_LENGTH, RegistrationStatus


class RegistrationQuerySet(models.QuerySet):
    def for_user(self, user):
        """The registrations `user` may see. Every query that serves a person (pages, the admin, its exports) starts
        here: organisers, i.e. whoever may view registrations (Arrangörer, superusers), see all of them to run the
        day; anyone else signed in sees their own and nobody else's; an anonymous visitor sees none."""
        if not user.is_authenticated:
            return self.none()
        if has_perm(user, "conferences.view_registration"):
            return self
        return self.filter(user=user)

    def own(self, user):
        """The registrations `user` made: what their registration page lists and lets them cancel, organisers
        included (they act on someone else's registration in the admin only)."""
        return self.for_user(user).filter(user=user)

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED)

    def for_day(self):
        """Registrations for the whole day, not for a single session."""
        return self.filter(session__isnull=True)

    def in_queue_order(self):
        return self.order_by("created_at", "pk")


class Registration(models.Model):
    Status = RegistrationStatus

    edition = models.ForeignKey(
        "conferences.ConferenceEditionPage",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    session = models.ForeignKey(
        "conferences.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attendee"),
        on_delete=models.CASCADE,
        related_name="conference_registrations",
    )
    # The attendee's organisation when they registered, for the organisers' lists.
    organisation = models.ForeignKey(
        "arena.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED)
    needs = models.TextField(_("accessibility or other needs"), blank=True, max_length=NEEDS_MAX_LENGTH)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status changed"), auto_now=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "edition"],
                condition=models.Q(session__isnull=True) & ~models.Q(status="cancelled"),
                name="one_active_day_registration_per_user",
                violation_error_message=_("You are already registered for this conference day."),
            ),
            models.UniqueConstraint(
                fields=["user", "session"],
                condition=models.Q(session__isnull=False) & ~models.Q(status="cancelled"),
                name="one_active_session_registration_per_user",
                violation_error_message=_("You are already registered for this session."),
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"], name="registration_queue_idx")]

    def __str__(self):
        target = self.session.title if self.session_id else self.edition.title
        return f"{self.user} – {target} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED

    def lock_row(self):
        """This registration read again and locked (SELECT … FOR UPDATE) until the transaction ends."""
        return type(self).objects.select_for_update().get(pk=self.pk)
