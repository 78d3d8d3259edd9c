"""The rules of registration: the window, places, the waiting list and cancellation.

Capacity is enforced in the database: every sign-up, cancellation and promotion for the same day or session first
locks that edition's or session's row (SELECT … FOR UPDATE), so concurrent requests count confirmed places one at a
time and never overbook. Each change is announced (registration_changed, which conferences.signals turns into the
attendee's e-mail) only after the transaction commits.

Workshops are for those with a place for the day: while someone's day registration is on the waiting list, they
cannot take (or queue for) a workshop place, so nobody holds a workshop seat for a day they may never attend.

The registration page, which the edition page's route calls, uses these rules, so this module never imports the
conference models: it reaches registrations and sessions through the edition, session or registration it is given.
"""

from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from conferences.registration import audit
from conferences.registration.constants import RegistrationStatus as Status

OPEN = "open"
NOT_YET = "not_yet"
CLOSED = "closed"
NOT_OFFERED = "not_offered"


class RegistrationError(Exception):
    """A registration the rules refuse; the message is shown to the attendee as it is."""


class DayWaitlistedError(RegistrationError):
    """A workshop refused because the attendee's registration for the day is on the waiting list."""


def window_state(edition, now=None):
    """Whether registration for `edition` is open now: open, not_yet, closed or not_offered (no window set)."""
    now = now or timezone.now()
    if edition.registration_opens is None and edition.registration_closes is None:
        return NOT_OFFERED
    if edition.registration_opens and now < edition.registration_opens:
        return NOT_YET
    if edition.registration_closes and now >= edition.registration_closes:
        return CLOSED
    if edition.date and timezone.localdate(now) > edition.date:
        return CLOSED
    return OPEN


def check_window(edition, now=None):
    state = window_state(edition, now)
    if state == NOT_YET:
        raise RegistrationError(
            _("Registration opens %(when)s.")
            % {"when": date_format(timezone.localtime(edition.registration_opens), "j F Y \\k\\l. H:i")}
        )
    if state == CLOSED:
        if edition.registration_closes:
            raise RegistrationError(
                _("Registration closed %(when)s.")
                % {"when": date_format(timezone.localtime(edition.registration_closes), "j F Y \\k\\l. H:i")}
            )
        raise RegistrationError(_("Registration has closed: the conference day has passed."))
    if state == NOT_OFFERED:
        raise RegistrationError(_("This conference day has no registration."))


def registrable_sessions(edition):
    """The published sessions of `edition` that attendees register for one by one (workshops and the like)."""
    return edition.sessions.published().filter(registration_required=True).order_by("start", "title")


# Sent once the change is committed (never for one that is rolled back), with `registration` and `kind`: its new
# status, "promoted" or "cancelled".
registration_changed = Signal()


def _announce(registration, kind):
    transaction.on_commit(
        lambda: registration_changed.send(sender=type(registration), registration=registration, kind=kind)
    )


def _status_for(capacity, confirmed_count):
    if capacity is None or confirmed_count < capacity:
        return Status.CONFIRMED
    return Status.WAITLISTED


def register_for_day(user, edition, *, organisation=None, needs=None, now=None):
    """Register `user` for the conference day; returns the (new or existing) active registration.

    `needs` (access or dietary needs) replaces what an existing registration holds; None leaves it as it is, so
    registering for a workshop, which registers for the day too, never wipes the needs given for the day."""
    check_window(edition, now)
    with transaction.atomic():
        locked = edition.lock_row()
        existing = locked.registrations.active().for_day().filter(user=user).first()
        if existing is not None:
            if needs is not None and needs != existing.needs:
                existing.needs = needs
                existing.save(update_fields=["needs", "status_changed_at"])
            return existing
        confirmed = locked.registrations.confirmed().for_day().count()
        registration = locked.registrations.create(
            user=user,
            organisation=organisation,
            needs=needs or "",
            status=_status_for(locked.capacity, confirmed),
        )
        _announce(registration, registration.status)
    return registration


def register_for_session(user, session, *, organisation=None, now=None):
    """Register `user` for a session that needs registration; registers for the day too when needed.

    Refuses a session that is unpublished, doesn't take registrations, or overlaps another session the user holds a
    place (or a waiting-list place) in, and any session while the user's day registration is on the waiting list
    (that day registration is kept: it is the user's place in the day's queue)."""
    edition = session.edition
    check_window(edition, now)
    if not session.live or not session.registration_required:
        raise RegistrationError(_("“%(title)s” does not take registrations.") % {"title": session.title})
    day = register_for_day(user, edition, organisation=organisation, now=now)
    if day.status == Status.WAITLISTED:
        raise DayWaitlistedError(
            _(
                "You are on the waiting list for the conference day. You can sign up for workshops once you have a "
                "place."
            )
        )
    with transaction.atomic():
        locked = session.lock_row()
        existing = locked.registrations.active().filter(user=user).first()
        if existing is not None:
            return existing
        clash = (
            edition.registrations.active()
            .filter(user=user, session__start__lt=locked.end, session__end__gt=locked.start)
            .select_related("session")
            .first()
        )
        if clash is not None:
            raise RegistrationError(
                _("You are already registered for “%(title)s”, which runs at the same time.")
                % {"title": clash.session.title}
            )
        confirmed = locked.registrations.confirmed().count()
        try:
            with transaction.atomic():
                registration = locked.registrations.create(
                    edition=edition,
                    user=user,
                    organisation=organisation,
                    status=_status_for(locked.capacity, confirmed),
                )
        except IntegrityError:
            raise RegistrationError(_("You are already registered for this session.")) from None
        _announce(registration, registration.status)
    return registration


def _waiting_list(*, edition=None, session=None):
    waiting = (
        session.registrations.waitlisted() if session is not None else edition.registrations.waitlisted().for_day()
    )
    return waiting.in_queue_order()


def _promote(registration):
    registration.status = Status.CONFIRMED
    registration.save(update_fields=["status", "status_changed_at"])
    _announce(registration, "promoted")
    return registration


def _promote_first_waiting(*, edition=None, session=None):
    """Give a freed place to the first on the waiting list (the caller holds the lock)."""
    first = _waiting_list(edition=edition, session=session).first()
    return _promote(first) if first is not None else None


def fill_free_places(*, edition=None, session=None):
    """Give every free place of the day (`edition`) or of `session` to the waiting list, first in line first.

    Places free up without a cancellation when an organiser raises the capacity or removes the limit; this reads
    the capacity from the locked row, so it is the published value, and a draft never promotes anyone. Returns the
    registrations promoted."""
    with transaction.atomic():
        if session is not None:
            locked = session.lock_row()
            confirmed = locked.registrations.confirmed()
            waiting = _waiting_list(session=locked)
        else:
            locked = edition.lock_row()
            confirmed = locked.registrations.confirmed().for_day()
            waiting = _waiting_list(edition=locked)
        free = places_left(locked.capacity, confirmed.count())
        if free is not None:
            waiting = waiting[:free]
        promoted = [_promote(registration) for registration in waiting]
        for registration in promoted:
            audit.log_places_added(registration)
        return promoted


def cancel(registration, by=None):
    """Cancel a registration and move the waiting list up. Cancelling the day cancels the user's sessions too.
    `by`, the person cancelling (an organiser or the attendee), is written to the audit log with every registration
    cancelled or promoted.

    Returns the registrations promoted from the waiting list."""
    promoted = []
    with transaction.atomic():
        if registration.session_id:
            registration.session.lock_row()
        else:
            edition = registration.edition.lock_row()
            for session_registration in (
                edition.registrations.active()
                .filter(user_id=registration.user_id, session__isnull=False)
                .order_by("pk")
            ):
                promoted += cancel(session_registration, by=by)
        current = registration.lock_row()
        if not current.is_active:
            return promoted
        was_confirmed = current.status == Status.CONFIRMED
        current.status = Status.CANCELLED
        current.save(update_fields=["status", "status_changed_at"])
        registration.status = current.status
        _announce(current, "cancelled")
        if by is not None:
            audit.log_cancelled(current, by)
        if was_confirmed:
            first = (
                _promote_first_waiting(session=current.session)
                if current.session_id
                else _promote_first_waiting(edition=current.edition)
            )
            if first is not None:
                promoted.append(first)
                if by is not None:
                    audit.log_promoted(first, by)
    return promoted


def waiting_list_position(registration):
    """1 for the first in line; None when the registration is not on the waiting list."""
    if registration.status != Status.WAITLISTED:
        return None
    queue = type(registration).objects.waitlisted().filter(edition_id=registration.edition_id)
    queue = queue.filter(session_id=registration.session_id) if registration.session_id else queue.for_day()
    ahead = queue.filter(created_at__lt=registration.created_at).count()
    ahead += queue.filter(created_at=registration.created_at, pk__lt=registration.pk).count()
    return ahead + 1


def places_left(capacity, confirmed_count):
    return None if capacity is None else max(capacity - confirmed_count, 0)
