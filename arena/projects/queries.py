"""Read-side queries for change projects. Who may see which project is decided here and nowhere else."""

from django.db.models import F, Max, Min, OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.models import CollectionViewRestriction

from arena.linkable_content import resolve
from arena.models import (
    ChangeProjectIndexPage,
    ChangeProjectPage,
    FocusArea,
    HomePageFeaturedProject,
    Organisation,
    ProjectDocument,
    ProjectFollower,
)
from arena.visibility import without_collection_restrictions, without_page_restrictions


def project_index():
    """/forandringsprojekt/; a site has one."""
    return ChangeProjectIndexPage.objects.live().first()


def projects_visible_to(user):
    """Live projects; those behind a login restriction only for signed-in users."""
    projects = ChangeProjectPage.objects.live()
    if not user.is_authenticated:
        projects = without_page_restrictions(projects)
    return projects


def public_projects():
    """Live and without restrictions: for related content and anything cached for everyone."""
    return without_page_restrictions(ChangeProjectPage.objects.live())


def for_listing(projects):
    """What a project card needs, in a fixed number of queries however many projects there are."""
    return (
        projects.select_related("organisation")
        .prefetch_related("focus_areas")
        .order_by(F("start_date").desc(nulls_last=True), "title", "pk")
    )


def filter_projects(projects, *, organisation=None, status=None, focus_area=None, year=None):
    """An organisation matches as owner or partner; a year matches the projects running at some time in it."""
    if organisation:
        involved = ChangeProjectPage.objects.filter(
            Q(organisation__slug=organisation) | Q(partner_organisations__slug=organisation)
        )
        projects = projects.filter(pk__in=involved.values("pk"))
    if status:
        projects = projects.filter(status=status)
    if focus_area:
        projects = projects.filter(pk__in=ChangeProjectPage.objects.filter(focus_areas__slug=focus_area).values("pk"))
    if year:
        projects = projects.filter(start_date__year__lte=year).filter(
            Q(end_date__isnull=True) | Q(end_date__year__gte=year)
        )
    return projects


def filter_choices(user):
    """The index's filter options: organisations involved in a visible project, focus areas and years (3 queries)."""
    visible = projects_visible_to(user)
    organisations = Organisation.objects.filter(
        Q(change_projects__in=visible.values("pk")) | Q(partner_projects__in=visible.values("pk"))
    ).distinct()
    span = visible.aggregate(first=Min("start_date"), last_start=Max("start_date"), last_end=Max("end_date"))
    years = []
    if span["first"]:
        last = max(d.year for d in (span["last_start"], span["last_end"], timezone.localdate()) if d is not None)
        years = list(range(last, span["first"].year - 1, -1))
    return {
        "organisations": list(organisations.order_by("name").only("name", "slug")),
        "focus_areas": list(FocusArea.objects.only("name", "slug")),
        "years": years,
    }


def visible_document_links(links, user):
    """A project's document links whose collection the user may open: none behind a view restriction for anonymous
    visitors, login-restricted ones for signed-in staff, everything for superusers. One query."""
    if user.is_superuser:
        return links
    kinds = None
    if user.is_authenticated:
        kinds = [kind for kind, _label in CollectionViewRestriction.RESTRICTION_CHOICES]
        kinds.remove(CollectionViewRestriction.LOGIN)
    return without_collection_restrictions(links, "document__collection__path", restriction_types=kinds)


def project_details(project, request):
    """Everything a project page shows besides its own fields, in a fixed number of queries."""
    user = request.user
    links = [(link.content_type_id, link.object_id) for link in project.content_links.all()]
    if project.pk and not getattr(request, "is_preview", False):
        document_links = visible_document_links(
            ProjectDocument.objects.filter(page=project).select_related("document").order_by("sort_order"), user
        )
    else:  # a preview: the edited, unsaved relations
        document_links = project.related_documents.all()
    return {
        "partners": list(project.partner_organisations.all()),
        "updates": sorted(project.updates.all(), key=lambda update: (update.date, update.pk or 0), reverse=True),
        "documents": [link.document for link in document_links],
        "linked_items": resolve(links),
    }


def is_following(user, project):
    """Whether `user` follows `project` (personal: kept out of the page's cached fragments). One query, or none."""
    return bool(user.is_authenticated and project.pk and ProjectFollower.objects.for_user(user).filter(project=project))


def featured_projects(home_id, limit):
    """The start page's projects in one query: the editors' choice on the home page `home_id` in their order, topped
    up with the most recently published others."""
    featured_order = HomePageFeaturedProject.objects.filter(page_id=home_id, project=OuterRef("pk")).values(
        "sort_order"
    )[:1]
    return list(
        public_projects()
        .select_related("organisation")
        .annotate(featured_order=Subquery(featured_order))
        .order_by(F("featured_order").asc(nulls_last=True), F("last_published_at").desc(nulls_last=True), "-pk")[:limit]
    )


def related_projects(query):
    """Public projects about some focus areas or tags, other organisations' first when asked, newest first."""
    match = Q(focus_areas__in=query.focus_area_ids) if query.focus_area_ids else Q()
    for tag in query.tags:
        match |= Q(tags__name__iexact=tag)
    if not match:
        return []
    ids = public_projects().filter(match)
    if query.exclude_organisation_id is not None:
        ids = ids.exclude(organisation_id=query.exclude_organisation_id)
    return list(
        ChangeProjectPage.objects.filter(pk__in=ids.values("pk"))
        .select_related("organisation")
        .order_by(F("last_published_at").desc(nulls_last=True), "-pk")[: query.limit]
    )
