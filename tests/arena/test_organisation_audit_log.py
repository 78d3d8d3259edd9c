"""Organisations in Wagtail's audit log: the snippet views already record creating and editing one with who and
when; deactivating and reactivating get entries of their own (arena.organisation_audit). Shown in Swedish in
Reports → Site history and the organisation's history to superusers and to arena-wide roles with a permission on
organisations (e.g. the arena editors, who view them), not to an organisation's editor, who has none."""

import pytest
from django.urls import reverse
from django.utils import timezone

from arena import organisation_audit
from arena.demo.seed import ensure_home_page
from arena.models import Organisation
from arena.provisioning import grant_arena_editor_pages
from arena.roles import ARENA_EDITORS, ensure_role_groups
from tests.factories import UserFactory
from tests.helpers.audit_log import entries, only_entry, site_history

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Kulturförvaltningen",
        "slug": "",
        "kind": "forvaltning",
        "cluster": "",
        "description": "Bibliotek, museer och kulturstöd.",
        "logo": "",
        "website": "",
        "active": "on",
    }
    data.update(overrides)
    return data


def test_creating_editing_and_deactivating_are_logged(client, superuser, editor_a):
    client.force_login(superuser)
    since = timezone.now()
    assert client.post(reverse("wagtailsnippets_arena_organisation:add"), form_data()).status_code == 302
    organisation = Organisation.objects.get(name="Kulturförvaltningen")
    only_entry(organisation, "wagtail.create", superuser, since)
    edit_url = reverse("wagtailsnippets_arena_organisation:edit", args=(organisation.pk,))

    data = form_data(slug=organisation.slug)
    del data["active"]  # an unchecked box
    assert client.post(edit_url, data).status_code == 302
    organisation.refresh_from_db()
    assert organisation.active is False
    only_entry(organisation, organisation_audit.DEACTIVATED, superuser, since)
    assert client.post(edit_url, form_data(slug=organisation.slug, description="Nytt")).status_code == 302
    only_entry(organisation, organisation_audit.REACTIVATED, superuser, since)
    assert len(entries(organisation, "wagtail.edit")) == 2

    history = client.get(reverse("wagtailsnippets_arena_organisation:history", args=(organisation.pk,)))
    assert history.status_code == 200
    content = history.content.decode()
    assert "Avaktiverade organisationen" in content and "Aktiverade organisationen igen" in content
    assert "Skapad" in content and "Redigerad" in content
    assert "Avaktiverade organisationen" in site_history(superuser)

    grant_arena_editor_pages(ensure_home_page())
    curator = UserFactory()
    curator.groups.add(ensure_role_groups()[ARENA_EDITORS])
    assert "Avaktiverade organisationen" in site_history(curator)
    assert "Avaktiverade organisationen" not in site_history(editor_a)


def test_an_edit_that_keeps_the_organisation_active_adds_no_activity_entry(client, superuser):
    organisation = Organisation.objects.create(name="Idrottsförvaltningen")
    client.force_login(superuser)
    edit_url = reverse("wagtailsnippets_arena_organisation:edit", args=(organisation.pk,))
    response = client.post(edit_url, form_data(name=organisation.name, slug=organisation.slug))
    assert response.status_code == 302
    assert entries(organisation, organisation_audit.DEACTIVATED) == []
    assert entries(organisation, organisation_audit.REACTIVATED) == []
    assert len(entries(organisation, "wagtail.edit")) == 1
