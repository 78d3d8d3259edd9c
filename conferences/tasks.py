"""Thin Celery tasks for attendees' e-mails: each loads what it needs and calls
conferences.registration.notifications."""

from celery import shared_task

from arena import mail_delivery
from conferences.models import Registration, SessionChange
from conferences.registration import notifications


@shared_task(bind=True)
def send_registration_email(self, registration_id, kind):
    """Queued by conferences.registration.rules after a registration, promotion or cancellation commits."""
    registration = (
        Registration.objects.select_related("user", "edition", "session", "session__track")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:  # deleted with its edition or user before the worker got here
        return False
    what = f"the {kind} mail of registration {registration_id}"
    return mail_delivery.send_or_retry(self, lambda: notifications.send_registration_email(registration, kind), what)


@shared_task
def send_registration_reminders():
    """Hourly (CELERY_BEAT_SCHEDULE): the reminder the day before, once per confirmed attendee of a published
    edition; runs in the night send nothing (notifications.REMINDER_HOURS)."""
    return notifications.send_due_reminders()


@shared_task
def notify_session_change(change_id):
    """Queued by conferences.signals when a published session moves in time."""
    change = (
        SessionChange.objects.select_related("session", "session__edition", "session__track")
        .filter(pk=change_id)
        .first()
    )
    if change is None:
        return 0
    return notifications.notify_session_change(change)
