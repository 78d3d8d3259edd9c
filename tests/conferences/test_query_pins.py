"""Queries per conference page, pinned for an anonymous visitor, a signed-in staff member and an analyst with warm
caches (the anonymous page cache, the site frame and the fragments of arena.fragments), and flat as the programme
grows with the caches off. The pins were measured on the conference fragments' branch; lower them as the shared
parts of every page get cheaper, never raise them without a reason."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from arena.roles import ANALYSTS
from conferences.models import Recording
from tests.conferences.factories import PersonFactory, at, create_session
from tests.factories import UserFactory
from tests.helpers.registrations import open_edition

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

OCT_20 = datetime.date(2021, 10, 20)

# Page type -> audience -> queries of a warm request (PAGE_CACHE_SECONDS=300, real Redis).
PINS = {
    "series": {"anonymous": 0, "staff": 1, "analyst": 1},
    "edition": {"anonymous": 0, "staff": 1, "analyst": 1},
    "programme": {"anonymous": 0, "staff": 1, "analyst": 1},
    "programme_filtered": {"anonymous": 0, "staff": 1, "analyst": 1},
    "session": {"anonymous": 0, "staff": 1, "analyst": 1},
    "speakers": {"anonymous": 0, "staff": 1, "analyst": 1},
    "speaker": {"anonymous": 0, "staff": 1, "analyst": 1},
    "recordings": {"anonymous": 0, "staff": 1, "analyst": 1},
    "registration": {"anonymous": 0, "staff": 4, "analyst": 4},
    "programme_ics": {"anonymous": 0, "staff": 1, "analyst": 1},
    "programme_json": {"anonymous": 0, "staff": 1, "analyst": 1},
    "schedule_xml": {"anonymous": 0, "staff": 1, "analyst": 1},
    "schedule_json": {"anonymous": 0, "staff": 1, "analyst": 1},
    "recordings_feed": {"anonymous": 0, "staff": 1, "analyst": 1},
}


@pytest.fixture
def conference(edition, tracks):
    """The 2021 edition with three sessions (one recorded, with two speakers) and an upcoming edition open for
    registration."""
    speakers = [PersonFactory(name=f"Talare {n}", slug=f"talare-{n}") for n in range(3)]
    sessions = [
        create_session(
            edition,
            f"Pass {n}",
            at(OCT_20, 9 + n),
            at(OCT_20, 9 + n, 45),
            tracks[n % 2],
            speakers=speakers[n : n + 2],
            code=f"pass-{n}",
            is_featured=n == 0,
        )
        for n in range(3)
    ]
    Recording.objects.create(session=sessions[0], external_url="https://play.example.org/pass-0")
    upcoming = open_edition(edition.get_parent().specific)
    return {"edition": edition, "upcoming": upcoming}


@pytest.fixture
def paths(conference):
    year = conference["upcoming"].year
    return {
        "series": "/motesplats/",
        "edition": "/motesplats/2021/",
        "programme": "/motesplats/2021/program/",
        "programme_filtered": "/motesplats/2021/program/?typ=talk",
        "session": "/motesplats/2021/program/pass-0/",
        "speakers": "/motesplats/2021/talare/",
        "speaker": "/motesplats/2021/talare/talare-1/",
        "recordings": "/motesplats/inspelningar/",
        "registration": f"/motesplats/{year}/anmalan/",
        "programme_ics": "/motesplats/2021/program.ics",
        "programme_json": "/motesplats/2021/program.json",
        "schedule_xml": "/motesplats/2021/schedule.xml",
        "schedule_json": "/motesplats/2021/schedule.json",
        "recordings_feed": "/motesplats/inspelningar/rss/",
    }


def client_for(audience):
    client = Client()
    if audience == "anonymous":
        return client
    user = UserFactory()
    if audience == "analyst":
        group, _created = Group.objects.get_or_create(name=ANALYSTS)
        user.groups.add(group)
    client.force_login(user)
    return client


def warm_queries(client, path):
    for _ in range(2):
        client.get(path)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    count = len(ctx)
    return response, count


@pytest.mark.parametrize("audience", ["anonymous", "staff", "analyst"])
def test_warm_pages_keep_to_their_pins(settings, paths, audience):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    client = client_for(audience)
    measured = {}
    for name, path in paths.items():
        response, count = warm_queries(client, path)
        expected_status = 302 if name == "registration" and audience == "anonymous" else 200
        assert response.status_code == expected_status, (name, response.status_code)
        measured[name] = count
    cache.clear()
    assert measured == {name: pins[audience] for name, pins in PINS.items()}


# --- Flat with the caches off: 3 and 15 sessions and speakers cost the same number of queries ------------------


def grow(edition, tracks, size):
    speakers = [PersonFactory(name=f"Person {n}", slug=f"person-{n}") for n in range(size)]
    for n in range(size):
        create_session(
            edition,
            f"Punkt {n}",
            at(OCT_20, 8) + datetime.timedelta(minutes=20 * n),
            at(OCT_20, 8) + datetime.timedelta(minutes=20 * n + 15),
            tracks[n % 2],
            speakers=[speakers[n], speakers[(n + 1) % size]],
            code=f"punkt-{n}",
            is_featured=n % 2 == 0,
        )


FLAT_PATHS = [
    "/motesplats/",
    "/motesplats/2021/",
    "/motesplats/2021/program/",
    "/motesplats/2021/program/punkt-0/",
    "/motesplats/2021/talare/",
    "/motesplats/2021/talare/person-1/",
    "/motesplats/inspelningar/",
    "/motesplats/2021/program.ics",
    "/motesplats/2021/schedule.json",
]


@pytest.mark.parametrize("path", FLAT_PATHS)
@pytest.mark.parametrize("audience", ["anonymous", "staff"])
def test_queries_do_not_grow_with_the_programme(edition, tracks, path, audience, django_assert_max_num_queries):
    client = client_for(audience)
    grow(edition, tracks, 3)
    client.get(path)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    small = len(ctx)
    grow_more = 15
    edition_sessions = edition.sessions.count()
    create_more = grow_more - edition_sessions
    speakers = [PersonFactory(name=f"Ny person {n}", slug=f"ny-person-{n}") for n in range(create_more)]
    for n in range(create_more):
        create_session(
            edition,
            f"Mer {n}",
            at(OCT_20, 13) + datetime.timedelta(minutes=20 * n),
            at(OCT_20, 13) + datetime.timedelta(minutes=20 * n + 15),
            tracks[n % 2],
            speakers=[speakers[n], speakers[(n + 1) % create_more]],
            code=f"mer-{n}",
        )
    assert edition.sessions.count() == grow_more
    with django_assert_max_num_queries(small) as ctx:
        assert client.get(path).status_code == 200
    assert len(ctx) == small
