"""Building change projects for the tests: through the page tree like the admin, or in bulk for query counts."""

import datetime
import itertools

from wagtail.models import PageViewRestriction

from arena.models import ChangeProjectPage, ProjectBenefit, ProjectStatus, ProjectUpdate

_numbers = itertools.count(1)


def create_project(
    index,
    organisation,
    title=None,
    *,
    status=ProjectStatus.ONGOING,
    start=datetime.date(2024, 1, 1),
    end=None,
    live=True,
    revision=True,
    partners=(),
    focus_areas=(),
    tags=(),
    updates=(),
    benefits=(),
    staff_only=False,
):
    number = next(_numbers)
    project = ChangeProjectPage(
        title=title or f"Förändringsprojekt {number}",
        slug=f"projekt-{number}",
        organisation=organisation,
        status=status,
        start_date=start,
        end_date=end,
        summary=f"Sammanfattning av projekt {number}.",
        need="<p>Ett behov.</p>",
        live=live and not revision,
    )
    index.add_child(instance=project)
    if partners:
        project.partner_organisations.set(partners)
    if focus_areas:
        project.focus_areas.set(focus_areas)
    if tags:
        project.tags.add(*tags)
    for date, text in updates:
        project.updates.add(ProjectUpdate(date=date, text=text))
    for indicator, target in benefits:
        project.benefits.add(ProjectBenefit(indicator=indicator, target=target))
    if revision:
        saved = project.save_revision()
        if live:
            saved.publish()
    elif tags or updates or benefits or partners or focus_areas:
        project.save()
    project.refresh_from_db()
    if staff_only:
        PageViewRestriction.objects.create(page=project, restriction_type=PageViewRestriction.LOGIN)
    return project
