"""Reading Wagtail's audit log in tests: an object's entries, and the admin's Site history report as a user sees it."""

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.log_actions import registry


def entries(instance, action):
    """The object's log entries with `action`, oldest first."""
    return list(registry.get_logs_for_instance(instance).filter(action=action).order_by("timestamp", "pk"))


def only_entry(instance, action, user, since):
    """The object's single `action` entry, checked to name `user` and to have been written between `since` and now."""
    found = entries(instance, action)
    assert len(found) == 1, found
    entry = found[0]
    assert entry.user_id == (user.pk if user is not None else None)
    assert since <= entry.timestamp <= timezone.now()
    return entry


def site_history(user):
    """The Site history report's page as `user` sees it (in a fresh client), as text."""
    client = Client()
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    return response.content.decode()


def history_row(entry):
    """What identifies `entry` in the report: its object's name as logged (HTML-escaped like the page)."""
    return escape(entry.label)
