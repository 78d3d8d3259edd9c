import pytest
from django.contrib.auth.models import Group

from arena.models import Organisation


@pytest.mark.django_db
def test_deleting_an_organisation_removes_its_groups_but_keeps_its_media_collection():
    organisation = Organisation.objects.create(name="Miljöförvaltningen", kind="forvaltning")
    group_ids = list(organisation.group_links.values_list("group_id", flat=True))
    collection = organisation.collection
    assert len(group_ids) == 2
    organisation.delete()
    assert not Group.objects.filter(pk__in=group_ids).exists()
    collection.refresh_from_db()
    assert collection.name == "Arkiv – Miljöförvaltningen"
    again = Organisation.objects.create(name="Miljöförvaltningen", kind="forvaltning")
    assert again.collection_id != collection.pk


@pytest.mark.django_db
def test_names_that_share_a_slug_get_distinct_slugs_in_code():
    first = Organisation.objects.create(name="Göteborg Energi", kind="bolag")
    second = Organisation.objects.create(name="Goteborg Energi", kind="bolag")
    assert first.slug == "goteborg-energi"
    assert second.slug == "goteborg-energi-2"


@pytest.mark.django_db
def test_a_failing_provisioner_leaves_no_organisation_behind():
    from wagtail import hooks

    from arena.hooks import PROVISION_ORGANISATION

    def broken(organisation, groups):
        raise RuntimeError("hook failed")

    with hooks.register_temporarily(PROVISION_ORGANISATION, broken), pytest.raises(RuntimeError):
        Organisation.objects.create(name="Halvfärdiga förvaltningen", kind="forvaltning")
    assert not Organisation.objects.filter(name="Halvfärdiga förvaltningen").exists()
    assert not Group.objects.filter(name__startswith="Halvfärdiga").exists()
