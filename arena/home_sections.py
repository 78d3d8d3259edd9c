"""Sections other apps add to the start page, without arena importing them.

from arena.home_sections import home_section

@home_section(order=10, template="blogs/includes/home_latest_posts.html")
def latest_posts(request):
    return {"posts": ...}
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeSection:
    order: int
    template: str
    get_context: Callable


_sections: list[HomeSection] = []


def home_section(order, template):
    def register(func):
        if not any(section.get_context is func for section in _sections):
            _sections.append(HomeSection(order=order, template=template, get_context=func))
            _sections.sort(key=lambda section: section.order)
        return func

    return register


def registered_sections():
    return list(_sections)
