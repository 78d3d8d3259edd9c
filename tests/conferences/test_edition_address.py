"""A new conference edition made in the admin lives at /motesplats/<year>/ unless the organiser typed another slug;
an existing edition keeps its address."""

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
