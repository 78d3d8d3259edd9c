"""An edition's streams: its main stream link plus further labelled ones (e.g. with sign language interpretation),
all shown on the day, edited in the admin, and added to the demo's coming edition once."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from arena.roles import ORGANISERS
from conferences.admin.roles import grant_organiser_permissions
from conferences.demo import seed as demo
from conferences.models import ConferenceEditionPage
from conferences.models.pages import EditionStreamLink
from tests.conferences.factories import create_edition
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MAIN = "https://play.example.test/motesplats"
SIGN_LANGUAGE = "https://play.example.test/teckensprak"


def html(response):
    return response.content.decode()


def live_panel(content):
    return content.split('id="live-heading"', 1)[1].split("</section>", 1)[0]


@pytest.fixture
def today(series):
    day = timezone.localdate()
    edition = create_edition(series, year=day.year, date=day, slug="idag", stream_url=MAIN)
    edition.stream_links = [
        EditionStreamLink(label="Sändning med teckenspråkstolkning", url=SIGN_LANGUAGE, sort_order=0),
        EditionStreamLink(label="Syntolkad sändning", url="https://play.example.test/syntolkning", sort_order=1),
    ]
    edition.save_revision().publish()
    return edition


def test_the_day_shows_every_stream_link_labelled(client, today):
    live = live_panel(html(client.get("/motesplats/idag/")))
    assert f'<a class="button" href="{MAIN}">Se sändningen</a>' in live
    assert f'<a class="button" href="{SIGN_LANGUAGE}">Sändning med teckenspråkstolkning</a>' in live
    assert live.index("Se sändningen") < live.index("Sändning med teckenspråkstolkning") < live.index("Syntolkad")


def test_an_edition_without_a_main_stream_still_shows_its_other_streams(client, today):
    today.stream_url = ""
    today.save_revision().publish()
    live = live_panel(html(client.get("/motesplats/idag/")))
    assert "Se sändningen" not in live
    assert f'href="{SIGN_LANGUAGE}"' in live


def test_stream_links_only_show_on_the_day(client, series):
    edition = create_edition(series, year=2021, stream_url=MAIN)
    edition.stream_links = [EditionStreamLink(label="Sändning med teckenspråkstolkning", url=SIGN_LANGUAGE)]
    edition.save_revision().publish()
    content = html(client.get("/motesplats/2021/"))
    assert SIGN_LANGUAGE not in content and MAIN not in content


def test_the_main_stream_link_is_kept_beside_the_new_ones(series):
    """Migration 0004 adds the further links beside stream_url: an edition's existing stream link is untouched."""
    edition = create_edition(series, year=2021, stream_url=MAIN)
    edition.refresh_from_db()
    assert edition.stream_url == MAIN
    assert list(edition.stream_links.all()) == []
    edition.stream_links = [EditionStreamLink(label="Sändning med teckenspråkstolkning", url=SIGN_LANGUAGE)]
    edition.save_revision().publish()
    edition = ConferenceEditionPage.objects.get(pk=edition.pk)
    assert edition.stream_url == MAIN
    assert [(link.label, link.url) for link in edition.stream_links.all()] == [
        ("Sändning med teckenspråkstolkning", SIGN_LANGUAGE)
    ]


def test_an_organiser_adds_a_stream_link_in_the_admin(client, series):
    grant_organiser_permissions(series)
    organiser = UserFactory(username="arrangor")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(organiser)
    edition = create_edition(series, year=2021, stream_url=MAIN)
    edit_url = reverse("wagtailadmin_pages:edit", args=[edition.pk])
    assert "Fler sändningar" in html(client.get(edit_url))
    tracks = [{"id": track.pk, "name": track.name, "room": track.room} for track in edition.tracks.all()]
    data = nested_form_data(
        {
            "title": edition.title,
            "slug": edition.slug,
            "year": 2021,
            "date": "2021-10-20",
            "theme": edition.theme,
            "intro": edition.intro,
            "body": streamfield([]),
            "format": edition.format,
            "venue": "",
            "stream_url": MAIN,
            "stream_links": inline_formset([{"label": "Sändning med teckenspråkstolkning", "url": SIGN_LANGUAGE}]),
            "registration_opens": "",
            "registration_closes": "",
            "capacity": "",
            "tracks": inline_formset(tracks, initial=len(tracks)),
            "action-publish": "action-publish",
        }
    )
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    edition = ConferenceEditionPage.objects.get(pk=edition.pk)
    assert edition.stream_url == MAIN
    assert [(link.label, link.url) for link in edition.stream_links.all()] == [
        ("Sändning med teckenspråkstolkning", SIGN_LANGUAGE)
    ]


def test_the_demo_gives_the_coming_edition_two_stream_links_once(series):
    edition = create_edition(series, year=2027, date=datetime.date(2027, 10, 20), stream_url=MAIN)
    links = next(data for data in demo.editions_data() if data["year"] == 2027)["more_stream_links"]
    demo.ensure_stream_links(edition, links)
    demo.ensure_stream_links(ConferenceEditionPage.objects.get(pk=edition.pk), links)
    edition = ConferenceEditionPage.objects.get(pk=edition.pk)
    assert edition.stream_url == MAIN
    assert [link.label for link in edition.stream_links.all()] == ["Sändning med teckenspråkstolkning"]
    assert edition.revisions.count() == 2  # created, then the link added once
    assert edition.latest_revision.as_object().stream_links.count() == 1
