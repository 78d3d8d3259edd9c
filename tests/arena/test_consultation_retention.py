"""Consultation answers are deleted CONSULTATION_RETENTION_DAYS after the consultation closed: by a service, the
nightly Celery task and a management command. Other forms keep their own rule (FORM_SUBMISSION_RETENTION_DAYS)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from arena import tasks as arena_tasks
from arena.consultations import services
from arena.consultations import tasks as consultation_tasks
from arena.demo.seed import ensure_home_page, seed_arena_pages
from arena.models import AccessibilityStatementPage
from tests.helpers.consultations import add_consultation, consultation_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(db):
    home = ensure_home_page()
    seed_arena_pages(home)
    return consultation_index(home)


@pytest.fixture
def pages(index, settings):
    """A consultation closed 31 days ago and one closed 29 days ago, each with two answers; retention 30 days."""
    settings.CONSULTATION_RETENTION_DAYS = 30
    now = timezone.now()
    opened = now - timedelta(days=60)
    expired = add_consultation(index, "Gammalt", opens_at=opened, closes_at=now - timedelta(days=31))
    kept = add_consultation(index, "Nyare", opens_at=opened, closes_at=now - timedelta(days=29))
    for page in (expired, kept):
        for number in range(2):
            FormSubmission.objects.create(page=page, form_data={"svar": number})
    return expired, kept


def test_the_service_deletes_answers_past_their_retention(pages):
    expired, kept = pages
    assert services.delete_expired_submissions() == 2
    assert not FormSubmission.objects.filter(page=expired).exists()
    assert FormSubmission.objects.filter(page=kept).count() == 2


def test_retention_counts_from_closing_not_from_the_answer(index, settings):
    """An answer sent long ago to a consultation that is still open (or closed recently) is kept."""
    settings.CONSULTATION_RETENTION_DAYS = 30
    settings.FORM_SUBMISSION_RETENTION_DAYS = 30
    page = add_consultation(index, "Långt inspel", opens_at=timezone.now() - timedelta(days=400))
    old = FormSubmission.objects.create(page=page, form_data={"svar": "tidigt"})
    FormSubmission.objects.filter(pk=old.pk).update(submit_time=timezone.now() - timedelta(days=390))
    assert services.delete_expired_submissions() == 0
    assert arena_tasks.delete_old_form_submissions() == 0  # the general rule leaves consultations alone
    assert FormSubmission.objects.filter(pk=old.pk).exists()


def test_the_general_rule_still_applies_to_other_forms(index, settings):
    settings.FORM_SUBMISSION_RETENTION_DAYS = 30
    statement = AccessibilityStatementPage.objects.get()
    old = FormSubmission.objects.create(page=statement, form_data={"problem": "kontrast"})
    FormSubmission.objects.filter(pk=old.pk).update(submit_time=timezone.now() - timedelta(days=31))
    assert arena_tasks.delete_old_form_submissions() == 1


def test_the_nightly_task_deletes_them(pages):
    expired, kept = pages
    assert consultation_tasks.delete_expired_consultation_submissions.delay().get() == 2
    assert FormSubmission.objects.filter(page=kept).count() == 2


def test_the_task_is_scheduled_every_night(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["delete-expired-consultation-submissions"]
    assert entry["task"] == consultation_tasks.delete_expired_consultation_submissions.name
    assert entry["schedule"] == 60 * 60 * 24


def test_the_task_is_found_by_the_worker():
    from arena.celery import app

    app.loader.import_default_modules()
    assert "arena.consultations.tasks.delete_expired_consultation_submissions" in app.tasks
    assert "arena.consultations.tasks.mail_consultation_submission" in app.tasks


def test_the_command_deletes_them_and_can_dry_run(pages):
    expired, kept = pages
    out = io.StringIO()
    call_command("delete_expired_consultation_submissions", "--dry-run", stdout=out)
    assert out.getvalue().strip() == "2 svar skulle raderas."
    assert FormSubmission.objects.count() == 4
    call_command("delete_expired_consultation_submissions", stdout=out)
    assert out.getvalue().strip().endswith("2 svar raderade.")
    assert FormSubmission.objects.count() == 2


def test_the_default_retention_is_a_year():
    from django.conf import settings

    assert settings.CONSULTATION_RETENTION_DAYS == 365


def test_a_mail_for_an_answer_deleted_before_the_worker_came_is_skipped(pages):
    expired, _kept = pages
    submission = FormSubmission.objects.filter(page=expired).first()
    submission_id = submission.pk
    submission.delete()
    assert consultation_tasks.mail_consultation_submission.delay(submission_id=submission_id).get() == 0
