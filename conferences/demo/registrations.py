"""Demo attendees for the coming conference day: day registrations from the demo users and places in its workshops,
one of which is full with a waiting list, so organisers see attendee lists and a queue in the admin.

The attendees are listed in conferences/demo/data/registrations.yaml. The rows are made directly (no e-mails) but
follow the rules in conferences/registration/rules.py: a workshop place comes with a registration for the day, nobody
holds places in overlapping sessions, places are confirmed up to the capacity and later registrations wait in the
order they were made. Registrations are seeded once per edition: an edition that has any (the demo's, or ones made
since) is left as it is.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from arena.models import Organisation
from conferences.models import Registration, Session


def registered_at(edition, number, now):
    """When the demo's registration `number` was made: one a day from the day the window opened, during office
    hours (it opens at 08:00), and never later than now."""
    return min(edition.registration_opens + datetime.timedelta(days=number, hours=2 + number % 6), now)


def seed_registrations(edition, registrations):
    """Create the demo registrations for `edition` unless it has registrations already; returns how many.
    `registrations` (registrations.yaml) are in the order they were made: a user name, a session code for a
    workshop (none for the day) and needs."""
    if Registration.objects.filter(edition=edition).exists():
        return 0
    usernames = {item["user"] for item in registrations}
    users = {user.username: user for user in get_user_model().objects.filter(username__in=usernames)}
    # The attendee's organisation: each demo attendee belongs to one, which the registration form would take too.
    organisations = {username: Organisation.objects.for_user(user).first() for username, user in users.items()}
    sessions = {
        session.code: session
        for session in Session.objects.published().filter(edition=edition, registration_required=True)
    }
    now = timezone.now()
    confirmed = {}
    created = 0
    for item in registrations:
        username, code, needs = item["user"], item.get("session"), item.get("needs", "")
        user = users.get(username)
        session = sessions.get(code) if code else None
        if user is None or (code and session is None):
            continue
        capacity = session.capacity if session else edition.capacity
        taken = confirmed.get(code, 0)
        status = Registration.Status.CONFIRMED
        if capacity is not None and taken >= capacity:
            status = Registration.Status.WAITLISTED
        else:
            confirmed[code] = taken + 1
        registration = Registration.objects.create(
            edition=edition,
            session=session,
            user=user,
            organisation=organisations.get(username),
            needs=needs,
            status=status,
        )
        # created_at and status_changed_at are set automatically; the queue order needs the demo's own times.
        made = registered_at(edition, created, now)
        Registration.objects.filter(pk=registration.pk).update(created_at=made, status_changed_at=made)
        created += 1
    return created
