"""What happens to answers: saved in one transaction, mailed to the consultation's owner through Celery, and
deleted CONSULTATION_RETENTION_DAYS after the consultation closed."""

import datetime
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.contrib.forms.models import FormSubmission

from arena import site_url
from arena.models import ConsultationPage


def deletion_date(page):
    """When the answers to this consultation are deleted (Stockholm date)."""
    return timezone.localdate(page.closes_at + timedelta(days=settings.CONSULTATION_RETENTION_DAYS))


def save_submission(page, form):
    """Store one answer; its mail is queued only once the answer is committed (the task reads it back by id)."""
    from arena.consultations import tasks
    from arena.tasks import enqueue

    with transaction.atomic():
        submission = FormSubmission.objects.create(form_data=form.cleaned_data, page=page)
        transaction.on_commit(lambda: enqueue(tasks.mail_consultation_submission, submission_id=submission.pk))
    return submission


def recipients(page):
    """The page's owner, or the addresses the editor gave when the owner has no e-mail address (or is gone)."""
    owner = page.owner
    if owner is not None and owner.is_active and owner.email:
        return [owner.email]
    return [address.strip() for address in page.to_address.split(",") if address.strip()]


def _display(value):
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    if value in (None, ""):
        return "–"
    return str(value)


def submission_mail(submission):
    """(subject, body) of the mail about one answer: every question with its answer and a link to all answers."""
    page = submission.page.specific
    data = submission.get_data()
    lines = [_("A new answer to the consultation “%(title)s”.") % {"title": page.title}, ""]
    for name, label in page.get_data_fields():
        lines.append(f"{label}:")
        lines.append(_display(data.get(name)))
        lines.append("")
    lines.append(_("All answers, with CSV and Excel export:"))
    lines.append(site_url.absolute_url(reverse("wagtailforms:list_submissions", args=[page.pk])))
    subject = page.subject or _("New answer: %(title)s") % {"title": page.title}
    return subject, "\n".join(lines)


def mail_submission(submission):
    page = submission.page.specific
    addresses = recipients(page)
    if not addresses:
        return 0
    subject, body = submission_mail(submission)
    return EmailMessage(subject=subject, body=body, from_email=page.from_address or None, to=addresses).send()


def expired_submissions(now=None):
    """Answers to consultations that closed more than CONSULTATION_RETENTION_DAYS ago."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.CONSULTATION_RETENTION_DAYS)
    return FormSubmission.objects.filter(page__in=ConsultationPage.objects.filter(closes_at__lt=cutoff).values("pk"))


def delete_expired_submissions(now=None):
    """Delete them; returns how many were deleted."""
    deleted, _counts = expired_submissions(now).delete()
    return deleted
