from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.search import index

from arena import page_cache
from arena.tasks import enqueue
from conferences.models import ConferenceEditionPage, Recording, RecordingCaption, Session, SessionChange
from conferences.registration import rules
from conferences.tasks import notify_session_change, send_registration_email


def record_time_change(sender, instance, raw=False, update_fields=None, **kwargs):
    """A published session whose live row moves in time gets a SessionChange (drafts don't touch the row) and a
    higher iCalendar SEQUENCE, written with the row: the programme's .ics and the "Ny tid" e-mail both read it there.

    The row's sequence always wins over the instance's, which may come from an older revision. save_revision() saves
    the instance with update_fields=["latest_revision", ...]: the times on the in-memory instance are then a draft
    and never reach the row, so that save is not a change."""
    if raw or not instance.pk:
        return
    if update_fields is not None and not {"start", "end", "sequence"} & set(update_fields):
        return
    row = Session.objects.filter(pk=instance.pk).values("live", "start", "end", "sequence").first()
    if row is None:
        return
    instance.sequence = row["sequence"]
    if instance.live and row["live"] and (row["start"], row["end"]) != (instance.start, instance.end):
        instance.sequence += 1
        instance._time_change = row


def save_time_change(sender, instance, **kwargs):
    before = getattr(instance, "_time_change", None)
    if before:
        # Also when the save named its fields (update_fields) without the sequence.
        Session.objects.filter(pk=instance.pk).update(sequence=instance.sequence)
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
    transaction.on_commit(lambda: enqueue(notify_session_change, change_id=change_id))


def queue_registration_email(sender, registration, kind, **kwargs):
    """The attendee's e-mail about a committed registration, promotion or cancellation."""
    enqueue(send_registration_email, registration_id=registration.pk, kind=kind)


def _row_changed(update_fields, fields):
    """Whether a save wrote any of `fields` to the row; save_revision() writes only the revision bookkeeping."""
    return update_fields is None or bool(set(fields) & set(update_fields))


def fill_session_places(sender, instance, raw=False, update_fields=None, **kwargs):
    """A published session with more places (or no limit any more) gives them to its waiting list at once."""
    if not raw and instance.live and _row_changed(update_fields, ["capacity"]):
        rules.fill_free_places(session=instance)


def fill_day_places(sender, instance, raw=False, update_fields=None, **kwargs):
    """The same for the conference day when a published edition's capacity goes up."""
    if not raw and instance.live and _row_changed(update_fields, ["capacity"]):
        rules.fill_free_places(edition=instance)


def reindex_recording(sender, instance, raw=False, update_fields=None, **kwargs):
    """The recording's search entry holds its session's title and abstract (RelatedFields), and Wagtail only
    re-indexes the recording when the recording itself is saved: without this, the archive finds a renamed session
    by its old title and not by its new one."""
    if raw or not _row_changed(update_fields, ["title", "abstract"]):
        return
    for recording in Recording.objects.filter(session=instance):
        index.insert_or_update_object(recording)


def purge_pages(sender, raw=False, **kwargs):
    """A recording, a caption track or a deleted session shows on the session page, the edition's programme and the
    archive: the anonymous page cache and the signed-in visitors' fragments (arena.fragments) forget those pages.
    A session's own saves purge through save_time_change."""
    if not raw:
        page_cache.purge()


def connect():
    """Connect the handlers above (from the AppConfig's ready(); connecting a function twice is a no-op)."""
    pre_save.connect(record_time_change, sender=Session)
    post_save.connect(save_time_change, sender=Session)
    post_save.connect(fill_session_places, sender=Session)
    post_save.connect(fill_day_places, sender=ConferenceEditionPage)
    post_save.connect(reindex_recording, sender=Session)
    rules.registration_changed.connect(queue_registration_email)
    post_delete.connect(purge_pages, sender=Session)
    for model in (Recording, RecordingCaption):
        post_save.connect(purge_pages, sender=model)
        post_delete.connect(purge_pages, sender=model)
