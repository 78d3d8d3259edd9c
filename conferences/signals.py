from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from arena import page_cache
from conferences.models import Session, SessionChange


@receiver(pre_save, sender=Session)
def record_time_change(sender, instance, raw=False, update_fields=None, **kwargs):
    """A published session whose live row moves in time gets a SessionChange (drafts don't touch the row).

    save_revision() saves the instance with update_fields=["latest_revision", ...]: the times on the in-memory
    instance are then a draft and never reach the row, so that save is not a change."""
    if raw or not instance.pk or not instance.live:
        return
    if update_fields is not None and not {"start", "end"} & set(update_fields):
        return
    before = Session.objects.filter(pk=instance.pk, live=True).values("start", "end").first()
    if before and (before["start"], before["end"]) != (instance.start, instance.end):
        instance._time_change = before


@receiver(post_save, sender=Session)
def save_time_change(sender, instance, **kwargs):
    before = getattr(instance, "_time_change", None)
    if before:
        change = SessionChange.objects.create(
            session=instance,
            old_start=before["start"],
            old_end=before["end"],
            new_start=instance.start,
            new_end=instance.end,
        )
        del instance._time_change
        _queue_change_notice(change.pk)
    page_cache.purge()


def _queue_change_notice(change_id):
    """E-mail the session's attendees once the new time is committed (never for a save that is rolled back)."""
    from arena.tasks import enqueue
    from conferences.tasks import notify_session_change

    transaction.on_commit(lambda: enqueue(notify_session_change, change_id=change_id))
