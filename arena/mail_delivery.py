"""Mail the SMTP server cannot take right now is sent again later by Celery, with growing waits, instead of lost.

A server that is down, unreachable or answers "try again later" (4xx) is a passing problem: the task is retried
after MAIL_RETRY_BACKOFF_SECONDS, doubling each time up to MAIL_RETRY_BACKOFF_MAX_SECONDS, at most
MAIL_MAX_RETRIES times. A permanent refusal (5xx, e.g. an unknown recipient) would fail the same way every time,
so it is logged and not retried. Every retry is logged as a warning, giving up as an error.
"""

import logging
from smtplib import SMTPException, SMTPRecipientsRefused, SMTPResponseException

from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings

logger = logging.getLogger(__name__)

# SMTPException: the server answered with a refusal; OSError: no answer at all (connection refused, timeout, DNS).
DELIVERY_FAILURES = (SMTPException, OSError)


def is_permanent(exc):
    if isinstance(exc, SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in exc.recipients.values())
    return isinstance(exc, SMTPResponseException) and exc.smtp_code >= 500


def retry_countdown(retries):
    """Seconds before the next attempt, after `retries` earlier retries."""
    return get_exponential_backoff_interval(
        settings.MAIL_RETRY_BACKOFF_SECONDS, retries, settings.MAIL_RETRY_BACKOFF_MAX_SECONDS
    )


def send_or_retry(task, send, what):
    """Inside the bound Celery `task`, call `send` (which sends one message); on a passing failure, schedule the task
    again. `what` names the mail in the log, without addresses."""
    try:
        return send()
    except DELIVERY_FAILURES as exc:
        attempt = task.request.retries + 1
        if is_permanent(exc):
            logger.error("The SMTP server refused %s for good: %s", what, exc)
            raise
        # A task run in the calling process (eager Celery, or a broker outage) cannot wait: retrying at once would
        # only keep the visitor waiting for a server that just failed.
        if task.request.is_eager or task.request.called_directly or attempt > settings.MAIL_MAX_RETRIES:
            logger.error("Gave up sending %s after %d attempt(s): %s", what, attempt, exc)
            raise
        countdown = retry_countdown(task.request.retries)
        logger.warning("Sending %s failed (attempt %d: %s); trying again in %s s", what, attempt, exc, countdown)
        raise task.retry(exc=exc, countdown=countdown, max_retries=settings.MAIL_MAX_RETRIES) from exc
