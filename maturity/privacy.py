"""Respondent protection: an organisation's own figures are shown only when enough people answered.

An organisation with fewer than MIN_RESPONDENTS respondents in a round is never shown on its own, but its
answers still count in the group figures (GroupScore). Every view, export and open-data feed that shows
organisation-level results goes through these helpers, so the rule lives in one place.
"""

MIN_RESPONDENTS = 5


def is_visible(respondents):
    """True when a figure based on this many respondents may be shown."""
    return respondents is not None and respondents >= MIN_RESPONDENTS


def visible(score_qs):
    """OrganisationScore rows that may be shown on their own.

    Filtering row by row is enough: a category or dimension never has more respondents than the organisation
    has in the round, so an organisation below the threshold has no visible rows at all."""
    return score_qs.filter(respondents__gte=MIN_RESPONDENTS)


def hidden(score_qs):
    """OrganisationScore rows that must not be shown on their own (they still count in group figures)."""
    return score_qs.filter(respondents__lt=MIN_RESPONDENTS)


def visible_groups(group_qs):
    """GroupScore rows that may be shown: a group of one small organisation would otherwise reveal it."""
    return group_qs.filter(respondents__gte=MIN_RESPONDENTS)
