"""What may be shown: the respondent threshold for organisations and the rule for group figures, in one place.

Organisations. An organisation is shown on its own in a round only when every stored figure of it (total,
dimensions, categories) rests on at least MIN_RESPONDENTS respondents. It is shown whole or not at all: a total
shown next to all but one of its categories would give the missing category away (the total is a mean of means).
An organisation that is not shown still counts in the group figures.

Groups (the whole city, förvaltningar, bolag). A group's figures for a round are published only when
- every figure of the group rests on at least MIN_ORGANISATIONS_IN_GROUP organisations and MIN_RESPONDENTS
  respondents: with three, a member that knows its own result can at most work out the mean of the two others;
- no figure can be worked back to an organisation that is not shown (complementary suppression). A reader who sees
  every shown organisation (an analyst) can subtract them from a group figure and get the mean of the group's
  hidden members: so the hidden members of a published group are none, or at least MIN_HIDDEN_IN_GROUP
  organisations with MIN_RESPONDENTS respondents together. And the whole city is the weighted mean of förvaltningar
  and bolag (n is published): of the three, any two give the third, so the rule is checked on every group that can
  be worked out from the published ones, not only on the published ones themselves.
A group is published for a round whole (total, dimensions and categories) or not at all, for the same reason as an
organisation. When the three groups cannot all be published, the whole city alone is tried first, then each kind.
queries.GroupFigures is the only reader of group figures and applies publishable_groups(); every dashboard,
export, the open data and the start page's headline read group figures through it.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

MIN_RESPONDENTS = 5
MIN_ORGANISATIONS_IN_GROUP = 3
MIN_HIDDEN_IN_GROUP = 2


def is_visible(respondents):
    """True when a figure based on this many respondents may be shown."""
    return respondents is not None and respondents >= MIN_RESPONDENTS


# --- Organisations ------------------------------------------------------------------------------------------------


def _below_threshold(score_qs):
    """The same organisation's rows in the same round that rest on too few respondents (a correlated subquery).
    Read over all rows, whoever asks: whether an organisation is shown does not depend on the reader."""
    return score_qs.model.objects.filter(
        round=OuterRef("round"), organisation=OuterRef("organisation"), respondents__lt=MIN_RESPONDENTS
    )


def visible(score_qs):
    """OrganisationScore rows of organisations that are shown on their own in that round."""
    return score_qs.filter(~Exists(_below_threshold(score_qs)))


def hidden(score_qs):
    """OrganisationScore rows of organisations that are not shown on their own in that round (they still count in
    the group figures)."""
    return score_qs.filter(Exists(_below_threshold(score_qs)))


def flag_hidden(score_qs):
    """The rows with `organisation_hidden`: True when the organisation is not shown on its own in that round."""
    return score_qs.annotate(organisation_hidden=Exists(_below_threshold(score_qs)))


# --- Groups -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Backing:
    """Who stands behind one group figure: its organisations and respondents, and how many of them belong to
    organisations that are not shown on their own."""

    organisations: int
    respondents: int
    hidden_organisations: int = 0
    hidden_respondents: int = 0


def group_may_stand(backing):
    """Enough organisations and respondents for a group figure."""
    return backing.organisations >= MIN_ORGANISATIONS_IN_GROUP and is_visible(backing.respondents)


def hidden_part_may_be_derived(backing):
    """The group figure minus its shown members is the mean of its hidden members: none, or enough of them."""
    return backing.hidden_organisations == 0 or (
        backing.hidden_organisations >= MIN_HIDDEN_IN_GROUP and is_visible(backing.hidden_respondents)
    )


def _derivable(published, present, whole, parts):
    """The groups of one figure that a reader can work out: the published ones, the absent ones (empty, so known),
    and with the whole and all parts but one known, the last part; with every part known, the whole."""
    known = set(published) | {kind for kind in (whole, *parts) if kind not in present}
    unknown_parts = [part for part in parts if part not in known]
    if whole in known and len(unknown_parts) == 1:
        known.add(unknown_parts[0])
    if not unknown_parts:
        known.add(whole)
    return known & set(present)


def _may_publish(candidate, figures, whole, parts):
    for figure in figures:
        for kind in _derivable(candidate & set(figure), set(figure), whole, parts):
            backing = figure[kind]
            if not (group_may_stand(backing) and hidden_part_may_be_derived(backing)):
                return False
    return True


def publishable_groups(figures, whole, parts):
    """The groups whose figures may be published for one round.

    figures: one {group: Backing} per figure of the round (the total, each dimension, each category); `whole` is
    the key of the whole city and `parts` the keys of the groups it is made of. Any two of the three groups give the
    third, so either all of them are published or at most one."""
    present = set().union(*figures) if figures else set()
    candidates = [present] + [{kind} for kind in (whole, *parts) if kind in present]
    for candidate in candidates:
        if _may_publish(candidate, figures, whole, parts):
            return candidate
    return set()
