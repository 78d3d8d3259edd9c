from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogsConfig(AppConfig):
    name = "blogs"
    verbose_name = _("Blogs")

    def ready(self):
        # Plug into arena's provisioning, demo content and start page (arena never imports blogs).
        from blogs import demo, home, provisioning  # noqa: F401
