"""Capacity under real concurrency on PostgreSQL: 20 people submit the registration form for a workshop with 10
places at the same moment, each request in its own thread with its own database connection. Exactly 10 get a
place and 10 a waiting-list place; a cancellation then gives the place to the first in line. The day's own
capacity holds the same way."""

import threading

import pytest
from django.core import mail
from django.db import connections
from django.test import Client

from conferences.models import Registration
from conferences.registration import rules
from tests.factories import UserFactory
from tests.helpers.registrations import create_workshop, open_edition

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _baseline(wagtail_baseline):
    """Every test here is transactional and needs the locale and root collection."""


def run_at_once(count, action):
    """Call action(i) for i in range(count) from `count` threads released together by a barrier."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def worker(index):
        try:
            barrier.wait(timeout=30)
            results[index] = action(index)
        except Exception as error:  # reported by the assertion below, with the thread's error
            errors.append(error)
        finally:
            connections.close_all()  # each thread opened its own connection

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a registration thread hung"
    assert not errors, errors
    return results


def test_twenty_at_once_for_ten_places_then_a_cancellation_promotes_the_first_in_line(series):
    edition = open_edition(series)
    workshop = create_workshop(edition, "AI-verkstad", 10, 11, capacity=10)
    url = f"/motesplats/{edition.year}/anmalan/"
    users = [UserFactory() for _ in range(20)]
    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)
    mail.outbox = []

    statuses = run_at_once(20, lambda index: clients[index].post(url, {"sessions": [workshop.pk]}).status_code)

    assert statuses == [302] * 20
    places = Registration.objects.filter(session=workshop)
    assert places.count() == 20
    assert places.confirmed().count() == 10
    assert places.waitlisted().count() == 10
    assert Registration.objects.for_day().confirmed().filter(edition=edition).count() == 20
    queue = list(places.waitlisted().in_queue_order())
    assert [rules.waiting_list_position(registration) for registration in queue] == list(range(1, 11))
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects.count("Du är anmäld: AI-verkstad") == 10
    assert subjects.count("Du står på väntelistan: AI-verkstad") == 10

    leaving = places.confirmed().first()
    owner = clients[users.index(leaving.user)]
    assert owner.post(f"{url}avboka/{leaving.pk}/").status_code == 302

    first_in_line = queue[0]
    first_in_line.refresh_from_db()
    assert first_in_line.status == Registration.Status.CONFIRMED
    assert places.confirmed().count() == 10
    assert places.waitlisted().count() == 9
    assert [rules.waiting_list_position(registration) for registration in places.waitlisted().in_queue_order()] == (
        list(range(1, 10))
    )


def test_the_days_capacity_holds_under_concurrency(series):
    edition = open_edition(series, capacity=5)
    users = [UserFactory() for _ in range(12)]

    statuses = run_at_once(12, lambda index: rules.register_for_day(users[index], edition).status)

    assert sorted(statuses) == ["confirmed"] * 5 + ["waitlisted"] * 7
    day = Registration.objects.for_day().filter(edition=edition)
    assert day.confirmed().count() == 5
    assert day.waitlisted().count() == 7
