"""Sections other apps add to the start page (the arena.hooks.HOME_SECTIONS hook), without arena importing them.

An app registers, in its wagtail_hooks.py, a function that takes the request and returns a HomeSection (or None
to show nothing); the hook's order is the section's position on the page.
"""

from dataclasses import dataclass, field

from wagtail import hooks

from arena.hooks import HOME_SECTIONS


@dataclass(frozen=True)
class HomeSection:
    template: str
    context: dict = field(default_factory=dict)


def sections_for(request):
    """The start page's sections for this request, in order."""
    sections = (section_for(request) for section_for in hooks.get_hooks(HOME_SECTIONS))
    return [section for section in sections if section is not None]
