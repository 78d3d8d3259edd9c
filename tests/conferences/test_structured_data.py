"""schema.org JSON-LD on conference pages, read as a search engine reads it: an edition is an Event with its published
sessions as sub-events, a session an Event with speakers as performers and its recording as a VideoObject with
captions and transcript. Drafts and restricted editions are never described; addresses are on the public base URL."""

import datetime

import pytest
from django.test import override_settings
from rdflib import RDF, Literal, URIRef
from wagtail.models import PageViewRestriction

from conferences.models import ConferenceEditionPage, SessionChange
from tests.conferences.factories import PersonFactory, at, create_edition, create_session
from tests.factories import OrganisationFactory
from tests.helpers.recordings import TRANSCRIPT, create_recording
from tests.helpers.structured_data import SCHEMA, all_iris, json_ld_blocks, json_ld_graph, the_one, value, values

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
SCHEDULED = URIRef("https://schema.org/EventScheduled")


def events_by_name(graph):
    return {value(graph, event, "name"): event for event in graph.subjects(predicate=None, object=SCHEMA.Event)}


def aware(text):
    moment = datetime.datetime.fromisoformat(text)
    assert moment.utcoffset() is not None, f"{text} has no offset"
    return moment


@pytest.fixture
def programme(edition, tracks):
    organiser = OrganisationFactory(name="Intraservice")
    edition.organisers.set([organiser])
    edition.save_revision().publish()
    speaker = PersonFactory(name="Amira Haddad", slug="amira-haddad", organisation=organiser)
    opening = create_session(
        edition,
        "Välkommen",
        at(edition.date, 9),
        at(edition.date, 9, 30),
        tracks[0],
        code="valkommen",
        speakers=[speaker],
        organisations=[organiser],
        abstract="Dagen börjar.",
    )
    closing = create_session(edition, "Avslutning", at(edition.date, 16), at(edition.date, 16, 30), tracks[1])
    draft = create_session(edition, "Hemlig punkt", at(edition.date, 11), at(edition.date, 11, 30), live=False)
    return {"opening": opening, "closing": closing, "draft": draft, "speaker": speaker, "organiser": organiser}


def test_an_edition_is_an_event_with_its_published_sessions(client, edition, programme):
    response = client.get(edition.url)
    assert response.status_code == 200
    graph = json_ld_graph(response)

    day = events_by_name(graph)[edition.title]
    assert (day, SCHEMA.url, URIRef(f"{BASE}{edition.url}")) in graph
    assert aware(value(graph, day, "startDate")) == at(edition.date, 9)
    assert aware(value(graph, day, "endDate")) == at(edition.date, 16, 30)
    assert value(graph, day, "startDate").endswith("+02:00")  # Stockholm summer time, as the page shows it
    assert (day, SCHEMA.eventStatus, SCHEDULED) in graph
    assert (day, SCHEMA.eventAttendanceMode, URIRef("https://schema.org/OnlineEventAttendanceMode")) in graph
    organizer = graph.value(day, SCHEMA.organizer)
    assert value(graph, organizer, "name") == "Intraservice"
    location = graph.value(day, SCHEMA.location)
    assert (location, SCHEMA.url, URIRef(f"{BASE}{edition.url}")) in graph  # the page itself, never the stream

    sub_events = list(graph.objects(day, SCHEMA.subEvent))
    assert sorted(value(graph, event, "name") for event in sub_events) == ["Avslutning", "Välkommen"]
    assert "Hemlig punkt" not in response.content.decode()


def test_an_edition_on_site_has_its_venue_and_before_the_programme_its_date(client, series):
    edition = create_edition(series, year=2027, format=ConferenceEditionPage.Format.ON_SITE, venue="Eriksbergshallen")
    graph = json_ld_graph(client.get(edition.url))

    day = the_one(graph, "Event")
    assert value(graph, day, "startDate") == "2027-10-15"
    assert (day, SCHEMA.eventAttendanceMode, URIRef("https://schema.org/OfflineEventAttendanceMode")) in graph
    place = graph.value(day, SCHEMA.location)
    assert (place, SCHEMA.name, Literal("Eriksbergshallen")) in graph
    assert graph.value(day, SCHEMA.subEvent) is None


def test_a_session_is_an_event_with_speakers_and_its_edition(client, edition, programme):
    session = programme["opening"]
    response = client.get(session.get_url())
    assert response.status_code == 200
    graph = json_ld_graph(response)

    event = events_by_name(graph)["Välkommen"]
    assert value(graph, event, "url") == f"{BASE}/motesplats/2021/program/valkommen/"
    assert value(graph, event, "description") == "Dagen börjar."
    assert aware(value(graph, event, "startDate")) == at(edition.date, 9)
    assert aware(value(graph, event, "endDate")) == at(edition.date, 9, 30)
    assert (event, SCHEMA.eventStatus, SCHEDULED) in graph
    performer = graph.value(event, SCHEMA.performer)
    assert (performer, RDF.type, SCHEMA.Person) in graph
    assert value(graph, performer, "name") == "Amira Haddad"
    assert value(graph, performer, "url") == f"{BASE}/motesplats/2021/talare/amira-haddad/"
    assert value(graph, graph.value(event, SCHEMA.organizer), "name") == "Intraservice"
    assert value(graph, graph.value(event, SCHEMA.location), "name") == "Sal A"
    assert value(graph, graph.value(event, SCHEMA.superEvent), "url") == f"{BASE}{edition.url}"
    assert graph.value(event, SCHEMA.recordedIn) is None


def test_a_moved_session_is_rescheduled_from_its_first_time(client, edition, programme):
    session = programme["closing"]
    SessionChange.objects.create(
        session=session,
        old_start=at(edition.date, 15),
        old_end=at(edition.date, 15, 30),
        new_start=session.start,
        new_end=session.end,
    )
    graph = json_ld_graph(client.get(session.get_url()))

    event = events_by_name(graph)["Avslutning"]
    assert (event, SCHEMA.eventStatus, URIRef("https://schema.org/EventRescheduled")) in graph
    assert aware(value(graph, event, "previousStartDate")) == at(edition.date, 15)


def test_a_recording_is_a_video_object_with_captions_and_transcript(client, edition, programme):
    recording = create_recording(programme["opening"], captions=("sv", "en"))
    graph = json_ld_graph(client.get(programme["opening"].get_url()))

    video = graph.value(events_by_name(graph)["Välkommen"], SCHEMA.recordedIn)
    assert (video, RDF.type, SCHEMA.VideoObject) in graph
    assert value(graph, video, "name") == "Välkommen"
    assert value(graph, video, "contentUrl") == f"{BASE}{recording.video.url}"
    assert value(graph, video, "encodingFormat") == "video/webm"
    assert aware(value(graph, video, "uploadDate")) == recording.created_at
    assert value(graph, video, "transcript") == TRANSCRIPT
    captions = list(graph.objects(video, SCHEMA.caption))
    assert all((caption, RDF.type, SCHEMA.MediaObject) in graph for caption in captions)
    assert sorted(value(graph, caption, "inLanguage") for caption in captions) == ["en", "sv"]
    assert {value(graph, caption, "encodingFormat") for caption in captions} == {"text/vtt"}
    assert values(graph, captions[0], "contentUrl")[0].startswith(f"{BASE}/media/recordings/captions/")


def test_a_recording_on_a_video_service_page_is_linked(client, programme):
    create_recording(programme["opening"], captions=(), transcript="", external_url="https://play.example/v/123")
    graph = json_ld_graph(client.get(programme["opening"].get_url()))

    video = the_one(graph, "VideoObject")
    assert value(graph, video, "url") == "https://play.example/v/123"
    assert graph.value(video, SCHEMA.contentUrl) is None
    assert graph.value(video, SCHEMA.transcript) is None


def test_a_session_that_must_not_be_recorded_has_no_video(client, edition, tracks):
    session = create_session(edition, "Off the record", at(edition.date, 13), track=tracks[0], do_not_record=True)
    create_recording(session)

    graph = json_ld_graph(client.get(session.get_url()))

    assert "Off the record" in events_by_name(graph)
    assert not list(graph.subjects(predicate=None, object=SCHEMA.VideoObject))


def test_addresses_come_from_the_configured_base_url_not_the_host_header(client, programme):
    create_recording(programme["opening"])
    for url in (programme["opening"].edition.url, programme["opening"].get_url()):
        with override_settings(PUBLIC_BASE_URL="https://kunskapsarenan.example"):
            graph = json_ld_graph(client.get(url, HTTP_HOST="elak.example"))

        assert all(iri.startswith("https://kunskapsarenan.example/") for iri in all_iris(graph)), all_iris(graph)


def test_a_restricted_edition_is_never_described(client, edition, programme, staff):
    PageViewRestriction.objects.create(page=edition, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(staff)

    for url in (edition.url, programme["opening"].get_url()):
        response = client.get(url)
        assert response.status_code == 200
        assert json_ld_blocks(response) == []


def test_a_preview_of_an_edition_is_never_described(edition, programme):
    edition.title = "Ny titel i utkast"
    response = edition.save_revision().as_object().make_preview_request()

    assert response.status_code == 200
    assert "Ny titel i utkast" in response.content.decode()
    assert json_ld_blocks(response) == []
