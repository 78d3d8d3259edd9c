"""Wagtail's moderation emails, sent from a Celery task instead of inside the editor's request.

Wagtail connects four notifiers (submitted to the group, submitted to superusers, approved, rejected) in
``wagtail.admin.signal_handlers.register_signal_handlers``. We take over exactly those four dispatch_uids:
each replacement queues ``send_workflow_notification`` once the transaction has committed, and the task
calls Wagtail's own notifier, so recipients, preferences and templates stay Wagtail's.

``connect()`` works whichever app is ready first: if wagtail.admin already connected its handlers they are
disconnected; if it has not, ours hold the dispatch_uids and its later ``connect`` is a no-op.
"""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from arena.tasks import enqueue

# kind -> (signal, sender, dispatch_uid, name of Wagtail's notifier in wagtail.admin.signal_handlers)
NOTIFICATIONS = {
    "task_submitted": (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        "task_submission_email_notifier",
    ),
    "workflow_submitted": (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        "workflow_submission_email_notifier",
    ),
    "workflow_rejected": (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        "workflow_rejection_email_notifier",
    ),
    "workflow_approved": (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        "workflow_approval_email_notifier",
    ),
}


@shared_task(name="arena.send_workflow_notification")
def send_workflow_notification(kind, state_pk, user_pk=None):
    """Load the state and the user who triggered it, then let Wagtail's notifier send its emails."""
    from wagtail.admin import signal_handlers

    _signal, sender, _uid, notifier_name = NOTIFICATIONS[kind]
    state = sender.objects.filter(pk=state_pk).first()
    if state is None:  # the page (and its workflow history) was deleted before the task ran
        return False
    if sender is TaskState:
        state = state.specific
    user = get_user_model().objects.filter(pk=user_pk).first() if user_pk else None
    return getattr(signal_handlers, notifier_name)(instance=state, user=user)


def _queue_later(kind):
    def handler(sender, instance, user=None, **kwargs):
        state_pk, user_pk = instance.pk, getattr(user, "pk", None)
        transaction.on_commit(
            lambda: enqueue(send_workflow_notification, kind=kind, state_pk=state_pk, user_pk=user_pk)
        )

    handler.__name__ = f"queue_{kind}_notification"
    return handler


# Module-level so the signals' weak references keep them alive.
HANDLERS = {kind: _queue_later(kind) for kind in NOTIFICATIONS}


def connect():
    """Replace Wagtail's synchronous workflow emails by queued ones (idempotent)."""
    for kind, (signal, sender, dispatch_uid, _notifier) in NOTIFICATIONS.items():
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(HANDLERS[kind], sender=sender, dispatch_uid=dispatch_uid)
