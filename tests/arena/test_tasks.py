"""Background work: thin tasks, and enqueue() keeps working when the broker is down."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from celery import Celery
from django.core import mail
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Site

from arena import tasks
from arena.models import StandardPage

ROOT = Path(__file__).resolve().parents[2]
ran = []


def make_app(broker_url):
    # set_as_current=False: otherwise the project's shared tasks would resolve to this throwaway app.
    app = Celery("arena-test", broker=broker_url, set_as_current=False)
    app.conf.update(
        task_publish_retry=False,
        broker_connection_timeout=1,
        broker_connection_retry=False,
        broker_transport_options={"max_retries": 0},
    )

    @app.task(name="arena-test.remember")
    def remember(value):
        ran.append(value)

    return app, remember


def test_enqueue_runs_the_task_in_process_when_the_broker_is_unreachable():
    ran.clear()
    app, remember = make_app("redis://127.0.0.1:1/0")
    try:
        tasks.enqueue(remember, value="kvar")
    finally:
        app.close()
    assert ran == ["kvar"]


@pytest.mark.redis
def test_enqueue_publishes_to_a_real_redis_broker():
    import redis

    ran.clear()
    url = os.environ["REDIS_URL"].rsplit("/", 1)[0] + "/9"
    client = redis.Redis.from_url(url)
    client.flushdb()
    app, remember = make_app(url)
    try:
        tasks.enqueue(remember, value="i kön")
    finally:
        app.close()
    assert ran == []  # not run here: it waits in the queue for a worker
    assert client.llen("celery") == 1
    client.flushdb()


@pytest.mark.django_db
def test_send_mail_message_sends_text_and_html():
    tasks.send_mail_message(subject="Hej", body="Text", recipients=["a@example.se"], html_body="<p>Text</p>")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].alternatives[0][1] == "text/html"


@pytest.mark.django_db
def test_publish_scheduled_pages_publishes_due_pages():
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(instance=StandardPage(title="Planerad", slug="planerad", live=False))
    revision = page.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    assert revision.approved_go_live_at is not None
    tasks.publish_scheduled_pages()
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_old_form_submissions_are_deleted(settings):
    settings.FORM_SUBMISSION_RETENTION_DAYS = 30
    home = Site.objects.get(is_default_site=True).root_page
    old = FormSubmission.objects.create(page=home, form_data={"a": 1})
    FormSubmission.objects.filter(pk=old.pk).update(submit_time=timezone.now() - timedelta(days=31))
    recent = FormSubmission.objects.create(page=home, form_data={"a": 2})
    assert tasks.delete_old_form_submissions() == 1
    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [recent.pk]


def test_a_task_in_the_embedded_default_logs_no_kombu_warning():
    """The default setup (no DATABASE_URL, no REDIS_URL: eager Celery, in-memory broker) runs a task quietly."""
    import subprocess
    import sys

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "CELERY_TASK_ALWAYS_EAGER")
    }
    env["DJANGO_SETTINGS_MODULE"] = "arena.settings.dev"
    code = (
        "import django; django.setup(); from arena.tasks import enqueue, send_mail_message; "
        "enqueue(send_mail_message, subject='Hej', body='Text', recipients=['a@example.se'], sender='n@example.se')"
    )
    result = subprocess.run(
        [sys.executable, "-W", "default", "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert "kombu" not in result.stderr + result.stdout
    assert "WARNING" not in result.stderr + result.stdout
