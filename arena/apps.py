from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sync_site_after_migrate(sender, using, **kwargs):
    from arena.site_url import sync_default_site

    sync_default_site()


class ArenaConfig(AppConfig):
    name = "arena"
    verbose_name = _("Arena")

    def ready(self):
        from arena import signals, workflow_notifications

        signals.connect()  # provisioning on save, page-cache purges
        workflow_notifications.connect()  # Wagtail's moderation emails go through Celery
        # The default Site follows PUBLIC_BASE_URL (links in feeds, sitemap, API). post_migrate comes after the whole
        # migration plan, so Wagtail's Site table exists by then.
        post_migrate.connect(sync_site_after_migrate, sender=self, dispatch_uid="arena_sync_site")
