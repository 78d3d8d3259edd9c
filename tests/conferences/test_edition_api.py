"""The conference editions in the public Wagtail API (/api/v2/pages/?type=conferences.ConferenceEditionPage): what a
consumer needs to show a day (texts, stream links, registration window, organisers, tracks), and only what is
published and open to everyone."""

import datetime

import pytest
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from conferences.models.pages import EditionStreamLink
from tests.conferences.factories import create_edition
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"
EDITIONS = {"type": "conferences.ConferenceEditionPage", "fields": "*"}
STOCKHOLM_OPENS = "2021-09-01T08:00:00+02:00"
STOCKHOLM_CLOSES = "2021-10-13T23:59:00+02:00"


@pytest.fixture
def published(edition):
    organiser = OrganisationFactory(name="Stadsledningskontoret", slug="stadsledningskontoret")
    edition.body = [("paragraph", RichText("<p>Välkommen till en dag om digitalisering.</p>"))]
    edition.stream_url = "https://play.example.test/motesplats"
    edition.stream_links = [
        EditionStreamLink(label="Sändning med teckenspråkstolkning", url="https://play.example.test/tsp", sort_order=0)
    ]
    edition.registration_opens = datetime.datetime.fromisoformat(STOCKHOLM_OPENS)
    edition.registration_closes = datetime.datetime.fromisoformat(STOCKHOLM_CLOSES)
    edition.organisers = [organiser]
    edition.save_revision().publish()
    edition.refresh_from_db()
    return edition


def editions_in(response):
    assert response.status_code == 200
    return {item["title"]: item for item in response.json()["items"]}


def test_the_api_gives_what_a_consumer_needs_to_show_the_day(client, published):
    item = editions_in(client.get(API, EDITIONS))[published.title]
    assert item["year"] == 2021
    assert item["date"] == "2021-10-20"
    assert item["intro"] == "En dag med lärande exempel från stadens förvaltningar och bolag."
    assert item["body"][0]["type"] == "paragraph"
    assert "Välkommen till en dag om digitalisering." in item["body"][0]["value"]
    assert item["stream_url"] == "https://play.example.test/motesplats"
    assert [(link["label"], link["url"]) for link in item["stream_links"]] == [
        ("Sändning med teckenspråkstolkning", "https://play.example.test/tsp")
    ]
    assert item["registration_opens"] == STOCKHOLM_OPENS
    assert item["registration_closes"] == STOCKHOLM_CLOSES
    assert item["organisers"] == [{"name": "Stadsledningskontoret", "slug": "stadsledningskontoret", "website": ""}]
    assert [(track["name"], track["room"]) for track in item["tracks"]] == [
        ("Stora salen", "Sal A"),
        ("Lilla salen", "Sal B"),
    ]
    # The detail view carries the same fields by default.
    detail = client.get(f"{API}{published.pk}/").json()
    assert detail["stream_links"] == item["stream_links"] and detail["organisers"] == item["organisers"]


def test_an_organiser_in_the_api_carries_none_of_its_internal_fields(client, published):
    organiser = editions_in(client.get(API, EDITIONS))[published.title]["organisers"][0]
    assert set(organiser) == {"name", "slug", "website"}


def test_a_newer_draft_of_an_edition_stays_out_of_the_api(client, published):
    published.theme = "Hemligt utkast till tema"
    published.stream_url = "https://play.example.test/hemlig"
    published.stream_links = [EditionStreamLink(label="Hemlig sändning", url="https://play.example.test/hemlig-tsp")]
    published.save_revision()  # a draft: the live page is unchanged
    text = client.get(API, EDITIONS).content.decode()
    assert "Digitalisering som gör skillnad" in text
    for secret in ("Hemligt utkast till tema", "play.example.test/hemlig", "Hemlig sändning"):
        assert secret not in text


@pytest.mark.parametrize("who", [None, "staff", "superuser"])
def test_unpublished_and_staff_only_editions_are_never_in_the_api(client, series, published, who, request):
    draft = create_edition(series, year=2022, title="Opublicerad konferensdag")
    draft.unpublish()
    private = create_edition(series, year=2023, title="Konferensdag bara för inloggade")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    if who:
        client.force_login(request.getfixturevalue(who))
    assert set(editions_in(client.get(API, EDITIONS))) == {published.title}
    for hidden in (draft, private):
        assert client.get(f"{API}{hidden.pk}/").status_code == 404
