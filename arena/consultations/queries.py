"""Read-side queries for consultations. Who sees which consultation is decided here and nowhere else."""

from datetime import timedelta

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from arena.models import ConsultationPage

OPEN, UPCOMING, CLOSED = 0, 1, 2


def visible_to(user):
    """Live consultations; those restricted to logged-in staff only for signed-in users."""
    consultations = ConsultationPage.objects.live()
    if not user.is_authenticated:
        consultations = consultations.public()
    return consultations


def listing(index_page, user, now=None):
    """The index's order: open ones first (closing soonest first), then those opening later (soonest first), then
    closed ones (most recently closed first)."""
    now = now or timezone.now()
    is_open = Q(opens_at__lte=now, closes_at__gt=now)
    return (
        visible_to(user)
        .child_of(index_page)
        .annotate(
            state_rank=Case(
                When(is_open, then=Value(OPEN)),
                When(opens_at__gt=now, then=Value(UPCOMING)),
                default=Value(CLOSED),
                output_field=IntegerField(),
            )
        )
        .order_by(
            "state_rank",
            Case(When(is_open, then="closes_at")).asc(nulls_last=True),
            Case(When(opens_at__gt=now, then="opens_at")).asc(nulls_last=True),
            Case(When(closes_at__lte=now, then="closes_at")).desc(nulls_last=True),
            "title",
        )
    )


def state_change_moments(index_page):
    """Every moment a consultation under the index opens or closes, sorted: the listing's order and states change only
    then, so between two moments it can be cached (arena.consultations.views)."""
    moments = ConsultationPage.objects.live().child_of(index_page).values_list("opens_at", "closes_at")
    return sorted({moment for pair in moments for moment in pair if moment is not None})


def state_changes_within(moments, seconds, now=None):
    """Whether one of the `moments` (state_change_moments) comes in the next `seconds` (the page cache's lifetime)."""
    now = now or timezone.now()
    return any(now < moment <= now + timedelta(seconds=seconds) for moment in moments)
