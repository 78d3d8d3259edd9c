from django import template
from django.template.backends.utils import csrf_input
from django.utils.safestring import mark_safe

from arena import site_url
from arena.home_sections import render_sections
from arena.main_menu import items_for

register = template.Library()


@register.simple_tag(takes_context=True)
def home_sections(context):
    """Render every section registered by the apps (latest posts, next conference, ...) in order (cached,
    arena.home_sections)."""
    return mark_safe("".join(render_sections(context["request"])))  # each part is an autoescaped template render


@register.simple_tag(takes_context=True)
def csrf_field(context):
    """The CSRF token for a form anonymous visitors may send, but only for signed-in users: anonymous visitors' posts
    are checked by their Origin header instead (arena/csrf.py), so the page sets no cookie and can be cached."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    return csrf_input(request)


@register.filter
def absolute_url(location):
    """A path or URL as an absolute URL on the site's public address (PUBLIC_BASE_URL), never the Host header."""
    return site_url.absolute_url(str(location))


@register.simple_tag(takes_context=True)
def app_menu_items(context):
    """The apps' main-menu items for this request, as (item, is_current) pairs."""
    request = context.get("request")
    if request is None:
        return []
    return [(item, item.is_current(request.path)) for item in items_for(request)]
