"""The start page's change projects (an arena.hooks.HOME_SECTIONS answer): the arena editors' choice on the home
page, topped up with the most recently published projects."""

from wagtail.models import Site

from arena.home_sections import HomeSection
from arena.projects import queries

FEATURED_ON_HOME = 3


def featured_projects(request):
    site = Site.find_for_request(request) if request is not None else None
    projects = queries.featured_projects(site.root_page_id if site is not None else None, FEATURED_ON_HOME)
    if not projects:
        return None
    return HomeSection(
        "arena/projects/home_featured_projects.html", {"projects": projects, "project_index": queries.project_index()}
    )
