"""Writing and approval over HTTP through the Wagtail admin: writers submit, their organisation's editors approve,
notifications go out through the Celery task once the transaction has committed, scheduled publishing works."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowPage, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from arena import tasks, workflow_notifications
from blogs.models import BlogPostPage
from tests.blogs.factories import PersonFactory, create_post
from tests.factories import add_editor, editor_of
from tests.helpers.blog_forms import edit_data, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def author_a(org_a):
    return PersonFactory(name="Karin Lind", organisation=org_a)


def add_url(space):
    return reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", space.id))


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def submit_as(client, writer, space, person, capture, **extra):
    client.force_login(writer)
    with capture(execute=True):
        response = client.post(add_url(space), post_data(person, **{"action-submit": "Skicka", **extra}))
    return response


class TestNotificationWiring:
    def test_wagtails_synchronous_notifiers_are_replaced_by_ours(self):
        for signal in (task_submitted, workflow_submitted, workflow_approved, workflow_rejected):
            receivers = [ref() for _key, ref, *_rest in signal.receivers]
            assert receivers, signal
            assert all(receiver in workflow_notifications.HANDLERS.values() for receiver in receivers)

    def test_connect_is_idempotent_and_wagtails_late_registration_is_a_no_op(self):
        from wagtail.admin.signal_handlers import register_signal_handlers

        register_signal_handlers()  # what wagtail.admin's AppConfig.ready does
        workflow_notifications.connect()
        register_signal_handlers()
        for signal in (task_submitted, workflow_submitted, workflow_approved, workflow_rejected):
            receivers = [ref() for _key, ref, *_rest in signal.receivers]
            assert len(receivers) == 1
            assert receivers[0] in workflow_notifications.HANDLERS.values()


class TestSubmitAndApprove:
    def test_writer_submits_editors_of_that_organisation_are_mailed_through_celery(
        self, client, writer_a, editor_a, editor_b, author_a, space_a, django_capture_on_commit_callbacks
    ):
        task = workflow_notifications.send_workflow_notification
        with mock.patch.object(task, "apply_async", wraps=task.apply_async) as queued:
            response = submit_as(client, writer_a, space_a, author_a, django_capture_on_commit_callbacks)

        assert response.status_code == 302
        post = BlogPostPage.objects.get(slug="digitala-larplattor")
        assert post.get_parent().id == space_a.id
        assert post.organisation_id == space_a.organisation_id
        assert not post.live
        assert post.workflow_in_progress
        state = post.current_workflow_state
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by == writer_a
        assert WorkflowPage.objects.filter(page=space_a, workflow=state.workflow).exists()

        assert {call.kwargs["kwargs"]["kind"] for call in queued.call_args_list} == {
            "task_submitted",
            "workflow_submitted",
        }
        assert len(mails_to(editor_a)) == 1
        assert post.title in mails_to(editor_a)[0].subject
        assert mails_to(editor_b) == []
        assert mails_to(writer_a) == []

    def test_nothing_is_mailed_inside_the_request_before_commit(self, client, writer_a, editor_a, author_a, space_a):
        # Without on_commit callbacks running (the test transaction never commits) nothing is sent:
        # Wagtail's synchronous notifiers are no longer connected.
        client.force_login(writer_a)
        response = client.post(add_url(space_a), post_data(author_a, **{"action-submit": "Skicka"}))
        assert response.status_code == 302
        assert BlogPostPage.objects.get(slug="digitala-larplattor").workflow_in_progress
        assert mail.outbox == []

    def test_superusers_get_one_mail_per_notification(
        self, client, writer_a, superuser, author_a, space_a, django_capture_on_commit_callbacks
    ):
        submit_as(client, writer_a, space_a, author_a, django_capture_on_commit_callbacks)
        # Wagtail tells superusers about the task and about the workflow: two distinct messages, no duplicates.
        subjects = [message.subject for message in mails_to(superuser)]
        assert len(subjects) == 2
        assert len(set(subjects)) == 2

    def test_editor_approves_post_goes_live_writer_is_told(
        self, client, writer_a, editor_a, editor_b, author_a, space_a, django_capture_on_commit_callbacks
    ):
        submit_as(client, writer_a, space_a, author_a, django_capture_on_commit_callbacks)
        post = BlogPostPage.objects.get(slug="digitala-larplattor")
        task_state = post.current_workflow_state.current_task_state
        mail.outbox.clear()

        client.force_login(editor_a)
        url = reverse("wagtailadmin_pages:workflow_action", args=(post.id, "approve", task_state.id))
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"comment": "Bra skrivet!"})

        assert response.status_code == 302
        post.refresh_from_db()
        assert post.live
        assert not post.workflow_in_progress
        task_state.refresh_from_db()
        assert task_state.status == TaskState.STATUS_APPROVED
        assert task_state.finished_by == editor_a
        assert len(mails_to(writer_a)) == 1
        assert mails_to(editor_a) == []
        assert mails_to(editor_b) == []

    def test_editor_rejects_writer_is_told(
        self, client, writer_a, editor_a, author_a, space_a, django_capture_on_commit_callbacks
    ):
        submit_as(client, writer_a, space_a, author_a, django_capture_on_commit_callbacks)
        post = BlogPostPage.objects.get(slug="digitala-larplattor")
        task_state = post.current_workflow_state.current_task_state
        mail.outbox.clear()

        client.force_login(editor_a)
        url = reverse("wagtailadmin_pages:workflow_action", args=(post.id, "reject", task_state.id))
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"comment": "Lägg till en bild med alt-text."})

        assert response.status_code == 302
        post.refresh_from_db()
        assert not post.live
        assert post.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
        assert len(mails_to(writer_a)) == 1
        assert "Lägg till en bild med alt-text." in mails_to(writer_a)[0].body

    def test_editor_of_another_organisation_cannot_approve(
        self, client, writer_a, editor_b, author_a, space_a, django_capture_on_commit_callbacks
    ):
        submit_as(client, writer_a, space_a, author_a, django_capture_on_commit_callbacks)
        post = BlogPostPage.objects.get(slug="digitala-larplattor")
        task_state = post.current_workflow_state.current_task_state

        client.force_login(editor_b)
        url = reverse("wagtailadmin_pages:workflow_action", args=(post.id, "approve", task_state.id))
        response = client.post(url, {"comment": ""})

        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        post.refresh_from_db()
        assert not post.live
        task_state.refresh_from_db()
        assert task_state.status == TaskState.STATUS_IN_PROGRESS

    def test_editor_of_two_organisations_gets_one_mail(
        self, client, writer_a, org_a, org_b, author_a, space_a, django_capture_on_commit_callbacks
    ):
        both = editor_of(org_a, org_b, username="redaktor_ab")
        add_editor(both, org_a)  # idempotent: still one membership
        submit_as(client, writer_a, space_a, author_a, django_capture_on_commit_callbacks)
        assert len(mails_to(both)) == 1


class TestWriterLimits:
    def test_writer_cannot_publish_directly(self, client, writer_a, editor_a, author_a, space_a):
        client.force_login(writer_a)
        response = client.post(add_url(space_a), post_data(author_a, **{"action-publish": "Publicera"}))

        assert response.status_code == 302
        post = BlogPostPage.objects.get(slug="digitala-larplattor")
        assert not post.live
        assert post.live_revision is None
        assert post.first_published_at is None

    def test_writer_cannot_publish_an_edit_of_a_live_post(self, client, writer_a, space_a):
        post = create_post(space_a, "Publicerat inlägg")
        client.force_login(writer_a)
        url = reverse("wagtailadmin_pages:edit", args=(post.id,))
        response = client.post(url, edit_data(post, title="Ändrad av skribent", **{"action-publish": "Publicera"}))

        assert response.status_code == 302
        assert response["Location"] == url
        post.refresh_from_db()
        assert post.title == "Publicerat inlägg"  # the live title is unchanged
        assert post.get_latest_revision_as_object().title == "Ändrad av skribent"  # saved as a draft

    def test_writer_cannot_add_a_post_in_another_organisations_space(self, client, writer_a, author_a, space_b):
        client.force_login(writer_a)
        before = BlogPostPage.objects.count()

        response = client.get(add_url(space_b))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")

        response = client.post(add_url(space_b), post_data(author_a, **{"action-submit": "Skicka"}))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert BlogPostPage.objects.count() == before
        assert not Page.objects.filter(slug="digitala-larplattor").exists()

    def test_writer_cannot_edit_another_organisations_post(self, client, writer_a, space_b):
        post = create_post(space_b, "B:s inlägg")
        client.force_login(writer_a)
        url = reverse("wagtailadmin_pages:edit", args=(post.id,))
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        response = client.post(url, edit_data(post, title="Kapat", **{"action-submit": "Skicka"}))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        post.refresh_from_db()
        assert post.title == "B:s inlägg"
        assert post.get_latest_revision_as_object().title == "B:s inlägg"


class TestScheduledPublishing:
    def test_approved_go_live_in_the_past_is_published_by_the_task(self, client, editor_a, author_a, space_a):
        client.force_login(editor_a)
        go_live = timezone.localtime() + datetime.timedelta(days=2)
        response = client.post(
            add_url(space_a),
            post_data(author_a, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"), **{"action-publish": "Publicera"}),
        )
        assert response.status_code == 302
        post = BlogPostPage.objects.get(slug="digitala-larplattor")
        assert not post.live  # scheduled, not yet live
        revision = post.latest_revision
        assert revision.approved_go_live_at is not None

        tasks.publish_scheduled_pages()
        post.refresh_from_db()
        assert not post.live  # the time has not come yet

        # Time passes: three days later the scheduled moment is in the past when beat runs the task.
        later = timezone.now() + datetime.timedelta(days=3)
        with mock.patch("django.utils.timezone.now", return_value=later):
            tasks.publish_scheduled_pages()

        post.refresh_from_db()
        assert post.live
        assert post.live_revision_id == revision.pk
