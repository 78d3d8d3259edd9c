"""The demo change projects (`manage.py seed_demo`): enough of them, from enough organisations, in every status,
with benefits, updates and links to the demo's posts, sessions and recordings through the linkable-content hook.
That a second run adds none is checked with the rest of the demo in test_seed_demo.py."""

import pytest
from django.contrib.contenttypes.models import ContentType

from arena.models import (
    ChangeProjectPage,
    HomePageFeaturedProject,
    ProjectBenefit,
    ProjectContentLink,
    ProjectFollower,
    ProjectStatus,
    ProjectUpdate,
    ProjectUpdateMailing,
)
from tests.helpers.demo import demo_seeded

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    # Seeding twice creates no new project, benefit, update, link, follower or featured project:
    # tests/arena/test_seed_demo.py checks that with the rest of the demo, so one seeding serves here.
    with demo_seeded(django_db_blocker, tmp_path_factory.mktemp("demo-media")) as result:
        yield result


def test_the_seed_reports_the_projects(seeded):
    assert "Förändringsprojekt: 15 publicerade (15 nya)" in seeded["output"]


def test_enough_projects_from_enough_organisations_in_every_status(seeded):
    projects = ChangeProjectPage.objects.live()
    assert projects.count() >= 12
    assert projects.values("organisation").distinct().count() >= 6
    assert set(projects.values_list("status", flat=True)) == set(ProjectStatus.values)
    assert ProjectBenefit.objects.values("page").distinct().count() >= 12
    assert ProjectUpdate.objects.values("page").distinct().count() == projects.count()


def test_projects_link_to_demo_posts_sessions_and_recordings(seeded):
    kinds = {
        ContentType.objects.get_for_id(type_id).model
        for type_id in ProjectContentLink.objects.values_list("content_type", flat=True)
    }
    assert kinds == {"blogpostpage", "session", "recording"}


def test_old_updates_are_recorded_as_mailed_so_no_follower_gets_history(seeded):
    assert ProjectUpdateMailing.objects.count() == ProjectUpdate.objects.count()
    assert ProjectFollower.objects.count() == 2


def test_demo_project_pages_answer(client, seeded):
    featured = [link.project for link in HomePageFeaturedProject.objects.select_related("project")]
    assert len(featured) == 3
    for project in featured:
        response = client.get(project.url)
        assert response.status_code == 200
        assert project.title in response.content.decode()
    home = client.get("/").content.decode()
    assert all(project.title in home for project in featured)
