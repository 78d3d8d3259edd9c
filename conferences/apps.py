from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferencesConfig(AppConfig):
    name = "conferences"
    verbose_name = _("Conferences")

    def ready(self):
        # Signals record programme changes, give new places to the waiting list, reindex recordings and purge the
        # page cache; demo plugs into seed_demo (arena never imports conferences). conferences.wagtail_hooks is
        # found by Wagtail's own hook autodiscovery.
        from conferences import signals  # noqa: F401
        from conferences.demo import seed  # noqa: F401
