"""Blogs in the Wagtail admin and in arena: registrations only. The admin views live in blogs/admin_views.py."""

from wagtail import hooks

from arena import hooks as arena_hooks
from blogs import audit, demo, home, linkable, provisioning, related
from blogs.admin_views import CommentViewSet
from blogs.models import Comment, CommentLogEntry


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet()


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    actions.register_model(Comment, CommentLogEntry)
    for action, formatter in audit.FORMATTERS.items():
        actions.register_action(action)(formatter)


# --- Plug-in points of arena (arena/hooks.py) ----------------------------------------------------------------------
hooks.register(arena_hooks.PROVISION_ORGANISATION, provisioning.provision_blog_space, order=10)
hooks.register(arena_hooks.HOME_SECTIONS, home.latest_posts, order=10)
hooks.register(arena_hooks.HOME_SECTIONS, home.blog_spaces, order=20)
hooks.register(arena_hooks.SEED_DEMO, demo.seed_blog_demo, order=10)
hooks.register(arena_hooks.RELATED_CONTENT, related.related_posts, order=10)
hooks.register(arena_hooks.LINKABLE_CONTENT, linkable.linkable_posts, order=10)
