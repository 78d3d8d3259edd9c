"""How many answers one client may send to one consultation: CONSULTATION_RATE_LIMIT per
CONSULTATION_RATE_LIMIT_MINUTES, per page and client address (arena.rate_limit)."""

from arena.rate_limit import FixedWindow, client_address

ANSWERS = FixedWindow(
    "consultation-answers", limit_setting="CONSULTATION_RATE_LIMIT", minutes_setting="CONSULTATION_RATE_LIMIT_MINUTES"
)


def window_seconds():
    return ANSWERS.seconds()


def is_exceeded(request, page):
    """True when this client has already sent as many answers as the window allows."""
    return ANSWERS.is_exceeded(f"{page.pk}:{client_address(request)}")


def consume(request, page):
    """Count one answer; False when it is one too many (the caller then refuses it)."""
    return ANSWERS.consume(f"{page.pk}:{client_address(request)}")
