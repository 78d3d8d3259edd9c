"""arena's answer to the related-content hook with change projects (maturity's "learn from colleagues")."""

from django.utils.translation import gettext_lazy as _

from arena.projects import queries
from arena.related_content import RelatedGroup, RelatedItem


def related_projects(query):
    return RelatedGroup(
        key="projects",
        heading=_("Change projects"),
        empty_message=_("No change projects on this subject yet."),
        items=[
            RelatedItem(title=project.title, url=project.get_url(), meta=project.organisation.name)
            for project in queries.related_projects(query)
        ],
    )
