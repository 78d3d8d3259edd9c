"""Number formats for the dashboards (Swedish: decimal comma, a non-breaking space before the per cent sign)."""

from django.utils import formats

NO_VALUE = "–"


def number(value, decimals=1):
    # number_format cuts extra decimals off; round first so 52.2999… reads 52,3.
    return formats.number_format(round(value, decimals), decimals) if value is not None else NO_VALUE


def percent(value, decimals=1):
    return f"{number(value, decimals)}\u00a0%" if value is not None else NO_VALUE


def points(change):
    """A change in percentage points with its sign, e.g. +1,2 or −0,5."""
    if change is None:
        return NO_VALUE
    text = number(abs(change))
    if round(change, 1) > 0:
        return f"+{text}"
    if round(change, 1) < 0:
        return f"\u2212{text}"
    return text
