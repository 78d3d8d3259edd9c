"""Wagtail's user bar, cached per editor and page (arena.userbar): an editor pays for it once, never sees another
editor's bar, and sees a change to what they may do on the page at once."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowTask

from tests.blogs.factories import create_post
from tests.factories import UserFactory

pytestmark = [pytest.mark.usefixtures("caches_on"), pytest.mark.django_db, pytest.mark.redis]

USER_BAR = "<wagtail-userbar"


def edit_link(page):
    return f"/admin/pages/{page.pk}/edit/"


def view(user, page):
    client = Client()
    client.force_login(user)
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def post(space_a):
    return create_post(space_a, "Så digitaliserar vi förskolan")


def test_an_editor_pays_for_the_user_bar_once(post, editor_a, django_assert_max_num_queries):
    client = Client()
    client.force_login(editor_a)
    assert edit_link(post) in client.get(post.url).content.decode()
    # The session's user and the page: the bar's nine permission, workflow and count queries are cached.
    with django_assert_max_num_queries(2):
        response = client.get(post.url)
    assert response.status_code == 200
    assert USER_BAR in response.content.decode()
    assert edit_link(post) in response.content.decode()


def test_another_organisations_editor_never_gets_the_cached_bar(post, editor_a, editor_b):
    assert edit_link(post) in view(editor_a, post)
    # editor_b edits their own space, so they get a user bar, but it must not offer to edit organisation A's post.
    other = view(editor_b, post)
    assert USER_BAR in other
    assert edit_link(post) not in other
    assert edit_link(post) in view(editor_a, post)


def test_a_new_permission_on_the_page_shows_at_once(post, space_a, editor_b):
    assert edit_link(post) not in view(editor_b, post)
    GroupPagePermission.objects.create(
        group=editor_b.groups.first(), page=space_a, permission=Permission.objects.get(codename="change_page")
    )
    assert edit_link(post) in view(editor_b, post)


def test_a_moderator_may_edit_a_page_in_their_task_at_once(post, editor_a, space_b):
    moderators = Group.objects.create(name="Granskare")
    moderators.permissions.add(Permission.objects.get(codename="access_admin"))
    # Some page permission elsewhere, so the moderator gets a user bar at all.
    GroupPagePermission.objects.create(
        group=moderators, page=space_b, permission=Permission.objects.get(codename="add_page")
    )
    moderator = UserFactory(username="granskare")
    moderator.groups.add(moderators)
    task = GroupApprovalTask.objects.create(name="Granskning")
    task.groups.add(moderators)
    workflow = Workflow.objects.create(name="Granskningsflöde")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    post.save_revision(user=editor_a)
    assert edit_link(post) not in view(moderator, post)

    workflow.start(post, editor_a)  # saves no page: only the workflow's own states change
    assert edit_link(post) in view(moderator, post)


def test_a_reader_gets_no_user_bar(post):
    assert USER_BAR not in view(UserFactory(), post)
