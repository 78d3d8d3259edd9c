"""The audit log of comment moderation, in its own Wagtail log entry model so each entry keeps its organisation.

Wagtail's generic ModelLogEntry shows an entry to anyone with a permission on the model, and every organisation's
editors may moderate comments: they would read each other's moderation history (the entry's name quotes the comment
and its author). These entries are shown, in Reports → Site history, only to editors of the comment's organisation,
the same rule as Comment.objects.moderatable_by, and to superusers. blogs/wagtail_hooks.py registers the model."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry, BaseLogEntryManager

from arena.models import Organisation


class CommentLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk), organisation_id=instance.organisation_id)
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(object_id=str(instance.pk))

    def for_user(self, user):
        """The arena's one tenancy method: entries of the user's own organisations' comments (all for superusers)."""
        if not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(organisation__in=Organisation.objects.edited_by(user))

    def viewable_by_user(self, user):
        # Wagtail's name for the same question (Reports → Site history).
        return self.for_user(user)


class CommentLogEntry(BaseLogEntry):
    object_id = models.CharField(max_length=255, db_index=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CommentLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("comment log entry")
        verbose_name_plural = _("comment log entries")

    def __str__(self):
        return f"CommentLogEntry {self.pk}: {self.action} on comment {self.object_id}"
