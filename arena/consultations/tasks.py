"""Thin Celery tasks for consultations: load by id, call arena.consultations.services."""

from celery import shared_task
from wagtail.contrib.forms.models import FormSubmission

from arena.consultations import services


@shared_task
def mail_consultation_submission(submission_id):
    submission = FormSubmission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None:  # deleted before the worker came to it
        return 0
    return services.mail_submission(submission)


@shared_task
def delete_expired_consultation_submissions():
    return services.delete_expired_submissions()
