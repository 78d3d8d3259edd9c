"""The Organisations snippet in the Wagtail admin: listing, search, filters, creation and access."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission

from arena.models import Organisation, OrganisationGroup
from arena.provisioning import grant_arena_editor_pages
from arena.roles import ARENA_EDITORS, ensure_role_groups
from tests.factories import OrganisationFactory, UserFactory, add_editor, add_writer

pytestmark = pytest.mark.django_db

LIST_URL_NAME = "wagtailsnippets_arena_organisation:list"
ADD_URL_NAME = "wagtailsnippets_arena_organisation:add"


def listed_names(response):
    assert response.status_code == 200
    return {organisation.name for organisation in response.context["object_list"]}


@pytest.fixture
def mixed_organisations(db):
    return [
        OrganisationFactory(name="Förskoleförvaltningen"),
        OrganisationFactory(name="Grundskoleförvaltningen"),
        OrganisationFactory(name="Stadsledningskontoret"),
        OrganisationFactory(name="Göteborg Energi AB", kind=Organisation.Kind.BOLAG, cluster="Energi"),
        OrganisationFactory(name="Higab AB", kind=Organisation.Kind.BOLAG, cluster="Fastigheter"),
        OrganisationFactory(name="Västra Götalandsregionen", kind=Organisation.Kind.EXTERN),
    ]


def form_data(**overrides):
    data = {
        "name": "Kulturförvaltningen",
        "slug": "",
        "kind": "forvaltning",
        "cluster": "",
        "description": "Bibliotek, museer och kulturstöd.",
        "logo": "",
        "website": "https://goteborg.se/kultur",
        "active": "on",
    }
    data.update(overrides)
    return data


class TestListing:
    def test_superuser_sees_all_organisations(self, client, superuser, mixed_organisations):
        client.force_login(superuser)

        names = listed_names(client.get(reverse(LIST_URL_NAME)))

        assert names == {organisation.name for organisation in mixed_organisations}

    def test_search_by_name_filters_the_list(self, client, superuser, mixed_organisations):
        client.force_login(superuser)

        names = listed_names(client.get(reverse(LIST_URL_NAME), {"q": "skoleförvaltning"}))

        assert names == {"Förskoleförvaltningen", "Grundskoleförvaltningen"}

    def test_search_without_hits_lists_nothing(self, client, superuser, mixed_organisations):
        client.force_login(superuser)

        assert listed_names(client.get(reverse(LIST_URL_NAME), {"q": "Trafikkontoret"})) == set()

    def test_search_finds_by_cluster(self, client, superuser, mixed_organisations):
        client.force_login(superuser)

        assert listed_names(client.get(reverse(LIST_URL_NAME), {"q": "Fastigheter"})) == {"Higab AB"}

    def test_filter_by_kind_shows_only_companies(self, client, superuser, mixed_organisations):
        client.force_login(superuser)

        names = listed_names(client.get(reverse(LIST_URL_NAME), {"kind": "bolag"}))

        assert names == {"Göteborg Energi AB", "Higab AB"}

    def test_filter_by_kind_and_search_combine(self, client, superuser, mixed_organisations):
        client.force_login(superuser)

        names = listed_names(client.get(reverse(LIST_URL_NAME), {"kind": "bolag", "q": "Energi"}))

        assert names == {"Göteborg Energi AB"}

    def test_filter_by_active(self, client, superuser, mixed_organisations):
        Organisation.objects.filter(name="Higab AB").update(active=False)
        client.force_login(superuser)

        names = listed_names(client.get(reverse(LIST_URL_NAME), {"active": "false"}))

        assert names == {"Higab AB"}


class TestCreateThroughAdmin:
    def test_superuser_creates_and_provisions_an_organisation(self, client, superuser):
        client.force_login(superuser)
        collections_before = Collection.objects.count()
        groups_before = Group.objects.count()

        response = client.post(reverse(ADD_URL_NAME), form_data())

        assert response.status_code == 302, response.context["form"].errors if response.context else ""
        organisation = Organisation.objects.get(name="Kulturförvaltningen")
        assert organisation.slug == "kulturforvaltningen"
        assert organisation.kind == Organisation.Kind.FORVALTNING
        assert organisation.collection is not None
        assert organisation.collection.name == "Kulturförvaltningen"
        assert Collection.objects.count() == collections_before + 1
        assert Group.objects.count() == groups_before + 2
        roles = set(OrganisationGroup.objects.filter(organisation=organisation).values_list("role", flat=True))
        assert roles == {"writer", "editor"}
        assert GroupCollectionPermission.objects.filter(collection=organisation.collection).count() == 4 + 8

    def test_add_form_reports_a_duplicate_name(self, client, superuser):
        OrganisationFactory(name="Kulturförvaltningen")
        client.force_login(superuser)
        collections_before = Collection.objects.count()

        response = client.post(reverse(ADD_URL_NAME), form_data())

        assert response.status_code == 200
        assert "name" in response.context["form"].errors
        assert Organisation.objects.filter(name="Kulturförvaltningen").count() == 1
        assert Collection.objects.count() == collections_before

    def test_name_whose_slug_is_taken_gives_a_form_error_not_a_crash(self, client, superuser):
        OrganisationFactory(name="Göteborg Energi", kind=Organisation.Kind.BOLAG)
        client.force_login(superuser)

        response = client.post(reverse(ADD_URL_NAME), form_data(name="Goteborg Energi", kind="bolag"))

        assert response.status_code == 200
        assert "slug" in response.context["form"].errors
        assert "används redan" in str(response.context["form"].errors["slug"])
        assert not Organisation.objects.filter(name="Goteborg Energi").exists()

    def test_writer_cannot_open_or_use_the_add_view(self, client, writer_a):
        client.force_login(writer_a)
        before = (Organisation.objects.count(), Collection.objects.count(), Group.objects.count())

        get_response = client.get(reverse(ADD_URL_NAME))
        post_response = client.post(reverse(ADD_URL_NAME), form_data(name="Obehöriga förvaltningen"))

        assert get_response.status_code == 302
        assert get_response["Location"] == reverse("wagtailadmin_home")
        assert post_response.status_code == 302
        assert post_response["Location"] == reverse("wagtailadmin_home")
        assert not Organisation.objects.filter(name="Obehöriga förvaltningen").exists()
        assert (Organisation.objects.count(), Collection.objects.count(), Group.objects.count()) == before

    def test_organisation_editor_cannot_edit_its_own_organisation_record(self, client, org_a):
        """Editors curate media and posts, not the tenant list: the record stays with administrators."""
        editor = add_editor(UserFactory(), org_a)
        client.force_login(editor)
        url = reverse("wagtailsnippets_arena_organisation:edit", args=[org_a.pk])

        response = client.post(url, form_data(name="Omdöpt av redaktör"))

        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        org_a.refresh_from_db()
        assert org_a.name == "Förskoleförvaltningen"

    def test_writer_cannot_see_the_listing(self, client, writer_a):
        client.force_login(writer_a)

        response = client.get(reverse(LIST_URL_NAME))

        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")

    def test_arena_editor_may_view_but_not_add(self, client, org_a):
        from arena.demo.seed import ensure_home_page

        grant_arena_editor_pages(ensure_home_page())
        curator = UserFactory()
        curator.groups.add(ensure_role_groups()[ARENA_EDITORS])
        client.force_login(curator)

        assert org_a.name in listed_names(client.get(reverse(LIST_URL_NAME)))
        response = client.get(reverse(ADD_URL_NAME))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


class TestQueryCount:
    @staticmethod
    def listing_queries(client, django_assert_max_num_queries, bound):
        with django_assert_max_num_queries(bound):
            response = client.get(reverse(LIST_URL_NAME))
        assert response.status_code == 200
        return response

    def test_listing_stays_flat_from_5_to_40_organisations(self, client, superuser, django_assert_max_num_queries):
        # Measured at 9 (session, user, listing count + page, filters, admin chrome) with Wagtail 7.4.
        # An N+1 in a column would add one query per row: 5 rows vs 20 rows on the first page.
        bound = 12
        client.force_login(superuser)
        client.get(reverse(LIST_URL_NAME))  # warm per-process caches (content types, site) once

        OrganisationFactory.create_batch(5, kind=Organisation.Kind.BOLAG, cluster="Kluster")
        for organisation in Organisation.objects.all()[:2]:
            add_writer(UserFactory(), organisation)
        small = self.listing_queries(client, django_assert_max_num_queries, bound)
        assert len(small.context["object_list"]) == 5

        OrganisationFactory.create_batch(35, kind=Organisation.Kind.EXTERN)
        large = self.listing_queries(client, django_assert_max_num_queries, bound)
        assert large.context["paginator"].count == 40
        assert len(large.context["object_list"]) == large.context["paginator"].per_page > 5
