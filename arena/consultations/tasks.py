"""Thin Celery tasks for consultations: load by id, call arena.consultations.services."""

from celery import shared_task
from wagtail.contrib.forms.models import FormSubmission

from arena import mail_delivery
from arena.consultations import services


@shared_task(bind=True)
def mail_consultation_submission(self, submission_id):
    submission = FormSubmission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None:  # deleted before the worker came to it
        return 0
    what = f"the mail about consultation answer {submission_id}"
    return mail_delivery.send_or_retry(self, lambda: services.mail_submission(submission), what)


@shared_task
def delete_expired_consultation_submissions():
    return services.delete_expired_submissions()
