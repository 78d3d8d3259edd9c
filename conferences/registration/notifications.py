"""E-mails to attendees: confirmation, waiting list, promotion, cancellation, the reminder the day before and the
notice when a session they chose moves in time. Swedish plain text with a simple HTML alternative; where the
attendee holds a place, an iCalendar file (METHOD:PUBLISH) with the day or the workshop is attached.

The calendar events come from conferences.programme.exporters, so a workshop in an e-mail has the same UID as in the
programme's .ics and a calendar updates the event instead of adding a second one."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Max, Min, Sum
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from icalendar import Event

from arena.site_url import absolute_url, domain
from conferences.models import Registration, Session
from conferences.programme.exporters import _ics_time, calendar_for
from conferences.programme.times import site_zone
from conferences.registration import rules

KINDS = ("confirmed", "waitlisted", "promoted", "cancelled", "reminder", "changed")
# The e-mails that give the attendee a place, so they carry the calendar event.
WITH_CALENDAR = {"confirmed", "promoted", "reminder", "changed"}
# Reminders go out during the day before, Swedish time, from this hour until (not including) the last: an hourly run
# in the night waits for the morning instead of waking people up.
REMINDER_HOURS = (8, 20)

logger = logging.getLogger(__name__)


def edition_url(edition):
    return absolute_url(edition.get_url())


def route_url(edition, name, **kwargs):
    """The public address of one of the edition page's routes, e.g. its programme."""
    return absolute_url(edition.route_url(name, **kwargs))


def format_time_range(start, end):
    start, end = timezone.localtime(start), timezone.localtime(end)
    return _("%(date)s at %(start)s–%(end)s") % {
        "date": date_format(start, "j F Y"),
        "start": date_format(start, "H:i"),
        "end": date_format(end, "H:i"),
    }


# --- Calendar files -------------------------------------------------------------------------------------------


def day_uid(edition):
    # Stable for the edition; workshops use exporters.session_uid ("motesplats-<year>-<code>@host"), so no clash.
    return f"motesplats-{edition.year}@{domain()}"


def day_event(edition, stamp):
    """The conference day as one event: from the first published session to the last, or all day without any.

    Its times follow the sessions, so its SEQUENCE is the sum of theirs: it rises whenever one of them moves."""
    bounds = (
        Session.objects.published()
        .filter(edition=edition)
        .aggregate(first=Min("start"), last=Max("end"), sequence=Sum("sequence"), modified=Max("updated_at"))
    )
    event = Event()
    event.add("uid", day_uid(edition))
    event.add("sequence", bounds["sequence"] or 0)
    event.add("dtstamp", stamp)
    if edition.first_published_at:
        event.add("created", edition.first_published_at)
    modified = [moment for moment in (edition.last_published_at, bounds["modified"]) if moment]
    if modified:
        event.add("last-modified", max(modified))
    event.add("summary", edition.title)
    if bounds["first"] and bounds["last"]:
        event.add("dtstart", _ics_time(bounds["first"]))
        event.add("dtend", _ics_time(bounds["last"]))
    else:
        event.add("dtstart", edition.date)
        event.add("dtend", edition.date + datetime.timedelta(days=1))
    if edition.venue or edition.stream_url:
        event.add("location", edition.venue or edition.stream_url)
    event.add("url", edition_url(edition))
    description = [edition.theme] if edition.theme else []
    if edition.stream_url:
        description.append(_("Stream: %(url)s") % {"url": edition.stream_url})
    description += [f"{link.label}: {link.url}" for link in edition.stream_links.all()]
    if description:
        event.add("description", "\n".join(description))
    return event


def registration_calendar(registration):
    """A calendar (METHOD:PUBLISH, Europe/Stockholm) with the workshop, or the day for a day registration."""
    edition = registration.edition
    # METHOD:PUBLISH: DTSTAMP is when this message is written (RFC 5545 §3.8.7.2); the SEQUENCE is the download's.
    stamp = timezone.now()
    if registration.session_id:
        session = registration.session
        session.edition = edition
        calendar = calendar_for([session], session.title, stamp=stamp)
    else:
        calendar = calendar_for([], edition.title, stamp=stamp)
        calendar.add_component(day_event(edition, stamp))
    calendar.add("method", "PUBLISH")
    return calendar


def calendar_filename(registration):
    if registration.session_id:
        return f"{registration.session.code}.ics"
    return f"motesplats-{registration.edition.year}.ics"


# --- Messages -------------------------------------------------------------------------------------------------


def _subject(registration, kind):
    target = registration.session.title if registration.session_id else registration.edition.title
    subjects = {
        "confirmed": _("You are registered: %(title)s"),
        "waitlisted": _("You are on the waiting list: %(title)s"),
        "promoted": _("You got a place: %(title)s"),
        "cancelled": _("Your registration is cancelled: %(title)s"),
        "reminder": _("Tomorrow: %(title)s"),
        "changed": _("New time: %(title)s"),
    }
    return subjects[kind] % {"title": target}


def _context(registration, kind, change=None):
    edition = registration.edition
    user = registration.user
    context = {
        "kind": kind,
        "registration": registration,
        "edition": edition,
        "session": registration.session if registration.session_id else None,
        "name": user.get_full_name() or user.email,
        "day": date_format(edition.date, "j F Y"),
        "edition_url": edition_url(edition),
        "programme_url": route_url(edition, "programme_route"),
        "registration_url": route_url(edition, "registration_route"),
        "position": rules.waiting_list_position(registration),
    }
    if registration.session_id:
        registration.session.edition = edition
        context["session_time"] = format_time_range(registration.session.start, registration.session.end)
        context["session_url"] = route_url(edition, "session_route", code=registration.session.code)
    if kind == "reminder":
        context["workshops"] = [
            {"title": held.session.title, "time": format_time_range(held.session.start, held.session.end)}
            for held in Registration.objects.confirmed()
            .filter(user_id=registration.user_id, edition_id=edition.pk, session__isnull=False)
            .select_related("session")
            .order_by("session__start")
        ]
    if change is not None:
        context["old_time"] = format_time_range(change.old_start, change.old_end)
        context["new_time"] = format_time_range(change.new_start, change.new_end)
    return context


def build_message(registration, kind, change=None):
    """The e-mail of `kind` for `registration`, rendered in the site's language (Swedish) and time zone and ready to
    send. It may be built in an admin request, where Wagtail activates the organiser's own time zone; attendees read
    the conference's times."""
    if kind not in KINDS:
        raise ValueError(f"Unknown registration e-mail: {kind}")
    with translation.override(settings.LANGUAGE_CODE), timezone.override(site_zone()):
        context = _context(registration, kind, change)
        message = EmailMultiAlternatives(
            subject=_subject(registration, kind),
            body=render_to_string(f"conferences/email/{kind}.txt", context).strip() + "\n",
            to=[registration.user.email],
        )
        message.attach_alternative(render_to_string(f"conferences/email/{kind}.html", context), "text/html")
        if kind in WITH_CALENDAR and registration.status == Registration.Status.CONFIRMED:
            message.attach(
                calendar_filename(registration),
                registration_calendar(registration).to_ical().decode("utf-8"),
                "text/calendar; method=PUBLISH",  # Django adds the charset
            )
    return message


def send_registration_email(registration, kind, change=None):
    """Send one attendee e-mail; False when there is nothing to send (no address, or the news is out of date)."""
    if not registration.user.email:
        return False
    if kind in ("confirmed", "waitlisted", "promoted") and not registration.is_active:
        return False  # cancelled before the worker got to it: a confirmation now would mislead
    if kind == "waitlisted" and registration.status != Registration.Status.WAITLISTED:
        return False  # promoted meanwhile: the promotion e-mail says so
    build_message(registration, kind, change).send()
    return True


# --- Reminders and programme changes --------------------------------------------------------------------------


def send_due_reminders(now=None):
    """Remind confirmed attendees of tomorrow's published conference day (Europe/Stockholm), once each, between
    08:00 and 20:00 (REMINDER_HOURS); outside those hours it sends nothing and the next hourly run catches up.

    Safe to run every hour and from two workers at once: each registration is locked (skipping rows another
    worker holds), sent and marked in one transaction, so a failed send is retried at the next run and a sent
    one never again."""
    now = now or timezone.now()
    local_now = timezone.localtime(now, site_zone())
    if not REMINDER_HOURS[0] <= local_now.hour < REMINDER_HOURS[1]:
        return 0
    tomorrow = local_now.date() + datetime.timedelta(days=1)
    due = (
        Registration.objects.confirmed()
        .for_day()
        .filter(edition__live=True, edition__date=tomorrow, reminder_sent_at__isnull=True)
    )
    editions = {}
    sent = 0
    for pk in list(due.order_by("pk").values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                registration = (
                    due.filter(pk=pk).select_for_update(skip_locked=True, of=("self",)).select_related("user").first()
                )
                if registration is None:  # another worker holds it, or it changed since the list was read
                    continue
                if registration.edition_id not in editions:
                    editions[registration.edition_id] = registration.edition
                registration.edition = editions[registration.edition_id]
                if send_registration_email(registration, "reminder"):
                    sent += 1
                Registration.objects.filter(pk=pk).update(reminder_sent_at=now)
        except Exception:
            # Unmarked, so the next hourly run tries again; one bad address must not hold up everyone else's.
            logger.exception("Reminder for registration %s not sent", pk)
    return sent


def notify_session_change(change, today=None):
    """Tell everyone holding a place or a waiting-list place in the session that it moved (old and new time)."""
    session = change.session
    edition = session.edition
    if not session.live or edition.date < (today or timezone.localdate(timezone=site_zone())):
        return 0
    sent = 0
    for registration in Registration.objects.active().filter(session=session).select_related("user"):
        registration.edition = edition
        registration.session = session
        if send_registration_email(registration, "changed", change=change):
            sent += 1
    return sent
