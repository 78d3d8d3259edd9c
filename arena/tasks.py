"""Thin Celery tasks: each loads what it needs and calls ordinary code."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core import management
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from kombu.exceptions import OperationalError

from arena import mail_delivery

logger = logging.getLogger(__name__)


def enqueue(task, **kwargs):
    """Queue a task; when the broker is unreachable, run it here so nothing the user asked for is lost."""
    try:
        task.apply_async(kwargs=kwargs)
    except OperationalError:
        logger.warning("Broker unreachable; running %s in the request", task.name)
        task.apply(kwargs=kwargs, throw=True)


@shared_task(bind=True)
def send_mail_message(self, subject, body, recipients, sender=None, html_body=None):
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=sender, to=recipients)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    what = f"mail {subject!r} to {len(message.recipients())} recipient(s)"
    return mail_delivery.send_or_retry(self, message.send, what)


@shared_task
def publish_scheduled_pages():
    management.call_command("publish_scheduled")


@shared_task
def clear_expired_sessions():
    management.call_command("clearsessions")


@shared_task
def delete_old_form_submissions():
    """Form answers older than FORM_SUBMISSION_RETENTION_DAYS. Consultations' answers are kept until their own
    retention after closing (arena.consultations.services.delete_expired_submissions)."""
    from wagtail.contrib.forms.models import FormSubmission

    from arena.models import ConsultationPage

    cutoff = timezone.now() - timedelta(days=settings.FORM_SUBMISSION_RETENTION_DAYS)
    old = FormSubmission.objects.filter(submit_time__lt=cutoff).exclude(page__in=ConsultationPage.objects.values("pk"))
    deleted, _ = old.delete()
    return deleted


@shared_task
def extract_document_text(document_id):
    """Read the text inside a library document into its search index entry."""
    from wagtail.documents import get_document_model

    from arena.library.extraction import store_extracted_text

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None:
        store_extracted_text(document)


@shared_task
def flush_search_counts():
    """Move the searches counted in Redis into the editors' search statistics (arena.search.statistics)."""
    from arena.search.statistics import flush_counts

    return flush_counts()
