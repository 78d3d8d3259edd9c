"""Cancelling a registration appears in Wagtail's audit log with who and when: an organiser cancelling in the admin
on the attendee's behalf (and the attendee who got the place from the waiting list), or the attendee cancelling on
the registration page; and places an organiser publishes that go to the waiting list. Shown in Swedish in
Reports → Site history to superusers and organisers (Wagtail shows model log entries to users with a permission on
the model; organisers see every registration anyway), never to an organisation's editor."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from conferences.models import Registration, Session
from conferences.registration import audit
from tests.factories import UserFactory
from tests.helpers.audit_log import entries, history_row, only_entry, site_history
from tests.helpers.registrations import create_workshop, open_edition

pytestmark = pytest.mark.django_db

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED


@pytest.fixture
def workshop(series):
    return create_workshop(open_edition(series), "Workshop: tjänstedesign", 13, 15, capacity=1)


def registered(first_name, workshop, status):
    user = UserFactory(username=first_name.lower(), first_name=first_name, last_name="Lind")
    Registration.objects.create(user=user, edition=workshop.edition, status=CONFIRMED)
    return Registration.objects.create(user=user, edition=workshop.edition, session=workshop, status=status)


def test_an_organisers_cancellation_is_logged(client, organiser, workshop, editor_a, superuser):
    anna = registered("Anna", workshop, CONFIRMED)
    bengt = registered("Bengt", workshop, WAITLISTED)
    since = timezone.now()
    response = client.post(reverse("anmalningar:cancel", args=[anna.pk]))
    assert response.status_code == 302
    bengt.refresh_from_db()
    assert bengt.status == CONFIRMED
    cancelled = only_entry(anna, audit.CANCELLED, organiser, since)
    only_entry(bengt, audit.PROMOTED, organiser, since)

    history = site_history(superuser)
    assert history_row(cancelled) in history
    assert "Avbokade anmälan" in history and "Anmälan avbokad" in history
    assert "Avbokade en anmälan, så att den här fick platsen från väntelistan" in history
    assert "Olle Arrangör" in history
    assert "Avbokade anmälan" in site_history(organiser)
    assert "Avbokade anmälan" not in site_history(editor_a)

    # Cancelling again changes nothing and logs nothing.
    assert client.post(reverse("anmalningar:cancel", args=[anna.pk])).status_code == 302
    assert len(entries(anna, audit.CANCELLED)) == 1


def test_an_attendees_own_cancellation_is_logged_with_the_attendee(workshop, superuser):
    anna = registered("Anna", workshop, CONFIRMED)
    attendee = Client()
    attendee.force_login(anna.user)
    since = timezone.now()
    url = workshop.edition.url + "anmalan/avboka/" + str(anna.pk) + "/"
    assert attendee.post(url).status_code == 302
    anna.refresh_from_db()
    assert anna.status == Registration.Status.CANCELLED
    entry = only_entry(anna, audit.CANCELLED, anna.user, since)
    assert entry.user_display_name == "Anna Lind"
    assert history_row(entry) in site_history(superuser)


def session_form(session, capacity):
    start, end = timezone.localtime(session.start), timezone.localtime(session.end)
    return nested_form_data(
        {
            "edition": session.edition_id,
            "title": session.title,
            "code": session.code,
            "start": f"{start:%Y-%m-%d %H:%M}",
            "end": f"{end:%Y-%m-%d %H:%M}",
            "track": "",
            "session_type": Session.Type.WORKSHOP,
            "abstract": "",
            "session_speakers": inline_formset([]),
            "external_organisations": "",
            "registration_required": "on",
            "capacity": capacity,
            "materials": streamfield([]),
            "action-publish": "action-publish",
        }
    )


def test_places_published_by_an_organiser_are_logged_with_the_organiser(client, organiser, workshop, superuser):
    registered("Anna", workshop, CONFIRMED)
    bengt = registered("Bengt", workshop, WAITLISTED)
    since = timezone.now()
    edit_url = reverse("wagtailsnippets_conferences_session:edit", args=(workshop.pk,))
    response = client.post(edit_url, session_form(workshop, 2))
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    bengt.refresh_from_db()
    assert bengt.status == CONFIRMED
    only_entry(bengt, audit.PLACES_ADDED, organiser, since)
    assert "Publicerade fler platser, så att den här anmälan fick en plats från väntelistan" in site_history(superuser)
