"""Rules for comments: who may write, report and moderate, and the flood limit. Moderation is written to the
audit log (blogs.audit) in the same transaction."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from blogs import audit
from blogs.comment_pages import purge_pages_showing_comments_of
from blogs.models import Comment, CommentReport

# A person may write at most this many comments within the window (counted in the database, so the
# limit holds across web processes and survives a cache outage).
COMMENT_LIMIT = 5
COMMENT_WINDOW = timedelta(minutes=10)


def comments_open(post):
    space = post.get_parent().specific
    return getattr(space, "comments_enabled", False)


@transaction.atomic
def add_comment(user, post, body):
    if not user.is_authenticated:
        raise PermissionDenied(_("Log in to comment."))
    if not comments_open(post):
        raise ValidationError(_("Comments are switched off for this blog."))
    recent = Comment.objects.filter(author=user, created_at__gte=timezone.now() - COMMENT_WINDOW).count()
    if recent >= COMMENT_LIMIT:
        raise ValidationError(_("You have written many comments in a short time. Wait a few minutes and try again."))
    comment = Comment.objects.create(post=post, organisation_id=post.organisation_id, author=user, body=body)
    transaction.on_commit(lambda: purge_pages_showing_comments_of(post))  # anonymous visitors see comments too
    return comment


@transaction.atomic
def report_comment(user, comment):
    """Returns True when this is the person's first report of the comment."""
    if not user.is_authenticated:
        raise PermissionDenied(_("Log in to report a comment."))
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, reporter=user)
    except IntegrityError:
        return False
    Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
    return True


def _moderatable(user, comment):
    if not Comment.objects.moderatable_by(user).filter(pk=comment.pk).exists():
        raise PermissionDenied(_("You may only moderate comments in your own organisation."))


@transaction.atomic
def hide_comment(user, comment):
    _moderatable(user, comment)
    Comment.objects.filter(pk=comment.pk).update(is_hidden=True, hidden_by=user, hidden_at=timezone.now())
    audit.log_hidden(comment, user)
    transaction.on_commit(lambda: purge_pages_showing_comments_of(comment.post))


@transaction.atomic
def restore_comment(user, comment):
    _moderatable(user, comment)
    Comment.objects.filter(pk=comment.pk).update(is_hidden=False, hidden_by=None, hidden_at=None)
    audit.log_restored(comment, user)
    transaction.on_commit(lambda: purge_pages_showing_comments_of(comment.post))
