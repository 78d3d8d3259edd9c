"""Builders for the registration tests: an edition whose registration is open, and workshops with places."""

import datetime

from django.utils import timezone

from conferences.models import Session
from tests.conferences.factories import at, create_edition, create_session


def open_edition(series, *, days_ahead=30, **fields):
    """A published edition `days_ahead` days from today, registration open since yesterday until its morning."""
    date = timezone.localdate() + datetime.timedelta(days=days_ahead)
    fields.setdefault("registration_opens", timezone.now() - datetime.timedelta(days=1))
    fields.setdefault("registration_closes", at(date, 8))
    return create_edition(series, year=date.year, date=date, **fields)


def create_workshop(edition, title, start_hour, end_hour, *, capacity=None, track=None, **fields):
    """A published workshop on the edition's day that takes registrations; capacity None = unlimited places."""
    return create_session(
        edition,
        title,
        at(edition.date, start_hour),
        at(edition.date, end_hour),
        track,
        session_type=Session.Type.WORKSHOP,
        registration_required=True,
        capacity=capacity,
        **fields,
    )
