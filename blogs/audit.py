"""Comment moderation in Wagtail's audit log (Reports → Site history): who hid or restored which comment, and when.
blogs.services writes the entries inside the moderation's transaction; blogs/wagtail_hooks.py registers the actions
with their Swedish texts and the log entry model that keeps each entry within its organisation
(blogs.models.CommentLogEntry)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

HIDDEN = "blogs.comment_hidden"
RESTORED = "blogs.comment_restored"


class HiddenFormatter(LogFormatter):
    label = _("Comment hidden")
    message = _("Hid the comment")


class RestoredFormatter(LogFormatter):
    label = _("Comment restored")
    message = _("Showed the hidden comment again")


FORMATTERS = {HIDDEN: HiddenFormatter, RESTORED: RestoredFormatter}


def log_hidden(comment, user):
    log(comment, HIDDEN, user=user)


def log_restored(comment, user):
    log(comment, RESTORED, user=user)
