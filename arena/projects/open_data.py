"""The change projects as open data (arena's answer to arena.hooks.OPEN_DATASETS): the live projects that anyone
may see, with what their cards and pages say publicly. Contact people are left out."""

from django.db.models import Max
from django.utils.translation import gettext as _

from arena.open_data.datasets import Column, Dataset
from arena.projects import queries
from arena.site_url import absolute_url

SEPARATOR = "; "


def _columns():
    return (
        Column("title", "string", _("The project's name.")),
        Column("url", "string", _("The project's page."), format="uri"),
        Column("summary", "string", _("A short description of the project.")),
        Column("status", "string", _("The project's phase: ide, forstudie, pagaende, forvaltning or avslutad.")),
        Column("status_label", "string", _("The phase in words.")),
        Column("organisation", "string", _("The organisation that owns the project.")),
        Column("partners", "string", _("Partner organisations, separated by semicolons.")),
        Column("focus_areas", "string", _("The city's focus areas the project belongs to, separated by semicolons.")),
        Column("start_date", "string", _("When the project started."), format="date", nullable=True),
        Column("end_date", "string", _("When the project ended or is planned to end."), format="date", nullable=True),
        Column("published_at", "string", _("When the project was first published."), format="date-time"),
    )


def _rows():
    projects = queries.for_listing(queries.public_projects()).prefetch_related("partner_organisations")
    for project in projects:
        yield {
            "title": project.title,
            "url": absolute_url(project.get_url()),
            "summary": project.summary,
            "status": project.status,
            "status_label": project.get_status_display(),
            "organisation": project.organisation_name,
            "partners": SEPARATOR.join(project.partner_names),
            "focus_areas": SEPARATOR.join(project.focus_area_names),
            "start_date": project.start_date.isoformat() if project.start_date else None,
            "end_date": project.end_date.isoformat() if project.end_date else None,
            "published_at": project.first_published_at.isoformat(),
        }


def _modified():
    return queries.public_projects().aggregate(latest=Max("last_published_at"))["latest"]


def projects_dataset():
    return Dataset(
        slug="forandringsprojekt",
        title=_("Change projects"),
        description=_(
            "The city's published change projects in digitalisation and innovation: owner, partners, phase, focus "
            "areas and dates, with a link to each project's page."
        ),
        columns=_columns(),
        rows=_rows,
        modified=_modified,
        themes=("GOVE", "TECH"),
        keywords=(_("change projects"), _("digitalisation"), _("innovation")),
    )
