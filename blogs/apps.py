from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogsConfig(AppConfig):
    # Provisioning, demo content, start-page sections and related content plug into arena through the hooks
    # registered in blogs/wagtail_hooks.py (arena never imports blogs).
    name = "blogs"
    verbose_name = _("Blogs")
