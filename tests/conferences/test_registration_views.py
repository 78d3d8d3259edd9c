"""The registration page /motesplats/<year>/anmalan/ and cancellation: login, the form and its Swedish errors (status
400, nothing half-saved), success messages, privacy (another person's registration is a 404), private responses,
flat query counts, and the registration box on the edition page."""

import datetime
from urllib.parse import unquote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conferences.models import Registration
from conferences.registration import rules
from tests.conferences.factories import at, create_edition, create_session
from tests.factories import UserFactory, add_writer
from tests.helpers.registrations import create_workshop, open_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def upcoming(series):
    return open_edition(series)


@pytest.fixture
def url(upcoming):
    return f"/motesplats/{upcoming.year}/anmalan/"


@pytest.fixture
def attendee(client, org_a):
    """Someone in one organisation: the form does not ask which (test_registration_tenancy.py covers several)."""
    user = UserFactory(first_name="Maja", last_name="Lind")
    add_writer(user, org_a)
    client.force_login(user)
    return user


def cancel_url(url, registration):
    return f"{url}avboka/{registration.pk}/"


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


class TestLoginAndCaching:
    def test_anonymous_visitors_are_sent_to_the_login_page(self, client, url):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/konto/login/?next={url}"
        assert "private" in response["Cache-Control"]

    def test_the_page_is_private_and_never_cached(self, client, url, attendee):
        response = client.get(url)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response

    def test_other_methods_are_not_allowed(self, client, url, attendee):
        assert client.put(url).status_code == 405


class TestThePage:
    def test_shows_the_day_the_window_and_workshops_with_places(self, client, url, upcoming, attendee):
        big, small = upcoming.tracks.all()
        create_workshop(upcoming, "AI-verkstad", 9, 10, capacity=3, track=big)
        full = create_workshop(upcoming, "Öppna data", 10, 11, capacity=1, track=small)
        create_workshop(upcoming, "Tjänstedesign", 13, 14)
        create_session(upcoming, "Föreläsning utan anmälan", at(upcoming.date, 11), at(upcoming.date, 12), big)
        create_workshop(upcoming, "Utkast", 15, 16, live=False)
        rules.register_for_session(UserFactory(), full)

        response = client.get(url)

        content = response.content.decode()
        closes = timezone.localtime(upcoming.registration_closes)
        assert f"Anmälan är öppen till {closes.day} " in content
        assert "Jag deltar under konferensdagen" in content
        assert "AI-verkstad" in content and "3 platser kvar" in content
        assert "Öppna data" in content and "Fullt – väntelista" in content
        assert "Tjänstedesign" in content and "Obegränsat antal platser" in content
        assert "Föreläsning utan anmälan" not in content and "Utkast" not in content
        assert "Du är inte anmäld till den här konferensdagen." in content
        assert 'name="csrfmiddlewaretoken"' in content

    def test_shows_my_registrations_with_status_and_queue_place(self, client, url, upcoming, attendee):
        full = create_workshop(upcoming, "Öppna data", 10, 11, capacity=1)
        other = create_workshop(upcoming, "AI-verkstad", 13, 14)
        rules.register_for_session(UserFactory(), full)
        waiting = rules.register_for_session(attendee, full)
        rules.register_for_day(attendee, upcoming, needs="Hörslinga")

        content = client.get(url).content.decode()

        assert "Dina anmälningar" in content
        assert "Konferensdagen" in content and "Bekräftad" in content
        assert "Dina behov: Hörslinga" in content
        assert "På väntelistan – plats 1 i kön" in content
        assert f'action="{cancel_url(url, waiting)}"' in content
        # Already registered: the day is not a checkbox any more, the needs are there to change, and only the
        # workshop not yet chosen is offered.
        assert 'name="attend_day"' not in content
        assert "Hörslinga</textarea>" in content
        assert f'value="{other.pk}"' in content and f'value="{full.pk}"' not in content

    def test_closed_window_shows_no_form(self, client, series, attendee):
        edition = open_edition(series, registration_closes=timezone.now() - datetime.timedelta(hours=1))
        content = client.get(f"/motesplats/{edition.year}/anmalan/").content.decode()
        assert "Anmälan stängde" in content
        assert 'name="attend_day"' not in content


class TestRegistering:
    def test_the_day_with_needs(self, client, url, upcoming, attendee, org_a):
        response = client.post(url, {"attend_day": "on", "needs": "  Teckenspråkstolk  "})
        assert response.status_code == 302 and response["Location"] == url
        registration = Registration.objects.get(user=attendee)
        assert registration.session is None
        assert registration.status == Registration.Status.CONFIRMED
        assert registration.needs == "Teckenspråkstolk"
        assert registration.organisation == org_a  # the attendee's only organisation, without asking

        page = client.get(url)
        assert messages_of(page) == [
            f"Du är anmäld till {upcoming.title}.",
            "Vi skickar en bekräftelse till dig med e-post.",
        ]
        assert "private" in page["Cache-Control"]

    def test_the_day_when_it_is_full(self, client, series, attendee):
        edition = open_edition(series, capacity=1)
        rules.register_for_day(UserFactory(), edition)
        response = client.post(f"/motesplats/{edition.year}/anmalan/", {"attend_day": "on"}, follow=True)
        assert messages_of(response)[0] == "Du står på väntelistan för dagen, plats 1."

    def test_workshops_register_the_day_too(self, client, url, upcoming, attendee):
        first = create_workshop(upcoming, "AI-verkstad", 9, 10, capacity=5)
        full = create_workshop(upcoming, "Öppna data", 13, 14, capacity=1)
        rules.register_for_session(UserFactory(), full)

        response = client.post(url, {"sessions": [first.pk, full.pk], "needs": "Rullstolsplats"}, follow=True)

        assert messages_of(response) == [
            f"Du är anmäld till {upcoming.title}.",
            "Du är anmäld till ”AI-verkstad”.",
            "Du står på väntelistan till ”Öppna data”, plats 1.",
            "Vi skickar en bekräftelse till dig med e-post.",
        ]
        mine = Registration.objects.filter(user=attendee)
        assert mine.get(session=None).needs == "Rullstolsplats"
        assert mine.get(session=first).status == Registration.Status.CONFIRMED
        assert mine.get(session=full).status == Registration.Status.WAITLISTED

    def test_updating_the_needs(self, client, url, upcoming, attendee):
        rules.register_for_day(attendee, upcoming, needs="Hörslinga")
        response = client.post(url, {"needs": "Hörslinga och vegetarisk lunch"}, follow=True)
        assert messages_of(response) == [f"Din anmälan till {upcoming.title} är uppdaterad."]
        assert Registration.objects.get(user=attendee).needs == "Hörslinga och vegetarisk lunch"


class TestRefusedWithSwedishMessages:
    def assert_error_page(self, response, message):
        assert response.status_code == 400
        content = response.content.decode()
        assert message in content
        assert 'class="error-summary"' in content
        assert "<title>Fel:" in content
        assert "private" in response["Cache-Control"]
        return content

    def test_two_overlapping_workshops(self, client, url, upcoming, attendee):
        big, small = upcoming.tracks.all()
        first = create_workshop(upcoming, "AI-verkstad", 10, 11, track=big)
        second = create_workshop(upcoming, "Öppna data", 10, 12, track=small)
        response = client.post(url, {"attend_day": "on", "sessions": [first.pk, second.pk]})
        content = self.assert_error_page(response, "”AI-verkstad” och ”Öppna data” pågår samtidigt. Välj en av dem.")
        assert 'href="#id_sessions"' in content  # the summary links to the field
        assert 'id="id_sessions" tabindex="-1" aria-describedby="id_sessions_helptext id_sessions_error"' in content
        checkbox = f'value="{first.pk}" id="id_sessions_0" aria-describedby="id_sessions_0_places" aria-invalid="true"'
        assert f"{checkbox} checked" in content
        assert not Registration.objects.exists()

    def test_a_workshop_that_clashes_with_one_already_held_saves_nothing(self, client, url, upcoming, attendee):
        big, small = upcoming.tracks.all()
        held = create_workshop(upcoming, "AI-verkstad", 10, 11, track=big)
        earlier = create_workshop(upcoming, "Frukostseminarium", 8, 9, track=big)
        clashing = create_workshop(upcoming, "Öppna data", 10, 12, track=small)
        rules.register_for_session(attendee, held)
        before = set(Registration.objects.values_list("pk", "status"))

        response = client.post(url, {"sessions": [earlier.pk, clashing.pk]})

        self.assert_error_page(response, "Du är redan anmäld till ”AI-verkstad”, som pågår samtidigt.")
        assert set(Registration.objects.values_list("pk", "status")) == before  # "Frukostseminarium" rolled back

    def test_after_the_window_closed_even_when_posted_directly(self, client, series, attendee):
        edition = open_edition(series, registration_closes=timezone.now() - datetime.timedelta(minutes=5))
        workshop = create_workshop(edition, "AI-verkstad", 10, 11)
        closed = timezone.localtime(edition.registration_closes)
        response = client.post(f"/motesplats/{edition.year}/anmalan/", {"attend_day": "on", "sessions": [workshop.pk]})
        self.assert_error_page(response, f"Anmälan stängde {closed.day} ")
        assert "Anmälan kunde inte sparas" in response.content.decode()
        assert not Registration.objects.exists()

    def test_before_the_window_opens(self, client, series, attendee):
        edition = open_edition(series, registration_opens=timezone.now() + datetime.timedelta(days=1))
        response = client.post(f"/motesplats/{edition.year}/anmalan/", {"attend_day": "on"})
        self.assert_error_page(response, "Anmälan öppnar ")
        assert not Registration.objects.exists()

    def test_needs_over_500_characters(self, client, url, attendee):
        response = client.post(url, {"attend_day": "on", "needs": "x" * 501})
        content = self.assert_error_page(response, "Beskriv dina behov med högst 500 tecken (du skrev 501).")
        assert 'href="#id_needs"' in content
        assert 'aria-describedby="id_needs_helptext id_needs_error"' in content
        assert not Registration.objects.exists()

    def test_nothing_chosen(self, client, url, attendee):
        response = client.post(url, {"needs": "Hörslinga"})
        self.assert_error_page(response, "Kryssa i konferensdagen eller minst en workshop för att anmäla dig.")
        assert not Registration.objects.exists()

    @pytest.mark.parametrize("bad", ["unpublished", "no_registration", "other_edition", "garbage"])
    def test_a_session_that_is_not_offered(self, client, url, upcoming, series, attendee, bad):
        sessions = {
            "unpublished": lambda: create_workshop(upcoming, "Utkast", 10, 11, live=False).pk,
            "no_registration": lambda: create_session(upcoming, "Föreläsning", at(upcoming.date, 10)).pk,
            "other_edition": lambda: create_workshop(open_edition(series, days_ahead=400), "Nästa år", 10, 11).pk,
            "garbage": lambda: "'; DROP TABLE",
        }
        response = client.post(url, {"attend_day": "on", "sessions": [sessions[bad]()]})
        self.assert_error_page(response, "Välj bland workshopparna i listan.")
        assert not Registration.objects.exists()


class TestCancelling:
    def test_get_asks_first_and_lists_the_workshops_that_go_too(self, client, url, upcoming, attendee):
        rules.register_for_session(attendee, create_workshop(upcoming, "AI-verkstad", 10, 11))
        registration = Registration.objects.for_day().get(user=attendee)
        response = client.get(cancel_url(url, registration))
        assert response.status_code == 200
        content = response.content.decode()
        assert f"Avboka din anmälan till {upcoming.title}?" in content
        assert "Avbokar du dagen avbokas också din workshop:" in content and "AI-verkstad" in content
        assert "får du tillbaka bara via väntelistan" in content
        assert Registration.objects.active().filter(user=attendee).count() == 2  # nothing is cancelled yet

    def test_put_is_not_allowed(self, client, url, upcoming, attendee):
        registration = rules.register_for_day(attendee, upcoming)
        assert client.put(cancel_url(url, registration)).status_code == 405
        registration.refresh_from_db()
        assert registration.is_active

    def test_anonymous_asking_first_logs_in_and_comes_back_to_the_question(self, client, url, upcoming):
        registration = rules.register_for_day(UserFactory(), upcoming)
        response = client.get(cancel_url(url, registration))
        assert response.status_code == 302
        assert unquote(response["Location"]) == f"/konto/login/?next={cancel_url(url, registration)}"

    def test_anonymous_is_sent_to_log_in(self, client, url, upcoming):
        registration = rules.register_for_day(UserFactory(), upcoming)
        response = client.post(cancel_url(url, registration))
        assert response.status_code == 302 and response["Location"].startswith("/konto/login/?next=")
        registration.refresh_from_db()
        assert registration.is_active

    def test_cancel_a_workshop_place_promotes_the_first_waiting(self, client, url, upcoming, attendee):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=1)
        mine = rules.register_for_session(attendee, workshop)
        waiting = rules.register_for_session(UserFactory(), workshop)

        response = client.post(cancel_url(url, mine), follow=True)

        assert response.redirect_chain == [(url, 302)]
        assert messages_of(response) == ["Din plats på ”AI-verkstad” är avbokad."]
        mine.refresh_from_db()
        waiting.refresh_from_db()
        assert mine.status == Registration.Status.CANCELLED
        assert waiting.status == Registration.Status.CONFIRMED
        assert Registration.objects.for_day().get(user=attendee).is_active  # the day is kept

    def test_cancel_the_day_cancels_the_workshops(self, client, url, upcoming, attendee):
        rules.register_for_session(attendee, create_workshop(upcoming, "AI-verkstad", 10, 11))
        day = Registration.objects.for_day().get(user=attendee)
        response = client.post(cancel_url(url, day), follow=True)
        assert messages_of(response) == [f"Din anmälan till {upcoming.title} är avbokad, liksom dina workshoppar."]
        assert not Registration.objects.active().filter(user=attendee).exists()

    def test_twice_says_it_is_already_cancelled(self, client, url, upcoming, attendee):
        registration = rules.register_for_day(attendee, upcoming)
        client.post(cancel_url(url, registration), follow=True)
        response = client.post(cancel_url(url, registration), follow=True)
        assert messages_of(response) == ["Den anmälan var redan avbokad."]

    def test_after_the_day_is_refused(self, client, series, attendee):
        edition = create_edition(
            series,
            year=2022,
            date=datetime.date(2022, 10, 13),
            registration_opens=at(datetime.date(2022, 9, 1), 9),
            registration_closes=at(datetime.date(2022, 10, 12), 9),
        )
        registration = Registration.objects.create(edition=edition, user=attendee)
        response = client.post(cancel_url(f"/motesplats/{edition.year}/anmalan/", registration))
        assert response.status_code == 400
        assert "Konferensdagen har redan varit, så det finns inget att avboka." in response.content.decode()
        registration.refresh_from_db()
        assert registration.is_active


class TestPrivacy:
    """Nobody sees or cancels another person's registration, whatever address they type."""

    def test_another_users_registration_is_not_shown(self, client, url, upcoming, attendee):
        someone = UserFactory(first_name="Olle", last_name="Annansson")
        rules.register_for_day(someone, upcoming, needs="Hemlig uppgift")
        content = client.get(url).content.decode()
        assert "Hemlig uppgift" not in content
        assert "Du är inte anmäld till den här konferensdagen." in content

    def test_cancelling_another_users_registration_is_a_404(self, client, url, upcoming, attendee):
        theirs = rules.register_for_day(UserFactory(), upcoming)
        assert client.post(cancel_url(url, theirs)).status_code == 404
        theirs.refresh_from_db()
        assert theirs.is_active

    def test_own_registration_through_another_editions_address_is_a_404(self, client, series, upcoming, attendee):
        other = open_edition(series, days_ahead=400)
        mine = rules.register_for_day(attendee, upcoming)
        assert client.post(f"/motesplats/{other.year}/anmalan/avboka/{mine.pk}/").status_code == 404

    def test_unknown_id_is_a_404(self, client, url, attendee):
        assert client.post(f"{url}avboka/999999/").status_code == 404


def test_query_count_is_flat_in_the_number_of_workshops(client, series, attendee, django_assert_max_num_queries):
    counts = []
    for size, days_ahead in ((2, 30), (20, 400)):
        edition = open_edition(series, days_ahead=days_ahead)
        big, small = edition.tracks.all()
        for number in range(size):
            track = big if number % 2 else small
            create_workshop(edition, f"Workshop {number}", 8 + number // 2, 9 + number // 2, capacity=5, track=track)
        first, second = edition.sessions.order_by("start")[:2]
        rules.register_for_session(attendee, first)
        rules.register_for_session(UserFactory(), second)
        url = f"/motesplats/{edition.year}/anmalan/"
        client.get(url)  # warm per-process caches (site root, content types)
        # 23: besides the page, the attendee's permissions (2, Registration.objects.for_user) and organisations (1).
        with django_assert_max_num_queries(23), CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert response.content.decode().count('name="sessions"') == size - 1
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


class TestEditionPageBox:
    def test_open_window_links_to_the_registration_page(self, client, upcoming):
        response = client.get(f"/motesplats/{upcoming.year}/")
        content = response.content.decode()
        assert "Anmälan är öppen till" in content
        assert f'href="/motesplats/{upcoming.year}/anmalan/"' in content
        assert "Du är anmäld" not in content

    def test_not_yet_open(self, client, series):
        edition = open_edition(series, registration_opens=at(timezone.localdate() + datetime.timedelta(days=3), 9))
        content = client.get(f"/motesplats/{edition.year}/").content.decode()
        assert "Anmälan öppnar" in content
        assert "/anmalan/" not in content

    def test_closed_before_the_day_links_to_cancelling(self, client, series):
        edition = open_edition(series, registration_closes=timezone.now() - datetime.timedelta(hours=1))
        content = client.get(f"/motesplats/{edition.year}/").content.decode()
        assert "Anmälan stängde" in content
        assert "Se eller avboka din anmälan" in content

    def test_no_box_for_an_edition_without_registration_or_in_the_past(self, client, edition):
        content = client.get("/motesplats/2021/").content.decode()
        assert 'id="registration-heading"' not in content
