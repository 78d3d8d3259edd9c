"""The change-project section, set up idempotently: the index page under the home page, the arena editors' page
permissions on it and its approval workflow. Run by `seed_demo` and after every `migrate` (nothing happens before
the site has a home page)."""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from arena.models import ChangeProjectIndexPage, HomePage
from arena.roles import ARENA_EDITORS, ensure_role_groups

INDEX_SLUG = "forandringsprojekt"
INDEX_TITLE = "Förändringsprojekt"
INDEX_INTRO = (
    "Stadens förvaltningar och bolag driver förändringsprojekt inom digitalisering och innovation. Här ser du vad "
    "de vill uppnå, hur det går och vad de har lärt sig – och kan följa dem du är intresserad av."
)
PROPOSAL_INTRO = (
    "Har du en idé om ett förändringsprojekt? Beskriv den kort. Arenaredaktörerna får ett e-postmeddelande och "
    "tar kontakt med dig. Vi sparar ditt namn och din e-postadress med förslaget så länge det finns kvar som utkast "
    "eller projekt."
)
WORKFLOW_NAME = "Granskning – Förändringsprojekt"
TASK_NAME = "Godkännande av arenaredaktörer – Förändringsprojekt"
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def ensure_index(home=None):
    index = ChangeProjectIndexPage.objects.first()
    if index is not None:
        return index
    home = home or HomePage.objects.first()
    if home is None:
        return None
    return home.add_child(
        instance=ChangeProjectIndexPage(
            title=INDEX_TITLE, slug=INDEX_SLUG, intro=INDEX_INTRO, proposal_intro=PROPOSAL_INTRO
        )
    )


def ensure_permissions(index, group):
    permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS)
    for permission in permissions:
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)


def ensure_workflow(index, group):
    """Arena editors approve what is submitted in the section (a proposer's draft, an editor's changes)."""
    link = WorkflowPage.objects.filter(page=index).select_related("workflow").first()
    if link is not None:
        return link.workflow
    workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(group)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=index, workflow=workflow)
    return workflow


@transaction.atomic
def ensure_projects_section(home=None):
    """The section's index (None until there is a home page), with its permissions and workflow."""
    index = ensure_index(home)
    if index is None:
        return None
    group = ensure_role_groups()[ARENA_EDITORS]
    ensure_permissions(index, group)
    ensure_workflow(index, group)
    return index
