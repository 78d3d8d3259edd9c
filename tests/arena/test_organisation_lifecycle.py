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
    assert collection.name == "Miljöförvaltningen"
