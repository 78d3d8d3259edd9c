"""Sections other apps add to the start page (the arena.hooks.HOME_SECTIONS hook), without arena importing them.

An app registers, in its wagtail_hooks.py, a function that takes the request and returns a HomeSection (or None
to show nothing); the hook's order is the section's position on the page.

Each section's HTML is cached for PAGE_CACHE_SECONDS under the start page's generations (arena.page_cache), so
publishing, a comment or an import that purges the start page renders its sections anew. A section is the same
for everyone unless its function is marked `@varies_by_audience` (e.g. the latest posts, which include staff-only
posts for signed-in staff): that one is cached per audience (arena.user_rights.audience_of), never per user.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from wagtail import hooks

from arena import page_cache
from arena.hooks import HOME_SECTIONS
from arena.page_cache_local import versioned_get_many, versioned_set
from arena.user_rights import audience_of

EVERYONE = "everyone"


@dataclass(frozen=True)
class HomeSection:
    template: str
    context: dict = field(default_factory=dict)


def varies_by_audience(section_for):
    """Mark a section function whose content depends on what the visitor may see."""
    section_for.varies_by_audience = True
    return section_for


def render_sections(request):
    """The HTML of every section, in order: from the cache where it can be, rendered (and cached) otherwise."""
    functions = hooks.get_hooks(HOME_SECTIONS)
    if settings.PAGE_CACHE_SECONDS <= 0:
        return [_render(section_for, request) for section_for in functions]
    site_generation, path_generation = page_cache.generations(request.path)
    audience = audience_of(request.user)
    keys = [
        "home-section:{}:{}:{}.{}:{}".format(
            site_generation,
            path_generation,
            section_for.__module__,
            section_for.__qualname__,
            audience if getattr(section_for, "varies_by_audience", False) else EVERYONE,
        )
        for section_for in functions
    ]
    cached = versioned_get_many(keys)  # the keys name the content version: a process may keep its own copies
    parts = []
    for key, section_for in zip(keys, functions, strict=True):
        html = cached.get(key)
        if html is None:
            html = _render(section_for, request)
            versioned_set(key, html, settings.PAGE_CACHE_SECONDS)
        parts.append(html)
    return parts


def _render(section_for, request):
    section = section_for(request)
    return "" if section is None else render_to_string(section.template, section.context, request=request)
