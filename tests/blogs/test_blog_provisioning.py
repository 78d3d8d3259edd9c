"""Creating an organisation gives it a blog space with page permissions and an approval workflow, idempotently."""

import pytest
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

from arena.demo.seed import ensure_home_page
from arena.provisioning import provision_organisation
from blogs.models import BlogSpacePage
from blogs.provisioning import ensure_blog_index
from tests.factories import OrganisationFactory, organisation_group

pytestmark = pytest.mark.django_db


def page_codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list("permission__codename", flat=True)
    )


def counts():
    return {
        "pages": Page.objects.count(),
        "spaces": BlogSpacePage.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "workflows": Workflow.objects.count(),
        "tasks": GroupApprovalTask.objects.count(),
        "workflow_tasks": WorkflowTask.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
    }


def test_creating_an_organisation_creates_its_space_under_the_blog_root(blog_index):
    organisation = OrganisationFactory(name="Miljöförvaltningen", description="Miljö och hälsa i staden.")

    space = BlogSpacePage.objects.get(organisation=organisation)
    assert space.get_parent().specific == blog_index
    assert space.title == "Miljöförvaltningen"
    assert space.slug == organisation.slug == "miljoforvaltningen"
    assert space.url == "/bloggar/miljoforvaltningen/"
    assert space.live
    assert space.intro == "Miljö och hälsa i staden."
    assert organisation.blog_space == space


def test_comments_are_enabled_by_default(space_a):
    assert space_a.comments_enabled is True
    assert BlogSpacePage._meta.get_field("comments_enabled").default is True


def test_writers_may_add_and_change_editors_may_also_publish(org_a, space_a):
    writers = organisation_group(org_a, "writer")
    editors = organisation_group(org_a, "editor")

    assert page_codenames(writers, space_a) == {"add_page", "change_page"}
    assert page_codenames(editors, space_a) == {"add_page", "change_page", "publish_page"}


def test_permissions_are_only_on_the_own_space(org_a, org_b, space_a, space_b):
    assert not GroupPagePermission.objects.filter(group=organisation_group(org_a, "writer"), page=space_b).exists()
    assert not GroupPagePermission.objects.filter(group=organisation_group(org_a, "editor"), page=space_b).exists()
    assert not GroupPagePermission.objects.filter(group=organisation_group(org_b, "editor"), page=space_a).exists()


def test_editors_may_moderate_comments(org_a):
    editors = organisation_group(org_a, "editor")
    writers = organisation_group(org_a, "writer")

    assert editors.permissions.filter(content_type__app_label="blogs", codename="moderate_comment").exists()
    assert not writers.permissions.filter(content_type__app_label="blogs", codename="moderate_comment").exists()


def test_space_has_one_workflow_approved_by_its_editors(org_a, space_a):
    link = WorkflowPage.objects.get(page=space_a)
    workflow = link.workflow
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks.all()]
    assert len(tasks) == 1
    task = tasks[0]
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.all()) == [organisation_group(org_a, "editor")]
    assert space_a.get_workflow() == workflow


def test_each_space_has_its_own_workflow(space_a, space_b, org_b):
    workflow_a = WorkflowPage.objects.get(page=space_a).workflow
    workflow_b = WorkflowPage.objects.get(page=space_b).workflow
    assert workflow_a != workflow_b
    task_b = workflow_b.tasks.get().specific
    assert list(task_b.groups.all()) == [organisation_group(org_b, "editor")]


def test_provisioning_twice_creates_nothing_more(org_a, space_a):
    before = counts()

    provision_organisation(org_a)
    provision_organisation(org_a)
    org_a.save()

    assert counts() == before
    assert BlogSpacePage.objects.filter(organisation=org_a).count() == 1


def test_renaming_the_organisation_renames_the_space(org_a, space_a):
    org_a.name = "Förskole- och fritidsförvaltningen"
    org_a.save()

    space_a.refresh_from_db()
    assert space_a.title == "Förskole- och fritidsförvaltningen"
    assert BlogSpacePage.objects.filter(organisation=org_a).count() == 1


def test_without_a_home_page_no_space_is_made_until_the_blog_root_exists(db):
    organisation = OrganisationFactory(name="Kulturförvaltningen")
    assert not BlogSpacePage.objects.filter(organisation=organisation).exists()

    ensure_home_page()
    ensure_blog_index()
    provision_organisation(organisation)

    assert BlogSpacePage.objects.get(organisation=organisation).url_path.endswith("/bloggar/kulturforvaltningen/")
