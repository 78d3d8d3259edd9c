"""Who reaches the attendee list and the recordings in the admin: organisers do; writers and editors of an
organisation, analysts and plain staff do not, by menu or by direct URL. The public API carries no attendee data."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail import hooks
from wagtail.models import GroupPagePermission

from arena.roles import ANALYSTS, ORGANISERS, ensure_role_groups
from conferences.admin.roles import MODEL_PERMISSIONS, grant_organiser_permissions
from conferences.models import Recording, Registration
from tests.conferences.factories import at, create_session
from tests.factories import UserFactory

REGISTRATIONS = "/admin/anmalningar/"
RECORDINGS = "/admin/snippets/conferences/recording/"
SECRET_EMAIL = "hemlig.deltagare@goteborg.test"
SECRET_NEEDS = "Rullstolsplats och hörslinga"


@pytest.fixture
def world(series, edition):
    """Organiser permissions granted, one registration with personal data and one recording."""
    grant_organiser_permissions(series)
    session = create_session(edition, "Lansering av kunskapsarenan", at(edition.date, 9), at(edition.date, 10))
    registration = Registration.objects.create(
        edition=edition, user=UserFactory(email=SECRET_EMAIL), needs=SECRET_NEEDS
    )
    recording = Recording.objects.create(session=session, external_url="https://video.example.test/lansering.mp4")
    return {"edition": edition, "session": session, "registration": registration, "recording": recording}


def in_role(name):
    user = UserFactory()
    user.groups.add(ensure_role_groups()[name])
    return user


def protected_urls(world):
    registration, recording = world["registration"], world["recording"]
    return [
        reverse("anmalningar:index"),
        f"{reverse('anmalningar:index')}?export=csv",
        f"{reverse('anmalningar:index')}?export=xlsx&edition={world['edition'].pk}",
        reverse("anmalningar:overview"),
        reverse("anmalningar:inspect", args=[registration.pk]),
        reverse("wagtailsnippets_conferences_recording:list"),
        reverse("wagtailsnippets_conferences_recording:add"),
        reverse("wagtailsnippets_conferences_recording:edit", args=[recording.pk]),
        reverse("wagtailsnippets_conferences_recording:delete", args=[recording.pk]),
    ]


def assert_refused(response):
    """Wagtail refuses an admin area by redirecting to the dashboard with a message."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert SECRET_EMAIL.encode() not in body


def menu_entries(client):
    """Every menu item's name and URL in the admin sidebar (rendered from a JSON blob). Names and URLs, not labels:
    Wagtail's own "Reports" menu currently reads "Anmälningar" in Swedish too."""
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    blob = response.content.decode().split('id="wagtail-sidebar-props"', 1)[1].split(">", 1)[1]
    entries = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("name"), str):
                entries.add(node["name"])
            if isinstance(node.get("url"), str):
                entries.add(node["url"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(blob.split("</script>", 1)[0]))
    return entries


@pytest.mark.parametrize("who", ["writer_a", "editor_a", "analyst"])
def test_others_are_refused_every_registration_and_recording_url(client, world, who, request):
    user = in_role(ANALYSTS) if who == "analyst" else request.getfixturevalue(who)
    client.force_login(user)
    for url in protected_urls(world):
        assert_refused(client.get(url))
    # Nor can they change anything by posting.
    assert_refused(client.post(reverse("anmalningar:cancel", args=[world["registration"].pk])))
    world["registration"].refresh_from_db()
    assert world["registration"].status == Registration.Status.CONFIRMED
    assert_refused(
        client.post(
            reverse("wagtailsnippets_conferences_recording:edit", args=[world["recording"].pk]),
            {"session": world["session"].pk, "external_url": "https://elak.example.test/x.mp4"},
        )
    )
    world["recording"].refresh_from_db()
    assert world["recording"].external_url == "https://video.example.test/lansering.mp4"


@pytest.mark.parametrize("who", ["writer_a", "editor_a", "analyst"])
def test_others_see_neither_menu_item(client, world, who, request):
    user = in_role(ANALYSTS) if who == "analyst" else request.getfixturevalue(who)
    client.force_login(user)
    entries = menu_entries(client)
    assert REGISTRATIONS not in entries and RECORDINGS not in entries
    assert "motesplats" not in entries


def test_staff_without_admin_access_get_the_no_access_page(client, world, staff):
    client.force_login(staff)
    for url in protected_urls(world):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Du har inte behörighet till administrationen" in response.content.decode()


def test_organisers_see_the_menu_items_and_reach_the_pages(client, world):
    client.force_login(in_role(ORGANISERS))
    assert {"motesplats", REGISTRATIONS, RECORDINGS} <= menu_entries(client)
    for url in protected_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url


def test_granting_organiser_permissions_is_idempotent(series):
    group = grant_organiser_permissions(series)
    permissions = set(group.permissions.values_list("content_type__app_label", "codename"))
    page_permissions = GroupPagePermission.objects.filter(group=group).count()
    assert grant_organiser_permissions(series) == group
    assert set(group.permissions.values_list("content_type__app_label", "codename")) == permissions
    assert GroupPagePermission.objects.filter(group=group).count() == page_permissions
    assert Group.objects.filter(name=ORGANISERS).count() == 1
    assert set(MODEL_PERMISSIONS) <= permissions
    assert {
        ("conferences", "view_registration"),
        ("conferences", "change_registration"),
        ("conferences", "add_recording"),
        ("conferences", "change_recording"),
        ("conferences", "delete_recording"),
        ("conferences", "add_recordingcaption"),
        ("conferences", "change_recordingcaption"),
        ("conferences", "delete_recordingcaption"),
    } <= permissions
    # Registrations are never added or deleted in the admin, by anyone.
    assert not permissions & {("conferences", "add_registration"), ("conferences", "delete_registration")}


def test_the_group_editor_offers_viewing_and_cancelling_registrations_only(db):
    offered = set()
    for permissions in hooks.get_hooks("register_permissions"):
        offered |= set(permissions().filter(content_type__app_label="conferences").values_list("codename", flat=True))
    assert {
        "view_registration",
        "change_registration",
        "add_recording",
        "change_recording",
        "delete_recording",
    } <= offered
    assert not offered & {"add_registration", "delete_registration"}


def test_the_api_exposes_no_attendee_or_private_recording_data(client, world):
    edition = world["edition"]
    listing = client.get("/api/v2/pages/", {"type": "conferences.ConferenceEditionPage", "fields": "*"})
    detail = client.get(f"/api/v2/pages/{edition.pk}/")
    for response in (listing, detail):
        assert response.status_code == 200
        text = response.content.decode()
        assert SECRET_EMAIL not in text and SECRET_NEEDS not in text
        assert "registrations" not in text
    assert "registrations" not in detail.json()
    # Asking for the relation by name is a bad request, not a leak.
    assert client.get(f"/api/v2/pages/{edition.pk}/", {"fields": "registrations"}).status_code == 400
    # Neither registrations nor recordings have an endpoint of their own.
    assert client.get("/api/v2/registrations/").status_code == 404
    assert client.get("/api/v2/recordings/").status_code == 404
