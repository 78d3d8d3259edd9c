"""Hiding and restoring comments appears in Wagtail's audit log with who and when, in Swedish in Reports → Site
history, and stays within the comment's organisation: every organisation's editors may moderate comments, so
Wagtail's own rule (any permission on the model shows all its entries) would show them each other's moderation;
the blogs' own log entry model (blogs.models.CommentLogEntry) shows an entry only to editors of the comment's
organisation and to superusers."""

import pytest
from django.urls import reverse
from django.utils import timezone

from blogs import audit
from blogs.models import CommentLogEntry
from tests.blogs.factories import CommentFactory, create_post
from tests.helpers.audit_log import history_row, only_entry, site_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment_a(space_a):
    return CommentFactory(post=create_post(space_a, "Digitala kvitton i förskolan"), body="Unik kommentar")


def test_hiding_and_restoring_are_logged_for_the_organisations_editors(
    client, comment_a, editor_a, editor_b, superuser
):
    client.force_login(editor_a)
    since = timezone.now()
    assert client.post(reverse("kommentarer:hide", args=(comment_a.pk,))).status_code == 302
    hidden = only_entry(comment_a, audit.HIDDEN, editor_a, since)
    assert isinstance(hidden, CommentLogEntry) and hidden.organisation_id == comment_a.organisation_id
    assert client.post(reverse("kommentarer:restore", args=(comment_a.pk,))).status_code == 302
    only_entry(comment_a, audit.RESTORED, editor_a, since)

    history = site_history(superuser)
    assert history_row(hidden) in history
    assert "Dolde kommentaren" in history and "Visade den dolda kommentaren igen" in history
    assert "Kommentar dold" in history  # the action filter's label
    assert "Dolde kommentaren" in site_history(editor_a)

    assert editor_b.has_perm("blogs.moderate_comment")  # Wagtail's rule alone would show it
    other = site_history(editor_b)
    assert "Dolde kommentaren" not in other and history_row(hidden) not in other


def test_a_refused_moderation_logs_nothing(client, comment_a, editor_b):
    client.force_login(editor_b)
    assert client.post(reverse("kommentarer:hide", args=(comment_a.pk,))).status_code == 403
    assert not CommentLogEntry.objects.exists()
