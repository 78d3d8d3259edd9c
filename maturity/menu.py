"""The maturity dashboards in the public site's main menu, for everyone who may see them (logged-in staff)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from arena.main_menu import MenuItem


def dashboard_menu_item(request):
    if not request.user.is_authenticated:
        return None
    return MenuItem(label=_("Maturity"), url=reverse("maturity:dashboard"))
