from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferencesConfig(AppConfig):
    name = "conferences"
    verbose_name = _("Conferences")

    def ready(self):
        # Signals record programme changes, give new places to the waiting list, reindex recordings, queue the
        # registration e-mails and purge the page cache. Demo content and related content plug into arena through
        # conferences/wagtail_hooks.py.
        from conferences import signals

        signals.connect()
