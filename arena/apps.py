from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArenaConfig(AppConfig):
    name = "arena"
    verbose_name = _("Arena")

    def ready(self):
        from arena import signals, workflow_notifications

        signals.connect()  # provisioning on save, page-cache purges
        workflow_notifications.connect()  # Wagtail's moderation emails go through Celery
