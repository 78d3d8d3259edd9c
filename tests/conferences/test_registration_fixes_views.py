"""The registration page when the conference day is full: a workshop needs a place for the day, so the form is
refused with status 400 and a Swedish message, and nothing of it is saved (the whole form is one transaction)."""

import pytest

from conferences.models import Registration
from conferences.registration import rules
from tests.factories import UserFactory
from tests.helpers.registrations import create_workshop, open_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_day(series):
    edition = open_edition(series, capacity=1)
    rules.register_for_day(UserFactory(), edition)
    return edition


@pytest.fixture
def attendee(client):
    user = UserFactory(first_name="Maja", last_name="Lind")
    client.force_login(user)
    return user


def url(edition):
    return f"/motesplats/{edition.year}/anmalan/"


def assert_refused(response, message):
    assert response.status_code == 400
    content = response.content.decode()
    assert 'class="error-summary"' in content
    assert message in content


def test_on_the_days_waiting_list_a_workshop_is_refused_and_nothing_saved(
    client, full_day, attendee, django_capture_on_commit_callbacks
):
    workshop = create_workshop(full_day, "AI-verkstad", 10, 11, capacity=5)
    day = rules.register_for_day(attendee, full_day, needs="Hörslinga")
    before = set(Registration.objects.values_list("pk", "status", "needs"))

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url(full_day), {"sessions": [workshop.pk], "needs": "Vegetarisk lunch"})

    # The page offers no workshops while the day is waitlisted, so a posted one is not a valid choice.
    assert response.status_code == 400
    assert "Välj bland workshopparna i listan." in response.content.decode()
    # The needs given with the refused form are not saved either, and no e-mail is queued.
    assert set(Registration.objects.values_list("pk", "status", "needs")) == before
    assert callbacks == []
    day.refresh_from_db()
    assert day.status == Registration.Status.WAITLISTED


def test_while_on_the_days_waiting_list_the_page_says_so_and_offers_no_workshops(client, full_day, attendee):
    workshop = create_workshop(full_day, "AI-verkstad", 10, 11, capacity=5)
    rules.register_for_day(attendee, full_day)

    content = client.get(url(full_day)).content.decode()

    assert "Du står på väntelistan för dagen" in content
    assert "du kan anmäla dig till workshoppar när du har fått en plats" in content
    assert f'value="{workshop.pk}"' not in content


def test_a_first_sign_up_with_a_workshop_for_a_full_day_saves_nothing_and_says_how_to_queue(
    client, full_day, attendee, django_capture_on_commit_callbacks
):
    workshop = create_workshop(full_day, "AI-verkstad", 10, 11)

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url(full_day), {"attend_day": "on", "sessions": [workshop.pk]})

    assert_refused(
        response,
        "Konferensdagen är fullbokad. Anmäl dig till dagen utan workshoppar för att komma med på väntelistan. "
        "Du kan anmäla dig till workshoppar när du har fått en plats.",
    )
    assert not Registration.objects.filter(user=attendee).exists()
    assert callbacks == []

    # As the message says: the day alone puts them in the queue.
    response = client.post(url(full_day), {"attend_day": "on"}, follow=True)
    assert [str(message) for message in response.context["messages"]][0] == (
        "Du står på väntelistan för dagen, plats 1."
    )
