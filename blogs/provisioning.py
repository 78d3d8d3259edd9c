"""Every organisation gets a blog space at /bloggar/<slug>/ with page permissions and an approval workflow."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from arena.models import HomePage
from blogs.models import BlogIndexPage, BlogSpacePage

BLOG_ROOT_SLUG = "bloggar"
BLOG_ROOT_TITLE = "Bloggar"
BLOG_ROOT_INTRO = (
    "Medarbetare i stadens förvaltningar och bolag berättar om sitt arbete med digitalisering och innovation."
)

PAGE_PERMISSIONS = {
    "writer": ["add_page", "change_page"],
    "editor": ["add_page", "change_page", "publish_page"],
}


def ensure_blog_index():
    """The blog root under the home page; None until the site has a home page (seed_demo makes one)."""
    index = BlogIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.first()
    if home is None:
        return None
    return home.add_child(instance=BlogIndexPage(title=BLOG_ROOT_TITLE, slug=BLOG_ROOT_SLUG, intro=BLOG_ROOT_INTRO))


def ensure_space(organisation, index):
    space = BlogSpacePage.objects.filter(organisation=organisation).first()
    if space is None:
        space = index.add_child(
            instance=BlogSpacePage(
                title=organisation.name,
                slug=organisation.slug,
                organisation=organisation,
                intro=organisation.description,
                live=organisation.active,
            )
        )
    elif space.title != organisation.name:
        space.title = organisation.name
        space.save()
    return space


def ensure_page_permissions(space, groups):
    codenames = {codename for names in PAGE_PERMISSIONS.values() for codename in names}
    permissions = {
        p.codename: p for p in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    }
    for role, names in PAGE_PERMISSIONS.items():
        for codename in names:
            GroupPagePermission.objects.get_or_create(group=groups[role], page=space, permission=permissions[codename])
    moderate = Permission.objects.get(content_type__app_label="blogs", codename="moderate_comment")
    groups["editor"].permissions.add(moderate)


def ensure_workflow(organisation, space, groups):
    """Writers submit; the organisation's editors approve. One workflow per space."""
    link = WorkflowPage.objects.filter(page=space).select_related("workflow").first()
    if link is not None:
        return link.workflow
    workflow = Workflow.objects.create(name=f"Granskning – {organisation.name}"[:255])
    task = GroupApprovalTask.objects.create(name=f"Godkännande av redaktörer – {organisation.name}"[:255])
    task.groups.add(groups["editor"])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=space, workflow=workflow)
    return workflow


def provision_blog_space(organisation, groups):
    index = ensure_blog_index()
    if index is None:
        return
    space = ensure_space(organisation, index)
    ensure_page_permissions(space, groups)
    ensure_workflow(organisation, space, groups)
