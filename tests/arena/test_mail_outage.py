"""SMTP outages: a real Celery worker sends the mail again, with growing waits, until a real SMTP server takes it.

The worker consumes from the real Redis broker, so each retry really is a new message with a countdown. The waits
are shortened through the settings; the countdowns are read from Celery's task_retry signal, never from a clock.
"""

import logging
import time

import pytest
from celery import signals
from django.test import override_settings

from arena.tasks import send_mail_message
from tests.helpers.celery_worker import celery_worker
from tests.helpers.smtp import free_port, smtp_server

pytestmark = pytest.mark.redis

SMTP = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_TIMEOUT": 5,
    "MAIL_RETRY_BACKOFF_SECONDS": 0.1,
    "MAIL_RETRY_BACKOFF_MAX_SECONDS": 0.3,
    "MAIL_MAX_RETRIES": 4,
}
MAIL = {"subject": "Återställ lösenord", "body": "Hej!", "recipients": ["anna@example.se"], "sender": "n@example.se"}


@pytest.fixture
def countdowns():
    """The countdown of every retry the worker schedules, in order."""
    seen = []

    def remember(sender=None, reason=None, **kwargs):
        if sender.name == send_mail_message.name:
            seen.append(reason.when)

    signals.task_retry.connect(remember, weak=False)
    yield seen
    signals.task_retry.disconnect(remember)


def eventually(condition, timeout=15):
    """Waits for the worker; the timeout only bounds a test that would otherwise hang."""
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


def mail_log(caplog, level):
    return [r.getMessage() for r in caplog.records if r.name == "arena.mail_delivery" and r.levelno == level]


def test_refused_mail_is_retried_with_growing_waits_and_arrives_once(caplog, countdowns):
    with smtp_server(refusals=3) as (server, port), override_settings(**SMTP, EMAIL_PORT=port):
        with celery_worker() as queue:
            send_mail_message.apply_async(kwargs=MAIL, queue=queue)
            assert eventually(lambda: server.messages), "the mail never arrived"
    assert server.attempts == 4
    assert len(server.messages) == 1
    assert server.messages[0].rcpt_tos == ["anna@example.se"]
    # 0.1 s, doubled each time, capped at MAIL_RETRY_BACKOFF_MAX_SECONDS.
    assert countdowns == [0.1, 0.2, 0.3]
    warnings = mail_log(caplog, logging.WARNING)
    assert len(warnings) == 3
    assert "'Återställ lösenord' to 1 recipient(s) failed (attempt 1: (451, b'4.3.0 Try again later')" in warnings[0]
    assert warnings[2].endswith("trying again in 0.3 s")
    assert mail_log(caplog, logging.ERROR) == []


def test_an_unreachable_server_is_retried_until_the_limit_then_logged(caplog, countdowns):
    with override_settings(**{**SMTP, "MAIL_MAX_RETRIES": 2}, EMAIL_PORT=free_port()):
        with celery_worker() as queue:
            send_mail_message.apply_async(kwargs=MAIL, queue=queue)
            assert eventually(lambda: mail_log(caplog, logging.ERROR)), "the task never gave up"
    assert countdowns == [0.1, 0.2]
    assert len(mail_log(caplog, logging.WARNING)) == 2
    [gave_up] = mail_log(caplog, logging.ERROR)
    assert gave_up.startswith("Gave up sending mail 'Återställ lösenord' to 1 recipient(s) after 3 attempt(s)")
    assert "Connection refused" in gave_up


def test_a_permanent_refusal_is_not_retried(caplog, countdowns):
    with smtp_server(refusals=1, reply="550 5.1.1 No such user") as (server, port):
        with override_settings(**SMTP, EMAIL_PORT=port), celery_worker() as queue:
            send_mail_message.apply_async(kwargs=MAIL, queue=queue)
            assert eventually(lambda: mail_log(caplog, logging.ERROR)), "the refusal was never logged"
    assert server.attempts == 1
    assert server.messages == []
    assert countdowns == []
    assert "refused mail 'Återställ lösenord' to 1 recipient(s) for good" in mail_log(caplog, logging.ERROR)[0]


def test_mail_sent_in_the_calling_process_fails_at_once_instead_of_retrying_there(caplog):
    """Eager Celery (no broker configured) cannot wait between attempts: one attempt, logged, and the error shown."""
    from smtplib import SMTPDataError

    with smtp_server(refusals=1) as (server, port), override_settings(**SMTP, EMAIL_PORT=port):
        with pytest.raises(SMTPDataError):
            send_mail_message.delay(**MAIL)
    assert server.attempts == 1
    assert len(mail_log(caplog, logging.ERROR)) == 1


@pytest.mark.django_db
def test_the_consultation_answer_mail_goes_through_the_same_retries(caplog):
    """The one-message mail tasks (consultation answers, proposals, registrations) share the policy; shown here for
    one of them through the path that needs no worker."""
    from smtplib import SMTPDataError

    from wagtail.contrib.forms.models import FormSubmission
    from wagtail.models import Site

    from arena.consultations.tasks import mail_consultation_submission
    from tests.helpers.consultations import add_consultation, consultation_index

    page = add_consultation(consultation_index(Site.objects.get(is_default_site=True).root_page))
    submission = FormSubmission.objects.create(page=page, form_data={"vad_tycker_du_om_forslaget": "Bra"})
    with smtp_server(refusals=1) as (server, port), override_settings(**SMTP, EMAIL_PORT=port):
        with pytest.raises(SMTPDataError):
            mail_consultation_submission.delay(submission_id=submission.pk)
    assert server.attempts == 1
    assert mail_log(caplog, logging.ERROR) == [
        f"Gave up sending the mail about consultation answer {submission.pk} after 1 attempt(s): "
        "(451, b'4.3.0 Try again later')"
    ]
