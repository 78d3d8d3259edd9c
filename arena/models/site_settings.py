from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from arena.blocks import NavigationBlock


@register_setting(icon="list-ul")
class SiteSettings(BaseSiteSetting):
    """Per-site navigation and footer, edited under Settings in the admin."""

    primary_navigation = StreamField(NavigationBlock(), verbose_name=_("main menu"), blank=True)
    footer_links = StreamField(NavigationBlock(), verbose_name=_("footer links"), blank=True)
    footer_text = models.TextField(_("footer text"), blank=True, max_length=500)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [
        FieldPanel("primary_navigation"),
        FieldPanel("footer_links"),
        FieldPanel("footer_text"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
