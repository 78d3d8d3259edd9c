"""Links in the site's frame (header and footer) that come from the URL configuration and the page tree."""

from urllib.parse import quote

from django import template
from django.urls import reverse
from wagtail.models import Site

from arena.site_frame import frame_for
from arena.site_pages import site_pages as find_site_pages
from arena.userbar import userbar_html

register = template.Library()


@register.simple_tag(takes_context=True)
def site_pages(context):
    """The accessibility statement and cookie page of the request's site: {"accessibility": {"pk", "url"} or None,
    "cookies": ...}. Cached (arena.site_pages); the site itself is the one Wagtail already found for the request."""
    request = context.get("request")
    return find_site_pages(Site.find_for_request(request) if request is not None else None)


@register.simple_tag(takes_context=True)
def site_frame(context):
    """The main menu, footer links, footer text and contact address of the request's site (arena.site_frame,
    cached)."""
    request = context.get("request")
    return frame_for(Site.find_for_request(request) if request is not None else None)


@register.simple_tag(takes_context=True)
def page_userbar(context):
    """Wagtail's user bar for editors who may edit some page, cached per editor and page (arena.userbar)."""
    return userbar_html(context, context.get("page"))


@register.simple_tag(takes_context=True)
def login_url(context):
    """The login page, returning to the current page afterwards; not from the start page or the account pages."""
    url = reverse("account_login")
    request = context.get("request")
    if request is None or request.path == reverse("wagtail_serve", args=("",)) or _is_account_page(request):
        return url
    return f"{url}?next={quote(request.get_full_path(), safe='/')}"


def _is_account_page(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.func.__module__.startswith("allauth.")
