"""Attendees' e-mails, sent by Celery tasks after the transaction commits: confirmation with an .ics (parsed with
icalendar), waiting list, promotion, cancellation, the reminder the day before (once, idempotent, Europe/Stockholm
dates) and the notice when a chosen session moves — in Swedish, with absolute links."""

import datetime
import re

import icalendar
import pytest
from django.utils import timezone

from conferences.models import Registration
from conferences.registration import notifications, rules
from conferences.tasks import notify_session_change, send_registration_email, send_registration_reminders
from tests.conferences.factories import STOCKHOLM, at, create_edition
from tests.factories import UserFactory
from tests.helpers.registrations import create_workshop, open_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def upcoming(series):
    return open_edition(series, venue="Stadshuset, Göteborg", stream_url="https://stream.exempel.test/motesplats")


@pytest.fixture
def attendee():
    return UserFactory(first_name="Maja", last_name="Lind", email="maja.lind@exempel.test")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what registration queues on commit (the Celery tasks, eager in tests)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def new_york():
    """Another time zone active, as in an admin request of an organiser who chose New York in Wagtail."""
    timezone.activate("America/New_York")
    yield
    timezone.deactivate()


def daytime(hour=12):
    """Today at `hour` Swedish time: a moment when reminders go out (the tests must not depend on when they run)."""
    return at(timezone.localdate(), hour)


def calendar_of(message):
    (attachment,) = [item for item in message.attachments if item[2].startswith("text/calendar")]
    assert attachment[2] == "text/calendar; method=PUBLISH"
    return attachment[0], icalendar.Calendar.from_ical(attachment[1])


def the_event(calendar):
    (event,) = calendar.walk("VEVENT")
    return event


def assert_links_are_absolute(message):
    html = message.alternatives[0][0]
    assert message.alternatives[0][1] == "text/html"
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs and all(href.startswith(("http://", "https://")) for href in hrefs), hrefs
    assert "/motesplats/" in message.body and " /motesplats/" not in message.body


class TestConfirmation:
    def test_the_day(self, upcoming, attendee, commit, mailoutbox):
        create_workshop(upcoming, "AI-verkstad", 9, 10)
        create_workshop(upcoming, "Öppna data", 15, 16, track=upcoming.tracks.first())
        with commit():
            rules.register_for_day(attendee, upcoming, needs="Hörslinga")

        (message,) = mailoutbox
        assert message.to == ["maja.lind@exempel.test"]
        assert message.subject == f"Du är anmäld: {upcoming.title}"
        day = f"{upcoming.date.day} "
        assert message.body.startswith("Hej Maja Lind!\n")
        assert f"Du är anmäld till {upcoming.title} den {day}" in message.body
        assert "Dina behov: Hörslinga" in message.body
        assert f"http://testserver/motesplats/{upcoming.year}/anmalan/" in message.body
        assert_links_are_absolute(message)

        filename, calendar = calendar_of(message)
        assert filename == f"motesplats-{upcoming.year}.ics"
        assert calendar["METHOD"] == "PUBLISH"
        assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Stockholm"
        event = the_event(calendar)
        assert str(event["UID"]) == f"motesplats-{upcoming.year}@testserver"
        # From the first published session to the last, in Swedish time.
        assert event.decoded("DTSTART") == at(upcoming.date, 9)
        assert event.decoded("DTEND") == at(upcoming.date, 16)
        assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
        assert str(event["LOCATION"]) == "Stadshuset, Göteborg"
        assert str(event["URL"]) == f"http://testserver/motesplats/{upcoming.year}/"

    def test_the_day_without_a_programme_is_an_all_day_event(self, upcoming, attendee):
        registration = rules.register_for_day(attendee, upcoming)
        _, calendar = calendar_of(notifications.build_message(registration, "confirmed"))
        event = the_event(calendar)
        assert event.decoded("DTSTART") == upcoming.date
        assert event.decoded("DTEND") == upcoming.date + datetime.timedelta(days=1)

    def test_a_workshop_has_the_same_uid_as_in_the_programme(self, client, upcoming, attendee, commit, mailoutbox):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=10, code="ai-verkstad")
        with commit():
            rules.register_for_session(attendee, workshop)

        subjects = sorted(message.subject for message in mailoutbox)
        assert subjects == ["Du är anmäld: AI-verkstad", f"Du är anmäld: {upcoming.title}"]
        message = next(message for message in mailoutbox if message.subject == "Du är anmäld: AI-verkstad")
        assert f"Du har en plats på ”AI-verkstad”, {upcoming.date.day} " in message.body
        assert "kl. 10:00–11:00" in message.body
        assert f"http://testserver/motesplats/{upcoming.year}/program/ai-verkstad/" in message.body

        filename, calendar = calendar_of(message)
        assert filename == "ai-verkstad.ics"
        event = the_event(calendar)
        assert event.decoded("DTSTART") == at(upcoming.date, 10)
        assert event.decoded("DTEND") == at(upcoming.date, 11)
        assert event.decoded("DTSTART").utcoffset() == at(upcoming.date, 10).utcoffset()
        programme_ics = client.get(f"/motesplats/{upcoming.year}/program/ai-verkstad.ics").content
        assert event["UID"] == the_event(icalendar.Calendar.from_ical(programme_ics))["UID"]

    def test_a_winter_and_a_summer_workshop_keep_their_swedish_times(self, series, attendee):
        for date, offset in ((datetime.date(2030, 1, 15), 1), (datetime.date(2031, 6, 10), 2)):
            edition = create_edition(series, year=date.year, date=date)
            workshop = create_workshop(edition, f"Workshop {date.year}", 10, 11)
            registration = Registration.objects.create(edition=edition, session=workshop, user=attendee)
            event = the_event(calendar_of(notifications.build_message(registration, "confirmed"))[1])
            assert event.decoded("DTSTART") == datetime.datetime.combine(date, datetime.time(10), tzinfo=STOCKHOLM)
            assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=offset)

    def test_times_are_swedish_whatever_zone_is_active(self, upcoming, attendee, commit, mailoutbox, new_york):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=10)
        with commit():
            rules.register_for_session(attendee, workshop)

        message = next(message for message in mailoutbox if message.subject == "Du är anmäld: AI-verkstad")
        # 10:00 in Stockholm is 04:00 in New York.
        assert "kl. 10:00–11:00" in message.body and "04:00" not in message.body
        assert "kl. 10:00–11:00" in message.alternatives[0][0]
        assert the_event(calendar_of(message)[1]).decoded("DTSTART") == at(upcoming.date, 10)

    def test_not_sent_when_cancelled_before_the_worker_ran(self, upcoming, attendee, mailoutbox):
        registration = rules.register_for_day(attendee, upcoming)
        rules.cancel(registration)
        result = send_registration_email.apply(kwargs={"registration_id": registration.pk, "kind": "confirmed"})
        assert result.result is False
        assert mailoutbox == []

    def test_no_waiting_list_notice_once_promoted(self, upcoming, attendee, mailoutbox):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=1)
        holder = rules.register_for_session(UserFactory(), workshop)
        waiting = rules.register_for_session(attendee, workshop)
        rules.cancel(holder)
        result = send_registration_email.apply(kwargs={"registration_id": waiting.pk, "kind": "waitlisted"})
        assert result.result is False
        assert mailoutbox == []

    def test_a_deleted_registration_is_skipped(self, mailoutbox):
        assert send_registration_email.apply(kwargs={"registration_id": 987654, "kind": "confirmed"}).result is False
        assert mailoutbox == []


class TestWaitingListAndPromotion:
    def test_waiting_list_then_promotion_then_cancellation_receipt(self, upcoming, attendee, commit, mailoutbox):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=1)
        holder = UserFactory(email="forst@exempel.test")
        rules.register_for_session(holder, workshop)
        with commit():
            rules.register_for_session(attendee, workshop)
        waiting = next(message for message in mailoutbox if message.subject == "Du står på väntelistan: AI-verkstad")
        assert "är fullbokad, så du står på väntelistan, på plats 1." in waiting.body
        assert not waiting.attachments  # no place, no calendar event
        mailoutbox.clear()

        with commit():
            rules.cancel(Registration.objects.get(user=holder, session=workshop))

        by_subject = {message.subject: message for message in mailoutbox}
        assert set(by_subject) == {"Din anmälan är avbokad: AI-verkstad", "Du har fått en plats: AI-verkstad"}
        receipt = by_subject["Din anmälan är avbokad: AI-verkstad"]
        assert receipt.to == ["forst@exempel.test"]
        assert "Din anmälan till ”AI-verkstad”" in receipt.body and "är avbokad." in receipt.body
        promoted = by_subject["Du har fått en plats: AI-verkstad"]
        assert promoted.to == ["maja.lind@exempel.test"]
        assert "En plats har blivit ledig på ”AI-verkstad”" in promoted.body
        assert the_event(calendar_of(promoted)[1]).decoded("DTSTART") == at(upcoming.date, 10)

    def test_more_places_published_email_those_who_get_them(self, upcoming, attendee, commit, mailoutbox):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=1)
        rules.register_for_session(UserFactory(email="forst@exempel.test"), workshop)
        rules.register_for_session(attendee, workshop)
        rules.register_for_session(UserFactory(email="tredje@exempel.test"), workshop)
        mailoutbox.clear()

        with commit():
            workshop.capacity = 2
            workshop.save_revision().publish()

        (promoted,) = mailoutbox
        assert promoted.to == ["maja.lind@exempel.test"]
        assert promoted.subject == "Du har fått en plats: AI-verkstad"
        assert the_event(calendar_of(promoted)[1]).decoded("DTSTART") == at(upcoming.date, 10)


class TestReminders:
    @pytest.fixture
    def tomorrow_edition(self, series):
        return open_edition(series, days_ahead=1, venue="Stadshuset, Göteborg")

    def test_sent_once_to_confirmed_attendees_of_tomorrow(self, series, tomorrow_edition, attendee, mailoutbox):
        workshop = create_workshop(tomorrow_edition, "AI-verkstad", 10, 11, capacity=1)
        rules.register_for_session(attendee, workshop)
        waiting = rules.register_for_day(UserFactory(), tomorrow_edition)
        cancelled = rules.register_for_day(UserFactory(), tomorrow_edition)
        rules.cancel(cancelled)
        later = rules.register_for_day(UserFactory(), open_edition(series, days_ahead=400))
        Registration.objects.filter(pk=waiting.pk).update(status=Registration.Status.WAITLISTED)

        assert notifications.send_due_reminders(now=daytime()) == 1

        (message,) = mailoutbox
        assert message.to == ["maja.lind@exempel.test"]
        assert message.subject == f"I morgon: {tomorrow_edition.title}"
        assert f"I morgon, {tomorrow_edition.date.day} " in message.body
        assert "Plats: Stadshuset, Göteborg" in message.body
        assert "Dina workshoppar:\n- AI-verkstad, " in message.body
        assert the_event(calendar_of(message)[1])["UID"] == f"motesplats-{tomorrow_edition.year}@testserver"
        day = Registration.objects.for_day().get(user=attendee)
        assert day.reminder_sent_at is not None
        for other in (waiting, cancelled, later):
            other.refresh_from_db()
            assert other.reminder_sent_at is None

        # Every hour after that: nothing more.
        assert notifications.send_due_reminders(now=daytime(13)) == 0
        assert len(mailoutbox) == 1

    def test_every_stream_link_is_in_the_reminder_and_its_calendar_event(self, tomorrow_edition, attendee, mailoutbox):
        tomorrow_edition.stream_url = "https://play.example.se/motesplats"
        tomorrow_edition.stream_links.create(label="Med teckenspråkstolk", url="https://play.example.se/tolkat")
        tomorrow_edition.save()
        rules.register_for_day(attendee, tomorrow_edition)

        assert notifications.send_due_reminders(now=daytime()) == 1

        (message,) = mailoutbox
        assert "https://play.example.se/motesplats" in message.body
        assert "Med teckenspråkstolk: https://play.example.se/tolkat" in message.body
        assert "Med teckenspråkstolk: https://play.example.se/tolkat" in str(
            the_event(calendar_of(message)[1])["DESCRIPTION"]
        )

    def test_the_hourly_task_sends_them(self, tomorrow_edition, attendee, monkeypatch, mailoutbox):
        rules.register_for_day(attendee, tomorrow_edition)
        ten_o_clock = daytime(10)
        monkeypatch.setattr(timezone, "now", lambda: ten_o_clock)  # the task reads the clock itself
        assert send_registration_reminders.apply().result == 1
        assert send_registration_reminders.apply().result == 0
        assert [message.to for message in mailoutbox] == [["maja.lind@exempel.test"]]

    def test_an_unpublished_edition_reminds_nobody(self, tomorrow_edition, attendee, mailoutbox):
        registration = rules.register_for_day(attendee, tomorrow_edition)
        tomorrow_edition.unpublish()
        assert notifications.send_due_reminders(now=daytime()) == 0
        registration.refresh_from_db()
        assert registration.reminder_sent_at is None
        assert mailoutbox == []

    @pytest.mark.parametrize(
        ("date", "utc_times", "sent_at"),
        [
            # Winter (UTC+1): two days before, then the night and 07:30 Swedish time (06:30 UTC) are too early;
            # 07:30 UTC is 08:30 Swedish time.
            (datetime.date(2027, 3, 10), ["3-8 12:00", "3-9 00:30", "3-9 06:30", "3-9 07:30"], "3-9 07:30"),
            # Summer (UTC+2): 06:30 UTC is already 08:30.
            (datetime.date(2027, 6, 10), ["6-9 05:30", "6-9 06:30"], "6-9 06:30"),
            # 19:30 UTC in winter is 20:30 in Stockholm: the evening is over, and on the day itself it is too late.
            (datetime.date(2027, 3, 10), ["3-9 19:30", "3-9 23:30", "3-10 08:30"], None),
        ],
    )
    def test_sent_from_8_to_20_swedish_time_the_day_before(
        self, series, attendee, mailoutbox, date, utc_times, sent_at
    ):
        edition = create_edition(series, year=date.year, date=date)
        registration = Registration.objects.create(edition=edition, user=attendee)

        def utc(text):
            return datetime.datetime.strptime(f"2027-{text}", "%Y-%m-%d %H:%M").replace(tzinfo=datetime.UTC)

        sent = [notifications.send_due_reminders(now=utc(text)) for text in utc_times]

        assert sent == [0] * (len(utc_times) - 1) + [1 if sent_at else 0]
        assert len(mailoutbox) == (1 if sent_at else 0)
        registration.refresh_from_db()
        assert registration.reminder_sent_at == (utc(sent_at) if sent_at else None)

    def test_a_failed_send_is_retried_at_the_next_run(self, tomorrow_edition, attendee, monkeypatch, mailoutbox):
        registration = rules.register_for_day(attendee, tomorrow_edition)
        other = rules.register_for_day(UserFactory(), tomorrow_edition)
        real_send = notifications.EmailMultiAlternatives.send

        def refuse_maja(message, *args, **kwargs):
            if message.to == ["maja.lind@exempel.test"]:
                raise ConnectionRefusedError("SMTP down")
            return real_send(message, *args, **kwargs)

        monkeypatch.setattr(notifications.EmailMultiAlternatives, "send", refuse_maja)
        assert notifications.send_due_reminders(now=daytime(9)) == 1
        registration.refresh_from_db()
        other.refresh_from_db()
        assert registration.reminder_sent_at is None and other.reminder_sent_at is not None

        monkeypatch.setattr(notifications.EmailMultiAlternatives, "send", real_send)
        assert notifications.send_due_reminders(now=daytime(10)) == 1
        assert [message.to for message in mailoutbox] == [[other.user.email], ["maja.lind@exempel.test"]]

    def test_the_beat_schedule_names_the_task(self, settings):
        from arena.celery import app

        entry = settings.CELERY_BEAT_SCHEDULE["send-registration-reminders"]
        assert entry["task"] == send_registration_reminders.name
        assert entry["task"] in app.tasks


class TestSessionChangeNotice:
    def test_attendees_of_a_moved_session_are_told_the_old_and_new_time(self, series, attendee, commit, mailoutbox):
        edition = create_edition(
            series,
            year=2027,
            date=datetime.date(2027, 10, 14),
            registration_opens=timezone.now() - datetime.timedelta(days=1),
        )
        workshop = create_workshop(edition, "AI-verkstad", 10, 11, capacity=1, code="ai-verkstad")
        waiting_user, cancelled_user = UserFactory(email="vantar@exempel.test"), UserFactory()
        rules.register_for_session(attendee, workshop)
        rules.register_for_session(waiting_user, workshop)
        rules.cancel(rules.register_for_session(cancelled_user, workshop))

        with commit():
            workshop.start, workshop.end = at(edition.date, 13), at(edition.date, 14)
            workshop.save_revision().publish()

        assert sorted(message.to[0] for message in mailoutbox) == ["maja.lind@exempel.test", "vantar@exempel.test"]
        for message in mailoutbox:
            assert message.subject == "Ny tid: AI-verkstad"
            assert "”AI-verkstad”, som du är anmäld till, har fått en ny tid." in message.body
            assert "Tidigare: 14 oktober 2027 kl. 10:00–11:00" in message.body
            assert "Ny tid: 14 oktober 2027 kl. 13:00–14:00" in message.body
            assert_links_are_absolute(message)
        confirmed = next(message for message in mailoutbox if message.to == ["maja.lind@exempel.test"])
        assert "Din plats finns kvar." in confirmed.body
        event = the_event(calendar_of(confirmed)[1])
        assert event.decoded("DTSTART") == at(edition.date, 13)
        assert event["SEQUENCE"] == 1
        waiting = next(message for message in mailoutbox if message.to == ["vantar@exempel.test"])
        assert "Du står kvar på väntelistan, på plats 1." in waiting.body
        assert not waiting.attachments

    def test_a_draft_change_tells_nobody(self, upcoming, attendee, commit, mailoutbox):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11)
        rules.register_for_session(attendee, workshop)
        with commit():
            workshop.start, workshop.end = at(upcoming.date, 13), at(upcoming.date, 14)
            workshop.save_revision()
        assert mailoutbox == []

    def test_a_past_edition_tells_nobody(self, edition, attendee, mailoutbox):
        workshop = create_workshop(edition, "AI-verkstad", 10, 11)
        Registration.objects.create(edition=edition, session=workshop, user=attendee)
        change = workshop.changes.create(
            old_start=at(edition.date, 9), old_end=at(edition.date, 10), new_start=workshop.start, new_end=workshop.end
        )
        assert notify_session_change.apply(kwargs={"change_id": change.pk}).result == 0
        assert mailoutbox == []


def test_every_kind_renders_in_swedish_without_template_gaps(upcoming, attendee):
    workshop = create_workshop(upcoming, "AI-verkstad", 10, 11)
    registration = rules.register_for_session(attendee, workshop)
    change = workshop.changes.create(
        old_start=at(upcoming.date, 9), old_end=at(upcoming.date, 10), new_start=workshop.start, new_end=workshop.end
    )
    for kind in notifications.KINDS:
        message = notifications.build_message(registration, kind, change=change if kind == "changed" else None)
        text = message.body + message.alternatives[0][0]
        assert "Hej Maja Lind!" in text
        assert "Tiderna anges i svensk tid (Europe/Stockholm)." in text
        assert not re.search(r"\b(You|Your|the day|Hello)\b", text), (kind, text)
        assert "{{" not in text and "&amp;" not in message.body
