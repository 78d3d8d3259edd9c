from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArenaConfig(AppConfig):
    name = "arena"
    verbose_name = _("Arena")

    def ready(self):
        from . import signals, workflow_notifications  # noqa: F401  (signals connects provisioning and cache purge)

        workflow_notifications.connect()  # Wagtail's moderation emails go through Celery
