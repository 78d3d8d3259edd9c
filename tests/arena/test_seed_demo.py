"""`manage.py seed_demo` builds the demo arena and is safe to run again.

The full demo takes several seconds to seed, so the module seeds it twice once, inside a transaction rolled back
afterwards; each test runs in its own savepoint within it, so the tests that change data and seed again do not
affect the others.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Collection, GroupCollectionPermission, Page, ReferenceIndex, Site
from wagtail.search.models import IndexEntry

from arena.demo.seed import DEMO_USERS, read_organisation_rows
from arena.models import (
    ChangeProjectPage,
    HomePage,
    HomePageFeaturedProject,
    Organisation,
    OrganisationGroup,
    ProjectBenefit,
    ProjectContentLink,
    ProjectFollower,
    ProjectUpdate,
)
from arena.roles import ANALYSTS, ARENA_EDITORS, ORGANISERS
from tests.helpers.demo import DEMO_TEST_PASSWORD, demo_seeded_twice

pytestmark = pytest.mark.django_db

PASSWORD = DEMO_TEST_PASSWORD
User = get_user_model()


def seed(password=PASSWORD):
    out = io.StringIO()
    call_command("seed_demo", password=password, stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "groups": Group.objects.count(),
        "organisation_groups": OrganisationGroup.objects.count(),
        "collections": Collection.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "projects": ChangeProjectPage.objects.count(),
        "project_benefits": ProjectBenefit.objects.count(),
        "project_updates": ProjectUpdate.objects.count(),
        "project_links": ProjectContentLink.objects.count(),
        "project_followers": ProjectFollower.objects.count(),
        "featured_projects": HomePageFeaturedProject.objects.count(),
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_seeded_twice(django_db_blocker, tmp_path_factory.mktemp("demo-media"), snapshot) as result:
        yield result


def test_seed_twice_gives_the_same_counts(seeded):
    first = seeded["first"]

    assert seeded["second"] == first
    assert "Förändringsprojekt: 15 publicerade (0 nya)" in seeded["output"]  # the second run
    assert first["organisations"] == 44
    assert first["users"] == len(DEMO_USERS)
    assert first["organisation_groups"] == 2 * 44
    # One collection per organisation, Wagtail's root collection, and the material library's arena collection
    # with its staff-only child.
    assert first["collections"] == 44 + 1 + 2
    assert first["sites"] == 1


def test_organisations_come_from_the_csv(seeded):
    rows = read_organisation_rows()

    assert len(rows) == 44
    assert set(Organisation.objects.values_list("name", flat=True)) == {row["name"].strip() for row in rows}
    companies = {row["name"].strip() for row in rows if row["kind"].strip() == "bolag"}
    assert set(Organisation.objects.filter(kind="bolag").values_list("name", flat=True)) == companies
    assert not Organisation.objects.filter(collection__isnull=True).exists()


def test_default_site_root_is_the_arena_home_page(seeded):
    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, HomePage)
    assert site.site_name == "Kunskapsarenan"
    # Wagtail's "Welcome" placeholder page is gone, not left beside the home page.
    assert not Page.objects.filter(slug__in=["home-placeholder"]).exists()
    assert HomePage.objects.count() == 1


def test_arena_pages_exist_are_live_and_answer(client, seeded):
    home = Site.objects.get(is_default_site=True).root_page
    for slug in ("om", "kakor", "tillganglighet"):
        page = home.get_children().get(slug=slug)
        assert page.live, slug
        assert page.url == f"/{slug}/"
        assert client.get(f"/{slug}/").status_code == 200, slug

    response = client.get("/")
    assert response.status_code == 200
    assert "Kunskapsarenan" in response.content.decode()


def test_demo_writer_is_in_stadsledningskontorets_writer_group(seeded):
    writer = User.objects.get(email="skribent.slk@kunskapsarenan.local")
    organisation = Organisation.objects.get(name="Stadsledningskontoret")
    writers = OrganisationGroup.objects.get(organisation=organisation, role=OrganisationGroup.Role.WRITER).group
    editors = OrganisationGroup.objects.get(organisation=organisation, role=OrganisationGroup.Role.EDITOR).group

    assert writers in writer.groups.all()
    assert editors not in writer.groups.all()
    assert list(Organisation.objects.for_user(writer)) == [organisation]

    editor = User.objects.get(email="redaktor.slk@kunskapsarenan.local")
    assert list(Organisation.objects.edited_by(editor)) == [organisation]


def test_role_users_are_in_their_arena_groups(seeded):
    assert list(User.objects.filter(is_superuser=True).values_list("username", flat=True)) == ["admin"]
    expected = {
        "redaktor": ARENA_EDITORS,
        "arrangor": ORGANISERS,
        "analytiker": ANALYSTS,
    }
    for username, group_name in expected.items():
        assert list(User.objects.get(username=username).groups.values_list("name", flat=True)) == [group_name]
    assert not User.objects.get(username="medarbetare").groups.exists()


def test_superuser_can_log_in_with_the_given_password(client, seeded):
    admin = User.objects.get(username="admin")

    assert client.login(username="admin", password=PASSWORD)
    assert admin.is_superuser
    assert client.get("/admin/").status_code == 200
    client.logout()
    assert not client.login(username="admin", password="Arena-demo-2026")


def test_rerun_keeps_changed_passwords_and_edited_pages(client, seeded):
    admin = User.objects.get(username="admin")
    admin.set_password("Ett-eget-lösen-99")
    admin.save()
    about = Page.objects.get(slug="om").specific
    about.title = "Om oss, omskriven"
    about.save_revision().publish()

    seed(password="ett-annat-lösen-42")

    assert client.login(username="admin", password="Ett-eget-lösen-99")
    assert Page.objects.get(slug="om").title == "Om oss, omskriven"
    assert Page.objects.filter(slug="om").count() == 1


def test_command_reports_what_it_made(seeded):
    output = seeded["output"]

    assert "44 organisationer" in output
    assert "admin@kunskapsarenan.local" in output


def lexemes(vector):
    """A tsvector's words without their positions: the order of a page's tags (and so the positions) may differ."""
    return frozenset(token.rsplit(":", 1)[0] for token in str(vector).split())


def index_rows():
    """The search index's and the reference index's rows, less Wagtail's root page (which seeding never saves)."""
    root = Page.get_first_root_node()
    search = {
        (entry.content_type_id, entry.object_id, lexemes(entry.title), lexemes(entry.body), lexemes(entry.autocomplete))
        for entry in IndexEntry.objects.exclude(content_type__model="page", object_id=str(root.pk))
    }
    references = set(
        ReferenceIndex.objects.values_list(
            "content_type_id", "object_id", "to_content_type_id", "to_object_id", "content_path"
        )
    )
    return search, references


def test_the_indexes_after_seeding_are_what_a_full_rebuild_gives(seeded):
    # Seeding indexes each object once at the end (arena.deferred_indexing): nothing may be missed or stale.
    seeded_rows = index_rows()
    call_command("update_index", stdout=io.StringIO())
    call_command("rebuild_references_index", stdout=io.StringIO())
    rebuilt_search, rebuilt_references = index_rows()
    assert len(seeded_rows[0]) > 200 and len(seeded_rows[1]) > 400
    assert seeded_rows == (rebuilt_search, rebuilt_references)
