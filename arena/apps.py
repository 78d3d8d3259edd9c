from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def after_migrate(sender, using, **kwargs):
    from arena.projects.setup import ensure_projects_section
    from arena.site_url import sync_default_site
    from arena.slugs import asciify_existing_slugs

    sync_default_site()
    asciify_existing_slugs()
    ensure_projects_section()  # /forandringsprojekt/ with its permissions and workflow, once there is a home page


class ArenaConfig(AppConfig):
    name = "arena"
    verbose_name = _("Arena")

    def ready(self):
        from arena import signals, slugs, stream_fields, workflow_notifications

        signals.connect()  # provisioning on save, page-cache purges
        slugs.require_ascii_slugs_in_admin_forms()
        stream_fields.register()  # malformed StreamField POSTs are form errors, not 500s
        workflow_notifications.connect()  # Wagtail's moderation emails go through Celery
        # The default Site follows PUBLIC_BASE_URL (links in feeds, sitemap, API), and addresses made before they
        # were ASCII move (with redirects). post_migrate comes after the whole migration plan, so every table exists.
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="arena_after_migrate")
