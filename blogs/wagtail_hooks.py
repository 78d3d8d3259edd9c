"""Blogs in the Wagtail admin: registrations only. The views live in blogs/admin_views.py."""

from wagtail import hooks

from blogs.admin_views import CommentViewSet


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet()
