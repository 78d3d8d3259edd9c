"""The life of a round: planned → open → closed → published, one step at a time.

A step back is allowed (reopening a round closed too early, unpublishing results found wrong); skipping a step is
not, so results are never published for a round that was never closed, and a round is published only with results.
"""

from django.utils.translation import gettext as _

ORDER = ["planned", "open", "closed", "published"]


def _neighbours(status):
    index = ORDER.index(status)
    return [ORDER[i] for i in (index - 1, index + 1) if 0 <= i < len(ORDER)]


def status_change_problem(round_, previous):
    """A Swedish message when `round_` may not take its status coming from `previous` (None for a new round)."""
    from maturity.models import OrganisationScore, Round

    status = round_.status
    label = {value: str(text).lower() for value, text in Round.Status.choices}
    if previous is None:
        if status not in (Round.Status.PLANNED, Round.Status.OPEN):
            return _("A new round starts as planned or open.")
        return None
    if status != previous and status not in _neighbours(previous):
        allowed = [label[neighbour] for neighbour in _neighbours(previous)]
        return _(
            "A round moves one step at a time (planned → open → closed → published): from %(previous)s it can "
            "go to %(allowed)s."
        ) % {
            "previous": label[previous],
            "allowed": allowed[0] if len(allowed) == 1 else _("%(a)s or %(b)s") % {"a": allowed[0], "b": allowed[1]},
        }
    if status == Round.Status.PUBLISHED and status != previous:
        if not OrganisationScore.objects.filter(round_id=round_.pk).exists():
            return _("The round has no results yet: import answers or results before publishing it.")
    return None
