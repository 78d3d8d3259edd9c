"""A new conference edition made in the admin lives at /motesplats/<year>/ unless the organiser typed another slug,
also through autosave (background POSTs with "Accept: application/json"); a published edition keeps its address."""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from conferences.models import ConferenceEditionPage


def edition_form(title, slug, year=2028):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "year": year,
            "date": f"{year}-10-18",
            "theme": "",
            "intro": "",
            "body": streamfield([]),
            "format": "digital",
            "venue": "",
            "stream_url": "",
            "stream_links": inline_formset([]),
            "registration_opens": "",
            "registration_closes": "",
            "capacity": "",
            "tracks": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


def add_edition(client, series, data):
    url = reverse("wagtailadmin_pages:add", args=["conferences", "conferenceeditionpage", series.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return ConferenceEditionPage.objects.get(year=data["year"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slug",
    [
        "motesplats-digitalisering-och-innovation-2028",  # what the browser makes of the title
        "",
    ],
)
def test_a_new_edition_lives_at_its_year(client, series, organiser, slug):
    edition = add_edition(client, series, edition_form("Mötesplats digitalisering och innovation 2028", slug))
    assert edition.live
    assert edition.url == "/motesplats/2028/"
    assert client.get("/motesplats/2028/").status_code == 200


@pytest.mark.django_db
def test_a_slug_the_organiser_typed_stays(client, series, admin_user):
    client.force_login(admin_user)
    edition = add_edition(client, series, edition_form("Mötesplats 2028", "jubileum"))
    assert edition.url == "/motesplats/jubileum/"


@pytest.mark.django_db
def test_an_existing_edition_takes_the_slug_it_is_given(client, edition, organiser):
    """Only a new edition's slug defaults to the year; editing one never moves it behind the organiser's back."""
    data = edition_form(edition.title, "motesplats-digitalisering-och-innovation-2021", year=edition.year)
    data["date"] = edition.date.isoformat()
    response = client.post(reverse("wagtailadmin_pages:edit", args=[edition.pk]), data)
    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.url == "/motesplats/motesplats-digitalisering-och-innovation-2021/"


def autosave(client, url, data, revision_id=None):
    data = {key: value for key, value in data.items() if not key.startswith("action-")}
    if revision_id:
        data["overwrite_revision_id"] = str(revision_id)
    response = client.post(url, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    body = json.loads(response.content)
    assert body["success"] is True
    return body


@pytest.mark.django_db
def test_autosave_of_an_edition_page_keeps_its_year_address(client, series, organiser):
    data = edition_form(
        "Mötesplats digitalisering och innovation 2028", "motesplats-digitalisering-och-innovation-2028"
    )
    created = autosave(
        client, reverse("wagtailadmin_pages:add", args=["conferences", "conferenceeditionpage", series.pk]), data
    )
    assert created["field_updates"]["slug"] == "2028"  # the open editor is told the address
    edition = ConferenceEditionPage.objects.get(year=2028)
    # The browser still sends the title's slug until the field is updated: the address stays the year.
    edited = autosave(client, reverse("wagtailadmin_pages:edit", args=[edition.pk]), data, created["revision_id"])
    edition.refresh_from_db()
    assert edition.slug == "2028" and edition.latest_revision.content["slug"] == "2028"
    assert edited["success"]
    response = client.post(reverse("wagtailadmin_pages:edit", args=[edition.pk]), data)  # data has action-publish
    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.live and edition.url == "/motesplats/2028/"


@pytest.mark.django_db
def test_autosave_before_the_year_and_date_are_typed_saves_a_draft(client, series, organiser):
    """The editor autosaves as soon as the title is typed: that background save must succeed (no 400), and the
    edition still needs its year and date to be published."""
    add_url = reverse("wagtailadmin_pages:add", args=["conferences", "conferenceeditionpage", series.pk])
    data = edition_form("Mötesplats 2028", "motesplats-2028")
    data.update(year="", date="")
    created = autosave(client, add_url, data)
    draft = ConferenceEditionPage.objects.get(title="Mötesplats 2028")
    assert not draft.live and draft.year is None

    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = client.post(edit_url, data)  # data has action-publish
    assert response.status_code == 200  # the form again, with its errors
    assert set(response.context["form"].errors) >= {"year", "date"}
    draft.refresh_from_db()
    assert not draft.live

    data.update(year="2028", date="2028-10-18")
    autosave(client, edit_url, data, created["revision_id"])
    response = client.post(edit_url, data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live and draft.url == "/motesplats/2028/"
