"""Creating an organisation provisions its collection and groups, idempotently and atomically."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission

from arena.hooks import PROVISION_ORGANISATION
from arena.models import Organisation, OrganisationGroup
from arena.provisioning import provision_organisation
from tests.factories import OrganisationFactory, UserFactory, add_editor, add_writer, organisation_group

pytestmark = pytest.mark.django_db

WRITER_CODENAMES = {"add_image", "choose_image", "add_document", "choose_document"}
EDITOR_CODENAMES = {
    "add_image",
    "change_image",
    "delete_image",
    "choose_image",
    "add_document",
    "change_document",
    "delete_document",
    "choose_document",
}


def collection_codenames(group, collection):
    return {
        (gcp.permission.content_type.app_label, gcp.permission.codename)
        for gcp in GroupCollectionPermission.objects.filter(group=group, collection=collection).select_related(
            "permission__content_type"
        )
    }


def counts():
    return {
        "organisations": Organisation.objects.count(),
        "collections": Collection.objects.count(),
        "groups": Group.objects.count(),
        "links": OrganisationGroup.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "group_permissions": Group.permissions.through.objects.count(),
    }


class TestCreation:
    def test_creates_one_collection_named_like_the_organisation(self):
        collections_before = Collection.objects.count()

        organisation = OrganisationFactory(name="Miljöförvaltningen")

        assert Collection.objects.count() == collections_before + 1
        organisation.refresh_from_db()
        assert organisation.collection is not None
        assert organisation.collection.name == "Miljöförvaltningen"
        assert organisation.collection.get_parent() == Collection.get_first_root_node()
        assert organisation.collection.organisation == organisation

    def test_creates_a_writer_and_an_editor_group_linked_to_the_organisation(self):
        groups_before = Group.objects.count()

        organisation = OrganisationFactory(name="Miljöförvaltningen")

        assert Group.objects.count() == groups_before + 2
        links = {link.role: link.group for link in organisation.group_links.select_related("group")}
        assert set(links) == {OrganisationGroup.Role.WRITER, OrganisationGroup.Role.EDITOR}
        assert links["writer"].name == "Miljöförvaltningen – skribenter"
        assert links["editor"].name == "Miljöförvaltningen – redaktörer"
        assert links["writer"] != links["editor"]

    def test_writers_may_add_and_choose_but_not_change_or_delete(self):
        organisation = OrganisationFactory()
        writers = organisation_group(organisation, "writer")

        codenames = collection_codenames(writers, organisation.collection)

        assert {codename for _app, codename in codenames} == WRITER_CODENAMES
        assert ("wagtailimages", "add_image") in codenames
        assert ("wagtaildocs", "choose_document") in codenames
        assert not {"change_image", "delete_image", "change_document", "delete_document"} & {c for _a, c in codenames}
        # No permissions leak onto any other collection (e.g. the root, which would cover everything).
        assert (
            not GroupCollectionPermission.objects.filter(group=writers)
            .exclude(collection=organisation.collection)
            .exists()
        )

    def test_editors_may_add_change_delete_and_choose(self):
        organisation = OrganisationFactory()
        editors = organisation_group(organisation, "editor")

        codenames = collection_codenames(editors, organisation.collection)

        assert {codename for _app, codename in codenames} == EDITOR_CODENAMES
        assert (
            not GroupCollectionPermission.objects.filter(group=editors)
            .exclude(collection=organisation.collection)
            .exists()
        )

    @pytest.mark.parametrize("role", ["writer", "editor"])
    def test_both_groups_can_reach_the_admin(self, role):
        organisation = OrganisationFactory()
        member = UserFactory()
        member.groups.add(organisation_group(organisation, role))

        assert member.has_perm("wagtailadmin.access_admin")
        group_permissions = set(
            organisation_group(organisation, role).permissions.values_list("content_type__app_label", "codename")
        )
        assert ("wagtailadmin", "access_admin") in group_permissions

    def test_swedish_name_gives_ascii_slug(self):
        organisation = Organisation.objects.create(name="Förskoleförvaltningen")

        assert organisation.slug == "forskoleforvaltningen"
        assert Organisation.objects.get(slug="forskoleforvaltningen") == organisation

    def test_explicit_slug_is_kept(self):
        organisation = Organisation.objects.create(name="Älvstranden Utveckling", slug="alvstranden")

        assert organisation.slug == "alvstranden"


class TestIdempotence:
    def test_provisioning_again_changes_nothing(self):
        organisation = OrganisationFactory()
        OrganisationFactory()  # a neighbour, so the command has more than one to walk
        before = counts()
        collection_id = Organisation.objects.get(pk=organisation.pk).collection_id

        for _ in range(3):
            provision_organisation(organisation)
        call_command("provision_organisations", stdout=io.StringIO())
        organisation.save()  # the post_save signal provisions once more

        assert counts() == before
        assert Organisation.objects.get(pk=organisation.pk).collection_id == collection_id

    def test_command_repairs_a_missing_collection_permission(self):
        organisation = OrganisationFactory()
        writers = organisation_group(organisation, "writer")
        GroupCollectionPermission.objects.filter(group=writers, permission__codename="choose_image").delete()

        call_command("provision_organisations", organisation.slug, stdout=io.StringIO())

        assert ("wagtailimages", "choose_image") in collection_codenames(writers, organisation.collection)

    def test_command_recreates_a_lost_collection_link(self):
        organisation = OrganisationFactory()
        collection_id = organisation.collection_id
        Organisation.objects.filter(pk=organisation.pk).update(collection=None)

        call_command("provision_organisations", stdout=io.StringIO())

        # The existing collection (same name, under the root) is adopted again instead of duplicated.
        assert Organisation.objects.get(pk=organisation.pk).collection_id == collection_id


class TestRename:
    def test_renaming_renames_collection_and_groups(self):
        organisation = OrganisationFactory(name="Trafikkontoret")
        collection_id = organisation.collection_id
        group_ids = set(organisation.group_links.values_list("group_id", flat=True))
        before = counts()

        organisation.name = "Stadsmiljöförvaltningen"
        organisation.save()

        organisation.refresh_from_db()
        assert organisation.collection_id == collection_id
        assert organisation.collection.name == "Stadsmiljöförvaltningen"
        assert set(organisation.group_links.values_list("group_id", flat=True)) == group_ids
        assert set(Group.objects.filter(pk__in=group_ids).values_list("name", flat=True)) == {
            "Stadsmiljöförvaltningen – skribenter",
            "Stadsmiljöförvaltningen – redaktörer",
        }
        assert not Group.objects.filter(name__startswith="Trafikkontoret").exists()
        assert not Collection.objects.filter(name="Trafikkontoret").exists()
        assert counts() == before

    def test_members_keep_their_permissions_after_a_rename(self):
        organisation = OrganisationFactory(name="Trafikkontoret")
        writer = add_writer(UserFactory(), organisation)

        organisation.name = "Stadsmiljöförvaltningen"
        organisation.save()

        assert list(Organisation.objects.for_user(writer)) == [organisation]
        writers = organisation_group(organisation, "writer")
        assert writers in writer.groups.all()


class TestDelete:
    def test_deleting_an_organisation_removes_its_groups_and_members_lose_access(self):
        organisation = OrganisationFactory(name="Nedlagda förvaltningen")
        other = OrganisationFactory()
        writer = add_writer(UserFactory(), organisation)
        group_ids = list(organisation.group_links.values_list("group_id", flat=True))
        assert writer.has_perm("wagtailadmin.access_admin")

        organisation.delete()

        assert not Group.objects.filter(pk__in=group_ids).exists()
        assert not GroupCollectionPermission.objects.filter(group_id__in=group_ids).exists()
        writer = type(writer).objects.get(pk=writer.pk)  # fresh permission cache
        assert not writer.has_perm("wagtailadmin.access_admin")
        assert list(Organisation.objects.for_user(writer)) == []
        assert OrganisationGroup.objects.filter(organisation=other).count() == 2


class TestHooks:
    def test_registered_provisioner_is_called_with_organisation_and_groups(self):
        calls = []

        def record(organisation, groups):
            calls.append((organisation.pk, {role: group.pk for role, group in groups.items()}))

        with hooks.register_temporarily(PROVISION_ORGANISATION, record):
            assert record in hooks.get_hooks(PROVISION_ORGANISATION)
            organisation = OrganisationFactory()

            expected_groups = {
                "writer": organisation_group(organisation, "writer").pk,
                "editor": organisation_group(organisation, "editor").pk,
            }
            assert calls == [(organisation.pk, expected_groups)]

            provision_organisation(organisation)
            assert calls == [(organisation.pk, expected_groups)] * 2

    def test_each_app_registers_its_provisioner_once(self):
        registered = [f"{func.__module__}.{func.__name__}" for func in hooks.get_hooks(PROVISION_ORGANISATION)]
        assert registered == ["blogs.provisioning.provision_blog_space"]

    def test_a_temporary_hook_is_gone_afterwards(self):
        def record(organisation, groups):
            raise AssertionError("must not run")

        with hooks.register_temporarily(PROVISION_ORGANISATION, record):
            pass
        assert record not in hooks.get_hooks(PROVISION_ORGANISATION)
        OrganisationFactory()

    def test_failing_hook_rolls_back_the_whole_creation(self):
        def broken(organisation, groups):
            raise RuntimeError("the blog space could not be created")

        before = counts()

        with hooks.register_temporarily(PROVISION_ORGANISATION, broken):
            with pytest.raises(RuntimeError, match="blog space"):
                with transaction.atomic():
                    Organisation.objects.create(name="Halvfärdiga förvaltningen")

        assert counts() == before
        assert not Organisation.objects.filter(name="Halvfärdiga förvaltningen").exists()
        assert not Collection.objects.filter(name="Halvfärdiga förvaltningen").exists()
        assert not Group.objects.filter(name__startswith="Halvfärdiga förvaltningen").exists()

    def test_failing_hook_leaves_no_half_provisioned_collection_or_groups(self):
        """Even without an outer transaction, provisioning itself is all-or-nothing."""
        organisation = Organisation.objects.create(name="Reparerade förvaltningen")
        Collection.objects.filter(pk=organisation.collection_id).delete()
        Group.objects.filter(organisation_link__organisation=organisation).delete()
        organisation.refresh_from_db()
        assert organisation.collection is None
        before = counts()

        def broken(organisation, groups):
            raise RuntimeError("boom")

        with hooks.register_temporarily(PROVISION_ORGANISATION, broken), pytest.raises(RuntimeError):
            provision_organisation(organisation)

        assert counts() == before
        assert Organisation.objects.get(pk=organisation.pk).collection_id is None
        assert not Collection.objects.filter(name="Reparerade förvaltningen").exists()
        assert not OrganisationGroup.objects.filter(organisation=organisation).exists()


class TestForUser:
    def test_returns_exactly_the_users_organisations_in_one_query(self, django_assert_num_queries):
        a, b, c = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
        user = UserFactory()
        add_writer(user, a)
        add_editor(user, a)  # in two of a's groups: a must still appear once
        add_editor(user, c)
        other = add_writer(UserFactory(), b)

        with django_assert_num_queries(1):
            mine = list(Organisation.objects.for_user(user))

        assert sorted(o.pk for o in mine) == sorted([a.pk, c.pk])
        assert list(Organisation.objects.for_user(other)) == [b]

    def test_user_without_organisation_gets_none(self, django_assert_num_queries):
        OrganisationFactory()
        user = UserFactory()

        with django_assert_num_queries(1):
            assert list(Organisation.objects.for_user(user)) == []

    def test_anonymous_user_gets_none_without_a_query(self, django_assert_num_queries):
        from django.contrib.auth.models import AnonymousUser

        OrganisationFactory()
        with django_assert_num_queries(0):
            assert list(Organisation.objects.for_user(AnonymousUser())) == []

    def test_arena_role_groups_do_not_count_as_organisations(self):
        from arena.roles import ARENA_EDITORS, ensure_role_groups

        OrganisationFactory()
        user = UserFactory()
        user.groups.add(ensure_role_groups()[ARENA_EDITORS])

        assert list(Organisation.objects.for_user(user)) == []

    def test_edited_by_only_lists_editor_memberships(self):
        a, b = OrganisationFactory(), OrganisationFactory()
        user = UserFactory()
        add_writer(user, a)
        add_editor(user, b)

        assert list(Organisation.objects.edited_by(user)) == [b]
