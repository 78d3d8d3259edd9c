from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def grant_analyst_permissions(sender, using, **kwargs):
    """Give the analysts their permissions after every migrate (idempotent).

    post_migrate handlers run in app order and this app comes before django.contrib.auth and wagtail.admin, so
    the permissions it needs may not exist yet on a fresh database: create them first (also idempotent)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    from maturity.roles import grant_analyst_permissions as grant

    for label in ("maturity", "arena", "wagtailadmin"):
        config = apps.get_app_config(label)
        create_contenttypes(config, verbosity=0, using=using)
        create_permissions(config, verbosity=0, using=using)
    grant()


class MaturityConfig(AppConfig):
    name = "maturity"
    verbose_name = _("Digital maturity")

    def ready(self):
        # Signals purge the page cache when a round or a national value changes. Demo content and the start page's
        # headline plug into arena through maturity/wagtail_hooks.py (arena never imports maturity).
        from maturity import signals

        signals.connect()
        post_migrate.connect(grant_analyst_permissions, sender=self, dispatch_uid="maturity_grant_analysts")
