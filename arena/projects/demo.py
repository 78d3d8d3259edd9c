"""Demo change projects for seed_demo (registered on arena_seed_demo after the blogs and the conference, whose
posts and sessions the projects link to through the linkable-content hook — arena imports neither app).

Idempotent: a project is found by its slug under the index and never made twice; the start page's featured
projects and the demo follows are set only when there are none. The texts live in demo_data/projects.yaml.
"""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.documents import get_document_model

from arena.demo.data_files import DemoDataError, load_demo_data
from arena.demo.taxonomy import ensure_focus_areas
from arena.linkable_content import type_for_key
from arena.models import (
    ChangeProjectPage,
    HomePage,
    HomePageFeaturedProject,
    Organisation,
    Person,
    ProjectBenefit,
    ProjectContentLink,
    ProjectDocument,
    ProjectFollower,
    ProjectUpdate,
)
from arena.projects import services
from arena.projects.setup import ensure_projects_section

DATA_FILE = Path(__file__).resolve().parent / "demo_data" / "projects.yaml"
FEATURED = ["sensorer-i-kulturhistoriska-byggnader", "ai-assistent-i-handlaggningen", "e-tjanst-for-forskoleplats"]
FOLLOWED_BY_STAFF = ["automatiseringsfabriken", "lakemedelsrobot-i-hemmet"]
STAFF_USERNAME = "medarbetare"


def seed_projects_demo(home=None, organisations=(), stdout=None):
    index = ensure_projects_section(home)
    if index is None:
        return
    areas = {area.slug: area for area in ensure_focus_areas()}
    orgs = {organisation.name: organisation for organisation in Organisation.objects.all()}
    created = 0
    for data in load_demo_data(DATA_FILE):
        if ChangeProjectPage.objects.child_of(index).filter(slug=data["slug"]).exists():
            continue
        if data["organisation"] not in orgs:
            continue  # a trimmed demo (browser tests) without this organisation
        create_project(index, data, orgs, areas)
        created += 1
    feature_on_home(home)
    follow_as_staff()
    if stdout is not None:
        stdout.write(
            f"Förändringsprojekt: {ChangeProjectPage.objects.live().count()} publicerade ({created} nya), "
            f"{ProjectContentLink.objects.count()} länkar till inlägg, pass och inspelningar, "
            f"{ProjectDocument.objects.count()} dokumentlänkar."
        )


def ensure_contact(data, orgs):
    person, _created = Person.objects.get_or_create(
        slug=data["slug"],
        defaults={
            "name": data["name"],
            "job_title": data.get("job_title", ""),
            "organisation": orgs.get(data.get("organisation")),
        },
    )
    return person


def content_link(reference):
    """A ProjectContentLink for "post: <slug>" or "session: <year>/<code>", or None when the content is missing
    (its app is not installed, or its demo did not run)."""
    key, _sep, value = reference.partition(":")
    linkable = type_for_key(key.strip())
    if linkable is None:
        return None
    item = linkable.find(value.strip())
    if item is None:
        return None
    return ProjectContentLink(content_type=linkable.content_type, object_id=item.pk)


def create_project(index, data, orgs, areas):
    updates = sorted(data.get("updates", ()), key=lambda update: update["date"], reverse=True)
    project = ChangeProjectPage(
        title=data["title"],
        slug=data["slug"],
        organisation=orgs[data["organisation"]],
        status=data["status"],
        start_date=data.get("start"),
        end_date=data.get("end"),
        summary=" ".join(data["summary"].split()),
        need=data.get("need", ""),
        work_done=data.get("work_done", ""),
        lessons_learned=data.get("lessons", ""),
        contact=ensure_contact(data["contact"], orgs) if data.get("contact") else None,
        live=False,
    )
    index.add_child(instance=project)
    unknown = [slug for slug in data.get("focus", ()) if slug not in areas]
    if unknown:
        raise DemoDataError(f"{DATA_FILE}: unknown focus areas {unknown} in {data['slug']}")
    project.focus_areas.set([areas[slug] for slug in data.get("focus", ())])
    project.partner_organisations.set([orgs[name] for name in data.get("partners", ()) if name in orgs])
    project.tags.add(*data.get("tags", ()))
    for order, benefit in enumerate(data.get("benefits", ())):
        project.benefits.add(
            ProjectBenefit(
                sort_order=order,
                indicator=benefit["indicator"],
                baseline=str(benefit.get("baseline", "")),
                target=str(benefit["target"]),
                outcome=str(benefit.get("outcome", "")),
            )
        )
    for update in updates:
        project.updates.add(ProjectUpdate(date=update["date"], text=update["text"]))
    documents = get_document_model().objects.filter(title__in=data.get("documents", ())).order_by("title")
    for order, document in enumerate(documents):
        project.related_documents.add(ProjectDocument(sort_order=order, document=document))
    links = [content_link(reference) for reference in data.get("links", ())]
    for order, link in enumerate(link for link in links if link is not None):
        link.sort_order = order
        project.content_links.add(link)
    project.save_revision().publish()
    # The log's entries are history, not news: record them as mailed so following later sends nothing old.
    services.claim_new_updates(project)
    # Demo projects look as if they were last published with their latest update, not on the day of seeding.
    latest = updates[0]["date"] if updates else (data.get("start") or timezone.localdate())
    when = timezone.make_aware(datetime.datetime.combine(latest, datetime.time(10, 0)))
    ChangeProjectPage.objects.filter(pk=project.pk).update(first_published_at=when, last_published_at=when)
    return project


def feature_on_home(home):
    home = home or HomePage.objects.first()
    if home is None or HomePageFeaturedProject.objects.filter(page=home).exists():
        return
    projects = {project.slug: project for project in ChangeProjectPage.objects.live().filter(slug__in=FEATURED)}
    chosen = [projects[slug] for slug in FEATURED if slug in projects]
    if not chosen:
        return
    home = HomePage.objects.get(pk=home.pk)
    home.featured_projects = [
        HomePageFeaturedProject(project=project, sort_order=order) for order, project in enumerate(chosen)
    ]
    home.save_revision().publish()


def follow_as_staff():
    user = get_user_model().objects.filter(username=STAFF_USERNAME).first()
    if user is None or ProjectFollower.objects.filter(user=user).exists():
        return
    for project in ChangeProjectPage.objects.live().filter(slug__in=FOLLOWED_BY_STAFF):
        services.follow(user, project)
