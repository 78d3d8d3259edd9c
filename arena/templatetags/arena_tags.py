from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from arena.home_sections import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def home_sections(context):
    """Render every section registered by the apps (latest posts, next conference, ...) in order."""
    request = context.get("request")
    parts = [
        render_to_string(section.template, section.context, request=request) for section in sections_for(request)
    ]
    return mark_safe("".join(parts))  # each part is an autoescaped template render
