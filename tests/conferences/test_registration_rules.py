"""Registration rules as attendees meet them: the window in Swedish words, places and waiting lists, promotion on
cancellation, cancelling the day with its workshops, overlapping workshops and a closed window."""

import datetime

import pytest
from django.utils import timezone

from conferences.models import Registration
from conferences.registration import rules
from conferences.registration.pages import window_summary
from tests.conferences.factories import at
from tests.factories import UserFactory
from tests.helpers.registrations import create_workshop, open_edition

pytestmark = pytest.mark.django_db

STOCKHOLM_NOON_OCT_1 = datetime.datetime(2027, 10, 1, 12, 0, tzinfo=datetime.UTC)  # 14:00 in Stockholm (summer time)


@pytest.fixture
def upcoming(series):
    return open_edition(series)


class TestWindowInWords:
    @pytest.fixture
    def edition_2027(self, series):
        from tests.conferences.factories import create_edition

        return create_edition(
            series,
            year=2027,
            date=datetime.date(2027, 10, 14),
            registration_opens=at(datetime.date(2027, 9, 1), 9),
            registration_closes=at(datetime.date(2027, 10, 10), 12),
        )

    def test_open_says_until_when(self, edition_2027):
        summary = window_summary(edition_2027, now=STOCKHOLM_NOON_OCT_1)
        assert summary["state"] == rules.OPEN and summary["is_open"]
        assert summary["text"] == "Anmälan är öppen till 10 oktober 2027 kl. 12:00."

    def test_not_yet_says_when_it_opens(self, edition_2027):
        summary = window_summary(edition_2027, now=at(datetime.date(2027, 8, 31), 23))
        assert summary["state"] == rules.NOT_YET and not summary["is_open"]
        assert summary["text"] == "Anmälan öppnar 1 september 2027 kl. 09:00."

    def test_closed_says_when_it_closed(self, edition_2027):
        summary = window_summary(edition_2027, now=at(datetime.date(2027, 10, 10), 12))
        assert summary["state"] == rules.CLOSED
        assert summary["text"] == "Anmälan stängde 10 oktober 2027 kl. 12:00."
        assert not summary["day_passed"]

    def test_after_the_day(self, edition_2027):
        summary = window_summary(edition_2027, now=at(datetime.date(2027, 10, 15), 9))
        assert summary["state"] == rules.CLOSED and summary["day_passed"]

    def test_open_without_closing_time(self, series):
        edition = open_edition(series, registration_closes=None)
        assert window_summary(edition)["text"] == "Anmälan är öppen."

    def test_no_window_means_no_registration(self, edition):
        summary = window_summary(edition)
        assert summary["state"] == rules.NOT_OFFERED
        assert summary["text"] == "Den här konferensdagen har ingen anmälan."


class TestPlacesAndWaitingList:
    def test_a_full_workshop_puts_the_next_on_the_waiting_list_in_order(self, upcoming):
        workshop = create_workshop(upcoming, "Tjänstedesign i praktiken", 10, 11, capacity=2)
        users = [UserFactory() for _ in range(4)]
        registrations = [rules.register_for_session(user, workshop) for user in users]
        assert [registration.status for registration in registrations] == [
            "confirmed",
            "confirmed",
            "waitlisted",
            "waitlisted",
        ]
        assert [rules.waiting_list_position(registration) for registration in registrations] == [None, None, 1, 2]
        # Each also holds a (confirmed, unlimited) place for the day.
        assert Registration.objects.for_day().confirmed().filter(edition=upcoming).count() == 4

    def test_cancelling_a_place_promotes_the_first_waiting(self, upcoming):
        workshop = create_workshop(upcoming, "Tjänstedesign i praktiken", 10, 11, capacity=1)
        first, second, third = (UserFactory() for _ in range(3))
        holder = rules.register_for_session(first, workshop)
        waiting_first = rules.register_for_session(second, workshop)
        waiting_second = rules.register_for_session(third, workshop)
        promoted = rules.cancel(holder)
        assert promoted == [waiting_first]
        waiting_first.refresh_from_db()
        waiting_second.refresh_from_db()
        assert waiting_first.status == Registration.Status.CONFIRMED
        assert rules.waiting_list_position(waiting_second) == 1

    def test_cancelling_a_waiting_place_promotes_nobody(self, upcoming):
        workshop = create_workshop(upcoming, "Tjänstedesign i praktiken", 10, 11, capacity=1)
        rules.register_for_session(UserFactory(), workshop)
        waiting = rules.register_for_session(UserFactory(), workshop)
        assert rules.cancel(waiting) == []
        assert Registration.objects.filter(session=workshop).confirmed().count() == 1

    def test_the_day_has_places_too(self, series):
        edition = open_edition(series, capacity=1)
        assert rules.register_for_day(UserFactory(), edition).status == Registration.Status.CONFIRMED
        assert rules.register_for_day(UserFactory(), edition).status == Registration.Status.WAITLISTED

    def test_places_left(self):
        assert rules.places_left(None, 5) is None
        assert rules.places_left(10, 3) == 7
        assert rules.places_left(2, 3) == 0


class TestCancelling:
    def test_cancelling_the_day_cancels_the_workshops_and_promotes_their_waiting_lists(self, upcoming):
        morning = create_workshop(upcoming, "AI-verkstad", 9, 10, capacity=1)
        afternoon = create_workshop(upcoming, "Öppna data", 13, 14)
        attendee, next_in_line = UserFactory(), UserFactory()
        rules.register_for_session(attendee, morning)
        rules.register_for_session(attendee, afternoon)
        waiting = rules.register_for_session(next_in_line, morning)
        day = Registration.objects.for_day().get(user=attendee, edition=upcoming)

        promoted = rules.cancel(day)

        assert promoted == [waiting]
        assert not Registration.objects.active().filter(user=attendee).exists()
        assert Registration.objects.filter(user=attendee).count() == 3


class TestRefusals:
    def test_overlapping_workshops_are_refused_in_swedish(self, upcoming, tracks_for):
        big, small = tracks_for(upcoming)
        first = create_workshop(upcoming, "AI-verkstad", 10, 11, track=big)
        clashing = create_workshop(upcoming, "Öppna data", 10, 12, track=small)
        attendee = UserFactory()
        rules.register_for_session(attendee, first)
        with pytest.raises(rules.RegistrationError) as refusal:
            rules.register_for_session(attendee, clashing)
        assert str(refusal.value) == "Du är redan anmäld till ”AI-verkstad”, som pågår samtidigt."
        assert not Registration.objects.filter(session=clashing).exists()

    def test_a_closed_window_refuses_and_saves_nothing(self, series):
        edition = open_edition(series, registration_closes=timezone.now() - datetime.timedelta(minutes=1))
        workshop = create_workshop(edition, "AI-verkstad", 10, 11)
        with pytest.raises(rules.RegistrationError, match="^Anmälan stängde "):
            rules.register_for_session(UserFactory(), workshop)
        with pytest.raises(rules.RegistrationError, match="^Anmälan stängde "):
            rules.register_for_day(UserFactory(), edition)
        assert not Registration.objects.exists()

    def test_registering_for_a_workshop_keeps_the_needs_given_for_the_day(self, upcoming):
        attendee = UserFactory()
        rules.register_for_day(attendee, upcoming, needs="Hörslinga")
        rules.register_for_session(attendee, create_workshop(upcoming, "AI-verkstad", 10, 11))
        assert Registration.objects.for_day().get(user=attendee).needs == "Hörslinga"


class TestWorkshopsNeedAPlaceForTheDay:
    @pytest.fixture
    def full_day(self, series):
        edition = open_edition(series, capacity=1)
        rules.register_for_day(UserFactory(), edition)
        return edition

    def test_on_the_days_waiting_list_a_workshop_is_refused_in_swedish(self, full_day):
        workshop = create_workshop(full_day, "AI-verkstad", 10, 11, capacity=5)
        attendee = UserFactory()
        day = rules.register_for_day(attendee, full_day)
        assert day.status == Registration.Status.WAITLISTED

        with pytest.raises(rules.DayWaitlistedError) as refusal:
            rules.register_for_session(attendee, workshop)

        assert str(refusal.value) == (
            "Du står på väntelistan för konferensdagen. Du kan anmäla dig till workshoppar när du har fått en plats."
        )
        assert not Registration.objects.filter(session=workshop).exists()
        day.refresh_from_db()
        assert day.status == Registration.Status.WAITLISTED and rules.waiting_list_position(day) == 1

    def test_a_workshop_sign_up_that_lands_on_the_days_waiting_list_keeps_only_the_place_in_line(self, full_day):
        workshop = create_workshop(full_day, "AI-verkstad", 10, 11)
        attendee = UserFactory()
        with pytest.raises(rules.DayWaitlistedError):
            rules.register_for_session(attendee, workshop)
        assert list(Registration.objects.filter(user=attendee).values_list("session", "status")) == [
            (None, Registration.Status.WAITLISTED)
        ]

    def test_once_the_day_place_is_theirs_workshops_are_open(self, full_day):
        workshop = create_workshop(full_day, "AI-verkstad", 10, 11, capacity=5)
        attendee = UserFactory()
        day = rules.register_for_day(attendee, full_day)
        rules.cancel(Registration.objects.for_day().exclude(user=attendee).get())
        day.refresh_from_db()
        assert day.status == Registration.Status.CONFIRMED
        assert rules.register_for_session(attendee, workshop).status == Registration.Status.CONFIRMED


def sign_up_for_day(edition, count):
    return [rules.register_for_day(UserFactory(), edition) for _ in range(count)]


def sign_up_for_workshop(workshop, count):
    return [rules.register_for_session(UserFactory(), workshop) for _ in range(count)]


def statuses(registrations):
    return [Registration.objects.get(pk=registration.pk).status for registration in registrations]


class TestMorePlaces:
    """Raising a published capacity, or removing the limit, gives the new places to the waiting list at once."""

    def test_one_more_place_in_a_workshop_goes_to_the_first_in_line(self, upcoming, django_capture_on_commit_callbacks):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=1)
        holder, first, second = sign_up_for_workshop(workshop, 3)

        with django_capture_on_commit_callbacks() as callbacks:
            workshop.capacity = 2
            workshop.save_revision().publish()

        assert statuses([holder, first, second]) == ["confirmed", "confirmed", "waitlisted"]
        assert rules.waiting_list_position(Registration.objects.get(pk=second.pk)) == 1
        assert len(callbacks) == 1  # the "promoted" e-mail to the first in line, queued on commit
        assert rules.fill_free_places(session=workshop) == []

    def test_no_limit_any_more_gives_everyone_a_place(self, upcoming):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=1)
        registrations = sign_up_for_workshop(workshop, 4)
        workshop.capacity = None
        workshop.save_revision().publish()
        assert statuses(registrations) == ["confirmed"] * 4

    def test_more_places_for_the_day(self, series):
        edition = open_edition(series, capacity=1)
        registrations = sign_up_for_day(edition, 4)
        edition.capacity = 3
        edition.save_revision().publish()
        assert statuses(registrations) == ["confirmed", "confirmed", "confirmed", "waitlisted"]

    def test_no_limit_for_the_day_gives_everyone_a_place(self, series):
        edition = open_edition(series, capacity=1)
        registrations = sign_up_for_day(edition, 3)
        edition.capacity = None
        edition.save_revision().publish()
        assert statuses(registrations) == ["confirmed"] * 3

    def test_fill_free_places_gives_them_in_queue_order(self, series):
        edition = open_edition(series, capacity=1)
        registrations = sign_up_for_day(edition, 4)
        type(edition).objects.filter(pk=edition.pk).update(capacity=3)
        assert rules.fill_free_places(edition=edition) == registrations[1:3]

    def test_a_draft_with_more_places_promotes_nobody(self, series, upcoming):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=1)
        edition = open_edition(series, days_ahead=400, capacity=1)
        registrations = sign_up_for_workshop(workshop, 2) + sign_up_for_day(edition, 2)
        workshop.capacity = edition.capacity = 5
        workshop.save_revision()
        edition.save_revision()
        assert statuses(registrations) == ["confirmed", "waitlisted"] * 2

    def test_fewer_places_take_no_place_away(self, upcoming):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=3)
        registrations = sign_up_for_workshop(workshop, 4)
        workshop.capacity = 1
        workshop.save_revision().publish()
        assert statuses(registrations) == ["confirmed", "confirmed", "confirmed", "waitlisted"]


def test_own_registrations_never_include_another_users(upcoming):
    mine, theirs = UserFactory(), UserFactory()
    rules.register_for_day(mine, upcoming)
    rules.register_for_day(theirs, upcoming)
    assert {registration.user for registration in upcoming.registrations.own(mine)} == {mine}


@pytest.fixture
def tracks_for():
    return lambda edition: list(edition.tracks.all())
