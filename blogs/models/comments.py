"""Staff comments on posts. Each comment carries its organisation so moderation can be scoped in one place."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from arena.models import Organisation

COMMENT_MAX_LENGTH = 2000


class CommentQuerySet(models.QuerySet):
    """Who may do what with comments is decided here and nowhere else; views, the admin and services start from
    `for_user` (what a user may read) or `moderatable_by` (what a user may hide and restore)."""

    def visible(self):
        """Comments that are shown on the post page: not hidden by a moderator."""
        return self.filter(is_hidden=False)

    def for_user(self, user):
        """What a user may read: the shown comments on the posts they may read, and every comment they may
        moderate, hidden ones included (moderators read those in the admin)."""
        from blogs.queries import posts_visible_to  # the post visibility rule; blogs.queries imports the models

        return self.visible().filter(post__in=posts_visible_to(user)) | self.moderatable_by(user)

    def moderatable_by(self, user):
        """What a user may moderate (hide, restore): the comments in the organisations they are an editor of."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(organisation__in=Organisation.objects.edited_by(user))


class Comment(models.Model):
    post = models.ForeignKey(
        "blogs.BlogPostPage", verbose_name=_("post"), on_delete=models.CASCADE, related_name="comments"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="blog_comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="blog_comments"
    )
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    report_count = models.PositiveIntegerField(_("reports"), default=0)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [("moderate_comment", _("Can moderate comments in their organisation"))]
        indexes = [models.Index(fields=["post", "is_hidden", "created_at"])]

    def __str__(self):
        return f"{self.author} om {self.post.title}: {self.body[:40]}"


class CommentReport(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_person")]
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")

    def __str__(self):
        return f"{self.reporter} rapporterade kommentar {self.comment_id}"
