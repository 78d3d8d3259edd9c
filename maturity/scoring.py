"""Scores as "% of optimal conditions", computed from answers and stored per round.

The rules (the research note lists the exact DiMiOS formula as unknown; this is the documented reading):

1. Each answer is rescaled to 0–100 over its question's scale: (value - lowest) / (highest - lowest) * 100.
   Unanswered questions (value null) are ignored.
2. Per respondent and category: the mean of that respondent's rescaled answers in the category. A respondent
   with no answers in a category does not count there.
3. Per organisation and category: the mean over its respondents (each respondent weighs the same).
4. Dimension = mean of the organisation's category scores in it; total = mean of its dimension scores.
5. Group figures (all organisations, förvaltningar, bolag) = mean over the participating organisations of
   their score at that level, with the number of organisations and the sum of their respondents. Small
   organisations (below privacy.MIN_RESPONDENTS) count here, though they are never shown on their own.

Imported results (aggregated figures per category, when raw answers are not available) are stored as
category-level OrganisationScore rows with source=imported; the organisation's dimension and total are
derived from them exactly as from computed categories, and the group figures use both kinds of rows.
"""

from collections import defaultdict
from statistics import fmean

from django.db import transaction
from django.db.models import Avg, F, FloatField, Value
from django.db.models.functions import Cast, Coalesce

from arena import page_cache
from arena.models import Organisation
from maturity import results_version
from maturity.models import Category, GroupScore, OrganisationScore, Response, Round, ScoreLevel

CATEGORY, DIMENSION, TOTAL = ScoreLevel.CATEGORY, ScoreLevel.DIMENSION, ScoreLevel.TOTAL
COMPUTED, IMPORTED = OrganisationScore.Source.COMPUTED, OrganisationScore.Source.IMPORTED


def answer_percent(value, lowest, highest):
    """One answer on its question's scale, as a percentage of the best possible answer."""
    return (value - lowest) * 100.0 / (highest - lowest)


def _bounded(score):
    # Guards the database's 0–100 check against floating-point noise at the ends of the scale.
    return min(100.0, max(0.0, score))


def respondent_category_means(round_, organisation_ids=None):
    """{(organisation_id, category_id): {respondent: mean %}}, averaged in SQL (one query, one row per
    respondent and category, so 100,000 answers come back as a few thousand rows)."""
    model = round_.model
    lowest = Coalesce("question__scale_min", Value(model.scale_min))
    highest = Coalesce("question__scale_max", Value(model.scale_max))
    percent = Cast(F("value") - lowest, FloatField()) * Value(100.0) / Cast(highest - lowest, FloatField())
    answers = Response.objects.filter(round=round_, value__isnull=False)
    if organisation_ids is not None:
        answers = answers.filter(organisation_id__in=organisation_ids)
    rows = (
        answers.values("organisation_id", "respondent", "question__category_id")
        .annotate(mean=Avg(percent))
        .order_by()
        .values_list("organisation_id", "question__category_id", "respondent", "mean")
    )
    means = defaultdict(dict)
    for organisation_id, category_id, respondent, mean in rows:
        means[(organisation_id, category_id)][respondent] = mean
    return means


def _derived(parts, respondents_seen):
    """Mean of the parts' scores. Respondents: each person once when every part is computed from answers;
    with imported parts (which carry only counts) the largest part's count."""
    source = IMPORTED if any(part["source"] == IMPORTED for part in parts) else COMPUTED
    if source == COMPUTED:
        respondents = len(respondents_seen)
    else:
        respondents = max(part["respondents"] for part in parts)
    return {"score": fmean(part["score"] for part in parts), "respondents": respondents, "source": source}


def organisation_scores(round_, organisation_ids=None):
    """Unsaved OrganisationScore rows for the round: computed categories, and dimensions and totals derived
    from computed and imported categories. Imported category rows already in the database are read, not
    returned. An imported category wins over answers for the same organisation and category."""
    dimension_of = dict(Category.objects.filter(dimension__model_id=round_.model_id).values_list("pk", "dimension_id"))
    imported = OrganisationScore.objects.filter(round=round_, level=CATEGORY, source=IMPORTED)
    if organisation_ids is not None:
        imported = imported.filter(organisation_id__in=organisation_ids)
    categories = {}  # (organisation_id, category_id) -> {"score", "respondents", "source"}
    for organisation_id, category_id, score, respondents in imported.values_list(
        "organisation_id", "category_id", "score", "respondents"
    ):
        categories[(organisation_id, category_id)] = {"score": score, "respondents": respondents, "source": IMPORTED}

    rows = []
    seen = defaultdict(set)  # (organisation_id, dimension_id or None for the total) -> respondents
    for (organisation_id, category_id), by_respondent in respondent_category_means(round_, organisation_ids).items():
        if (organisation_id, category_id) in categories:
            continue
        figure = {"score": fmean(by_respondent.values()), "respondents": len(by_respondent), "source": COMPUTED}
        categories[(organisation_id, category_id)] = figure
        seen[(organisation_id, dimension_of[category_id])].update(by_respondent)
        seen[(organisation_id, None)].update(by_respondent)
        rows.append(_score(round_, organisation_id, CATEGORY, figure, category_id=category_id))

    by_dimension = defaultdict(list)
    for (organisation_id, category_id), figure in categories.items():
        by_dimension[(organisation_id, dimension_of[category_id])].append(figure)
    by_organisation = defaultdict(list)
    for (organisation_id, dimension_id), parts in by_dimension.items():
        figure = _derived(parts, seen[(organisation_id, dimension_id)])
        by_organisation[organisation_id].append(figure)
        rows.append(_score(round_, organisation_id, DIMENSION, figure, dimension_id=dimension_id))
    for organisation_id, parts in by_organisation.items():
        rows.append(_score(round_, organisation_id, TOTAL, _derived(parts, seen[(organisation_id, None)])))
    return rows


def _score(round_, organisation_id, level, figure, category_id=None, dimension_id=None):
    return OrganisationScore(
        round=round_,
        organisation_id=organisation_id,
        level=level,
        category_id=category_id,
        dimension_id=dimension_id,
        score=_bounded(figure["score"]),
        respondents=figure["respondents"],
        source=figure["source"],
    )


def group_scores(round_):
    """Unsaved GroupScore rows from the round's stored organisation scores (the whole city, and per kind).
    A group with no organisation at a level gets no row rather than a zero.

    "The whole city" is the city's own förvaltningar and bolag: an external organisation measured with the same
    model (a guest municipality, say) has its own results but is no part of the city's figure."""
    kind_of = dict(Organisation.objects.filter(maturity_scores__round=round_).distinct().values_list("pk", "kind"))
    figures = defaultdict(list)  # (group kind, level, category_id, dimension_id) -> [(score, respondents)]
    stored = OrganisationScore.objects.filter(round=round_).values_list(
        "organisation_id", "level", "category_id", "dimension_id", "score", "respondents"
    )
    for organisation_id, level, category_id, dimension_id, score, respondents in stored:
        if kind_of[organisation_id] not in (GroupScore.Kind.FORVALTNING, GroupScore.Kind.BOLAG):
            continue
        for kind in (GroupScore.Kind.ALL, GroupScore.Kind(kind_of[organisation_id])):
            figures[(kind, level, category_id, dimension_id)].append((score, respondents))
    return [
        GroupScore(
            round=round_,
            kind=kind,
            level=level,
            category_id=category_id,
            dimension_id=dimension_id,
            score=_bounded(fmean(score for score, _n in values)),
            organisations=len(values),
            respondents=sum(n for _score, n in values),
        )
        for (kind, level, category_id, dimension_id), values in figures.items()
    ]


def recompute_round(round_, organisations=None):
    """Store the round's organisation scores (for the given organisations, or all) and its group scores.

    One transaction; the round row is locked so two imports into the same round cannot interleave. Imported
    category rows are kept (they are input, not output); everything derived is replaced."""
    organisation_ids = None if organisations is None else [getattr(o, "pk", o) for o in organisations]
    with transaction.atomic():
        round_ = Round.objects.select_for_update().select_related("model").get(pk=round_.pk)
        stale = OrganisationScore.objects.filter(round=round_).exclude(level=CATEGORY, source=IMPORTED)
        if organisation_ids is not None:
            stale = stale.filter(organisation_id__in=organisation_ids)
        rows = organisation_scores(round_, organisation_ids)
        stale.delete()
        OrganisationScore.objects.bulk_create(rows, batch_size=1000)
        GroupScore.objects.filter(round=round_).delete()
        GroupScore.objects.bulk_create(group_scores(round_), batch_size=1000)
        # The start page's headline and the open data show the round's figures once it is published.
        transaction.on_commit(page_cache.purge)
        results_version.bump_on_commit()  # the dashboards' and exports' cached parts
    return round_
