"""Read-side queries for the dashboards, exports and open data, over the STORED results only.

Nothing here recomputes a score: scoring.recompute_round() stores OrganisationScore and GroupScore rows when a
round is imported or recomputed, and these functions only read them, in a fixed number of queries whatever the
number of organisations or rounds. Organisation-level rows are read through the models' for_user() querysets (the
access rule, access.py) and pass through the privacy rule (privacy.py) here, so views and exporters cannot forget
either.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache

from arena.models import Organisation
from arena.related_content import RelatedQuery, content_version, related_content
from maturity import privacy
from maturity.models import Category, GroupScore, NationalReference, OrganisationScore, Round, RoundParticipant

CATEGORY = OrganisationScore.Level.CATEGORY
DIMENSION = OrganisationScore.Level.DIMENSION
TOTAL = OrganisationScore.Level.TOTAL
ALL = GroupScore.Kind.ALL
FORVALTNING = GroupScore.Kind.FORVALTNING
BOLAG = GroupScore.Kind.BOLAG
KIND_GROUPS = (FORVALTNING, BOLAG)
# An organisation's kind → the group it is compared with.
GROUP_OF_KIND = {Organisation.Kind.FORVALTNING: FORVALTNING, Organisation.Kind.BOLAG: BOLAG}
LEARNING_ITEMS = 3


class RoundNotFound(Exception):
    """No published round matches the request (→ 404)."""


class BadRoundParameter(ValueError):
    """?omgang= is not a year (→ 400)."""


# --- Rounds ---------------------------------------------------------------------------------------------------


@dataclass
class RoundSelection:
    selected: Round
    previous: Round | None
    trend: list  # published rounds of the selected round's model up to and including it, oldest first
    choices: list  # every published round, newest first, for the round selector


def published_rounds():
    """Every published round with its model, oldest first (one query)."""
    return list(Round.objects.published().select_related("model").order_by("year", "published_at", "pk"))


def select_round(year_parameter=None, rounds=None):
    """The latest published round, or the one for ?omgang=YEAR, with its trend and previous round (one query, or
    none when the caller passes published_rounds() it has kept)."""
    rounds = published_rounds() if rounds is None else rounds
    if not rounds:
        raise RoundNotFound
    if year_parameter in (None, ""):
        selected = rounds[-1]
    else:
        try:
            year = int(year_parameter)
        except (TypeError, ValueError):
            raise BadRoundParameter(year_parameter) from None
        # Two models measured in the same year: the most recently published round of that year wins.
        matching = [candidate for candidate in rounds if candidate.year == year]
        if not matching:
            raise RoundNotFound
        selected = matching[-1]
    trend = [r for r in rounds if r.model_id == selected.model_id and r.year <= selected.year]
    previous = trend[-2] if len(trend) > 1 else None
    return RoundSelection(selected=selected, previous=previous, trend=trend, choices=list(reversed(rounds)))


def model_categories(model):
    """The model's categories in order, with their dimension (one query)."""
    return list(
        Category.objects.filter(dimension__model=model)
        .select_related("dimension")
        .order_by("dimension__sort_order", "dimension__code", "sort_order", "code")
    )


def dimensions_of(categories):
    """The dimensions in order, from the categories already loaded."""
    seen = {}
    for category in categories:
        seen.setdefault(category.dimension_id, category.dimension)
    return list(seen.values())


# --- Group figures --------------------------------------------------------------------------------------------


def _target(row):
    if row.level == CATEGORY:
        return row.category_id
    if row.level == DIMENSION:
        return row.dimension_id
    return None


class GroupFigures:
    """The GroupScore rows by (round, kind, level, target) that may be published (the rule is privacy.py).

    Built from every stored group figure of the rounds and, to know what a group's figures could reveal, the
    figures of the organisations that are not shown on their own. Only the published rows can be read back."""

    def __init__(self, rows, hidden_rows):
        hidden = defaultdict(lambda: [0, 0])  # (round_id, kind, level, target) → [organisations, respondents]
        for round_id, organisation_kind, level, category_id, dimension_id, respondents in hidden_rows:
            kind = GROUP_OF_KIND.get(organisation_kind)
            if kind is None:  # external organisations are in no group
                continue
            target = category_id if level == CATEGORY else dimension_id if level == DIMENSION else None
            for group in (ALL, kind):
                part = hidden[(round_id, group, level, target)]
                part[0] += 1
                part[1] += respondents
        by_round = defaultdict(lambda: defaultdict(dict))  # round_id → (level, target) → kind → row
        for row in rows:
            by_round[row.round_id][(row.level, _target(row))][row.kind] = row
        self._rows = {}
        for round_id, figures in by_round.items():
            backings = [
                {
                    kind: privacy.Backing(row.organisations, row.respondents, *hidden[(round_id, kind, level, target)])
                    for kind, row in kinds.items()
                }
                for (level, target), kinds in figures.items()
            ]
            published = privacy.publishable_groups(backings, whole=ALL, parts=KIND_GROUPS)
            for (level, target), kinds in figures.items():
                for kind, row in kinds.items():
                    if kind in published:
                        self._rows[(round_id, kind, level, target)] = row

    def get(self, round_id, kind, level=TOTAL, target=None):
        return self._rows.get((round_id, kind, level, target))

    def score(self, round_id, kind, level=TOTAL, target=None):
        row = self.get(round_id, kind, level, target)
        return row.score if row is not None else None

    def rows(self):
        return list(self._rows.values())


def group_figures(rounds):
    """The publishable group figures of these rounds (two queries: the group figures, and the figures of the
    organisations not shown on their own, which a group figure must not give away)."""
    rows = GroupScore.objects.filter(round__in=rounds).order_by("round_id", "kind", "level")
    hidden_rows = privacy.hidden(OrganisationScore.objects.filter(round__in=rounds)).values_list(
        "round_id", "organisation__kind", "level", "category_id", "dimension_id", "respondents"
    )
    return GroupFigures(rows, hidden_rows)


# --- National references --------------------------------------------------------------------------------------


@dataclass
class NationalSeries:
    """One source's national values: never joined with another source's values into one line."""

    source: str
    values: dict = field(default_factory=dict)  # (round_id, category_id or None) → NationalReference

    def score(self, round_id, category_id=None):
        reference = self.values.get((round_id, category_id))
        return reference.score if reference is not None else None

    def source_years(self):
        return sorted({ref.source_year for ref in self.values.values() if ref.source_year})


def national_series(rounds):
    """National reference values of these rounds, one series per source, in source order (one query)."""
    series = {}
    references = NationalReference.objects.filter(round__in=rounds).order_by("source", "round__year", "pk")
    for reference in references:
        series.setdefault(reference.source, NationalSeries(source=reference.source))
        series[reference.source].values[(reference.round_id, reference.category_id)] = reference
    return list(series.values())


# --- The start page's headline -----------------------------------------------------------------------------------


@dataclass
class Headline:
    """The whole city's total in the latest published round against the national totals of that round."""

    round: Round
    city: GroupScore | None  # None when the rule for group figures (privacy.py) withholds it
    national: list  # NationalReference totals of the round, one per source, in source order


def headline():
    """The figure for the start page, or None before the first published round. The city's total is read through
    group_figures(), so the start page can only show what the dashboards and the open data may show."""
    try:
        round_ = select_round().selected
    except RoundNotFound:
        return None
    national = NationalReference.objects.filter(round=round_, category__isnull=True).order_by("source", "pk")
    return Headline(round=round_, city=group_figures([round_]).get(round_.pk, ALL), national=list(national))


# --- The organisation table -----------------------------------------------------------------------------------


@dataclass
class OrganisationRow:
    organisation: Organisation
    respondents: int = 0
    invited: int | None = None
    total: float | None = None
    previous_total: float | None = None
    categories: dict = field(default_factory=dict)  # category_id → score (exports only)
    dimensions: dict = field(default_factory=dict)  # dimension_id → score (exports only)
    withheld: bool = False  # some figure of it rests on too few respondents (privacy.py)

    @property
    def hidden(self):
        """Not shown on its own: too few respondents in total or in some figure, or no result at all."""
        return self.withheld or not privacy.is_visible(self.respondents)

    @property
    def change(self):
        if self.total is None or self.previous_total is None:
            return None
        return self.total - self.previous_total

    @property
    def response_rate(self):
        if not self.invited:
            return None
        return 100.0 * self.respondents / self.invited


# Swedish alphabetical order: å, ä and ö come after z (and in that order), é sorts with e.
SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def swedish_key(text):
    return text.casefold().translate(SWEDISH_ORDER)


def _name(row):
    return swedish_key(row.organisation.name)


SORT_KEYS = {
    "name": _name,
    "kind": lambda row: (row.organisation.get_kind_display(), _name(row)),
    "total": lambda row: row.total,
    "change": lambda row: row.change,
    "rate": lambda row: row.response_rate,
}
DEFAULT_SORT = "name"


def sort_rows(rows, key, descending):
    """Sort by a column; rows without a value (hidden, unknown) always come last."""
    value_of = SORT_KEYS[key]
    known = [row for row in rows if value_of(row) is not None]
    unknown = [row for row in rows if value_of(row) is None]
    known.sort(key=_name)
    known.sort(key=value_of, reverse=descending)
    unknown.sort(key=_name)
    return known + unknown


def organisation_rows(user, selection, with_details=False):
    """One row per participating organisation the user may see, with total, change and response rate.

    Scores of organisations below the threshold never leave this function: their row only says how many
    answered. with_details adds the category and dimension scores (for the exports), one query more.
    """
    rows = {}
    participants = (
        RoundParticipant.objects.for_user(user).filter(round=selection.selected).select_related("organisation")
    )
    for participant in participants:
        rows[participant.organisation_id] = OrganisationRow(participant.organisation, invited=participant.invited)
    rounds = [selection.selected] + ([selection.previous] if selection.previous else [])
    totals = privacy.flag_hidden(
        OrganisationScore.objects.for_user(user).filter(round__in=rounds, level=TOTAL).select_related("organisation")
    )
    previous = {}
    for score in totals:
        if score.round_id == selection.selected.pk:
            row = rows.setdefault(score.organisation_id, OrganisationRow(score.organisation))
            row.respondents = score.respondents
            row.withheld = score.organisation_hidden
            row.total = None if row.hidden else score.score
        elif not score.organisation_hidden:
            previous[score.organisation_id] = score.score
    for organisation_id, row in rows.items():
        row.previous_total = previous.get(organisation_id)
    if with_details:
        details = privacy.visible(
            OrganisationScore.objects.for_user(user).filter(round=selection.selected, level__in=(CATEGORY, DIMENSION))
        ).only("organisation_id", "level", "category_id", "dimension_id", "score")
        for score in details:
            row = rows.get(score.organisation_id)
            if row is None:
                continue
            if score.level == CATEGORY:
                row.categories[score.category_id] = score.score
            else:
                row.dimensions[score.dimension_id] = score.score
    return sort_rows(list(rows.values()), DEFAULT_SORT, descending=False)


def visible_totals(round_):
    """Every organisation's total at or above the threshold, without names: the distribution (one query).

    Not narrowed to the user's organisations on purpose: the distribution is a group-level figure that every
    logged-in user sees, and only the scores leave the database, never which organisation they belong to."""
    return list(
        privacy.visible(OrganisationScore.objects.filter(round=round_, level=TOTAL)).values_list("score", flat=True)
    )


# --- One organisation -----------------------------------------------------------------------------------------


@dataclass
class OrganisationResults:
    """One organisation's stored results across the trend rounds."""

    scores: dict  # (round_id, level, target) → OrganisationScore, visible rows only
    respondents: dict  # round_id → respondents (from the total row, shown or not)
    invited: dict  # round_id → invited (None = unknown)
    participated: set  # round ids

    def score(self, round_id, level=TOTAL, target=None):
        row = self.scores.get((round_id, level, target))
        return row.score if row is not None else None

    def visible_in(self, round_id):
        """Shown on its own in the round: its total is there only when every figure of it may be shown."""
        return (round_id, TOTAL, None) in self.scores


def organisation_results(user, organisation, rounds):
    """Two queries: the organisation's score rows and its participation in these rounds, as far as the user may
    see them (the view refuses other organisations before it gets here)."""
    scores, respondents = {}, {}
    rows = privacy.flag_hidden(
        OrganisationScore.objects.for_user(user).filter(organisation=organisation, round__in=rounds)
    )
    for row in rows:
        if row.level == TOTAL:
            respondents[row.round_id] = row.respondents
        if not row.organisation_hidden:
            scores[(row.round_id, row.level, _target(row))] = row
    invited, participated = {}, set(respondents)
    for participant in RoundParticipant.objects.for_user(user).filter(organisation=organisation, round__in=rounds):
        invited[participant.round_id] = participant.invited
        participated.add(participant.round_id)
    return OrganisationResults(scores=scores, respondents=respondents, invited=invited, participated=participated)


def weakest_categories(results, round_id, categories, count=3):
    """The organisation's lowest-scoring categories in the round, lowest first (ties in model order)."""
    scored = [
        (results.score(round_id, CATEGORY, category.pk), position, category)
        for position, category in enumerate(categories)
    ]
    scored = [item for item in scored if item[0] is not None]
    scored.sort(key=lambda item: (item[0], item[1]))
    return [(category, score) for score, _position, category in scored[:count]]


# --- Arena content to learn from ------------------------------------------------------------------------------
# The apps do not import each other (DESIGN.md): arena's related-content hook asks every app for public content
# about a weak category's focus areas, tags and name (blog posts, conference sessions, other pages).


@dataclass
class LearningLinks:
    category: Category
    score: float
    groups: list  # arena.related_content.RelatedGroup, one per answering app


# Finding suggested reading (full-text search included) is the organisation page's most expensive part, so it is
# cached. The key changes whenever content is published; an unpublished post or a page made staff-only may stay
# listed for this long at most.
LEARNING_LINKS_SECONDS = 300


def learning_links(weakest, exclude_organisation):
    """Related content for each weak category, cached for a few minutes (the same for everyone who may see the
    organisation: only public, live content is linked)."""
    key = "maturity:learning:{}:{}:{}".format(
        exclude_organisation.pk,
        ",".join(f"{category.pk}={score:.3f}" for category, score in weakest),
        content_version(),
    )
    return cache.get_or_set(key, lambda: _find_learning_links(weakest, exclude_organisation), LEARNING_LINKS_SECONDS)


def _find_learning_links(weakest, exclude_organisation):
    """One query for the focus areas, then each app's answer per category (the count depends on the number of
    categories shown, at most three, and the number of answering apps, nothing else)."""
    categories = [category for category, _score in weakest]
    areas = defaultdict(list)
    through = Category.focus_areas.through
    for category_id, area_id in through.objects.filter(category__in=categories).values_list(
        "category_id", "focusarea_id"
    ):
        areas[category_id].append(area_id)
    return [
        LearningLinks(
            category=category,
            score=score,
            groups=related_content(
                RelatedQuery(
                    focus_area_ids=tuple(areas[category.pk]),
                    tags=tuple(category.tag_list),
                    text=" ".join([category.name, *category.tag_list]),
                    exclude_organisation_id=exclude_organisation.pk,
                    limit=LEARNING_ITEMS,
                )
            ),
        )
        for category, score in weakest
    ]


# --- Open data ----------------------------------------------------------------------------------------------------


@dataclass
class PublishedResults:
    rounds: list
    categories_by_model: dict
    groups: GroupFigures
    national_by_round: dict


def published_results():
    """Everything the open data needs, for every published round, in four queries."""
    rounds = list(Round.objects.published().select_related("model").order_by("year", "model__slug", "pk"))
    categories_by_model = defaultdict(list)
    categories = (
        Category.objects.filter(dimension__model__in={round_.model_id for round_ in rounds})
        .select_related("dimension")
        .order_by("dimension__sort_order", "dimension__code", "sort_order", "code")
    )
    for category in categories:
        categories_by_model[category.dimension.model_id].append(category)
    national_by_round = defaultdict(list)
    references = (
        NationalReference.objects.filter(round__in=rounds)
        .select_related("category")
        .order_by("source", "category__dimension__sort_order", "category__sort_order", "pk")
    )
    for reference in references:
        national_by_round[reference.round_id].append(reference)
    return PublishedResults(
        rounds=rounds,
        categories_by_model=categories_by_model,
        groups=group_figures(rounds),
        national_by_round=national_by_round,
    )
