"""The change projects' and the library's cached parts (arena.fragments) for signed-in visitors: what one audience
may see never reaches another, what is personal stays outside, and publishing shows at once."""

import datetime

import pytest

from arena.demo.seed import ensure_home_page
from arena.library.demo import ensure_library_page, ensure_staff_collection
from arena.models import ProjectFollower, ProjectUpdate
from arena.projects.setup import ensure_projects_section
from tests.arena.projects_helpers import create_project
from tests.factories import DocumentFactory, OrganisationFactory, UserFactory

pytestmark = [pytest.mark.usefixtures("caches_on"), pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture
def home(db):
    return ensure_home_page()


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Stadsledningskontoret")


def content(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_following_a_project_stays_personal_and_a_published_update_shows_at_once(client, home, organisation):
    index = ensure_projects_section(home)
    project = create_project(index, organisation, "Digital brevlåda")
    follower, other = UserFactory(), UserFactory()
    ProjectFollower.objects.create(user=follower, project=project)

    client.force_login(follower)
    assert "Sluta följa" in content(client, project.url)
    client.force_login(other)
    for _ in range(2):  # the second from the cached fragments
        page = content(client, project.url)
        assert "Följ projektet" in page and "Sluta följa" not in page

    project.updates.add(ProjectUpdate(date=datetime.date(2025, 3, 1), text="Piloten är i gång."))
    project.save_revision().publish()
    assert "Piloten är i gång." in content(client, project.url)
    assert "Digital brevlåda" in content(client, "/forandringsprojekt/")


def test_staff_only_projects_and_documents_never_reach_anonymous_listings(client, home, organisation):
    index = ensure_projects_section(home)
    ensure_library_page(home)
    create_project(index, organisation, "Öppet projekt")
    create_project(index, organisation, "Internt projekt", staff_only=True)
    DocumentFactory(title="Öppen rapport", collection=organisation.collection)
    DocumentFactory(title="Intern rapport", collection=ensure_staff_collection())

    client.force_login(UserFactory())
    for _ in range(2):
        projects, library = content(client, "/forandringsprojekt/"), content(client, "/material/")
        assert "Internt projekt" in projects and "Intern rapport" in library
    client.logout()
    for _ in range(2):
        projects, library = content(client, "/forandringsprojekt/"), content(client, "/material/")
        assert "Öppet projekt" in projects and "Internt projekt" not in projects
        assert "Öppen rapport" in library and "Intern rapport" not in library


def test_a_new_document_is_listed_at_once_for_signed_in_staff(client, home, organisation):
    ensure_library_page(home)
    client.force_login(UserFactory())
    assert "Ny rapport" not in content(client, "/material/")
    DocumentFactory(title="Ny rapport", collection=organisation.collection)
    assert "Ny rapport" in content(client, "/material/")
