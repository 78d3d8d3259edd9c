"""Scoring on hand-computed examples. The small model (scale 1–5) has d1 = c1 (Q1, Q2) + c2 (Q3) and
d2 = c3 (Q4, on its own scale 0–10), so one answer is worth:

    scale 1–5:  1 → 0 %, 3 → 50 %, 4 → 75 %, 5 → 100 %
    scale 0–10: 0 → 0 %, 5 → 50 %, 10 → 100 %
"""

import pytest

from arena.models import Organisation
from maturity import privacy, queries
from maturity.models import GroupScore, OrganisationScore
from maturity.scoring import answer_percent, recompute_round
from tests.factories import OrganisationFactory
from tests.maturity.factories import RoundFactory, answer, build_model

pytestmark = pytest.mark.django_db


def scores(round_, organisation):
    """{"c1": 37.5, ..., "d1": ..., "total": ...} and respondents, for one organisation."""
    result = {}
    for row in OrganisationScore.objects.filter(round=round_, organisation=organisation).select_related(
        "category", "dimension"
    ):
        key = row.category.code if row.category else row.dimension.code if row.dimension else "total"
        result[key] = (pytest.approx(row.score), row.respondents, row.source)
    return result


def groups(round_, kind):
    result = {}
    for row in GroupScore.objects.filter(round=round_, kind=kind).select_related("category", "dimension"):
        key = row.category.code if row.category else row.dimension.code if row.dimension else "total"
        result[key] = (pytest.approx(row.score), row.organisations, row.respondents)
    return result


def test_answer_percent_rescales_to_the_questions_scale():
    assert answer_percent(1, 1, 7) == 0
    assert answer_percent(7, 1, 7) == 100
    assert answer_percent(4, 1, 7) == 50
    assert answer_percent(3, 0, 10) == 30


@pytest.fixture
def answered(small_round, forvaltning, bolag):
    # Förvaltning, respondent r1: c1 = mean(100, 50) = 75, c2 = 0, c3 = 100.
    answer(small_round, forvaltning, "r1", {"Q1": 5, "Q2": 3, "Q3": 1, "Q4": 10})
    # r2 leaves Q2 unanswered (ignored) and has no answer in c2 (does not count there): c1 = 0, c3 = 50.
    answer(small_round, forvaltning, "r2", {"Q1": 1, "Q2": None, "Q4": 5})
    # Bolag, r3: c1 = 75, c2 = 100, c3 = 0.
    answer(small_round, bolag, "r3", {"Q1": 4, "Q2": 4, "Q3": 5, "Q4": 0})
    recompute_round(small_round)
    return small_round


def test_organisation_scores_by_hand(answered, forvaltning, bolag):
    computed = OrganisationScore.Source.COMPUTED
    assert scores(answered, forvaltning) == {
        "c1": (37.5, 2, computed),  # (75 + 0) / 2
        "c2": (0, 1, computed),  # only r1 answered
        "c3": (75, 2, computed),  # (100 + 50) / 2
        "d1": (18.75, 2, computed),  # (37.5 + 0) / 2
        "d2": (75, 2, computed),
        "total": (46.875, 2, computed),  # (18.75 + 75) / 2
    }
    assert scores(answered, bolag) == {
        "c1": (75, 1, computed),
        "c2": (100, 1, computed),
        "c3": (0, 1, computed),
        "d1": (87.5, 1, computed),
        "d2": (0, 1, computed),
        "total": (43.75, 1, computed),
    }


def test_group_scores_are_means_over_organisations_also_per_kind(answered):
    assert groups(answered, GroupScore.Kind.ALL) == {
        "c1": (56.25, 2, 3),  # (37.5 + 75) / 2, 2 + 1 respondents
        "c2": (50, 2, 2),
        "c3": (37.5, 2, 3),
        "d1": (53.125, 2, 3),
        "d2": (37.5, 2, 3),
        "total": (45.3125, 2, 3),  # (46.875 + 43.75) / 2
    }
    assert groups(answered, GroupScore.Kind.FORVALTNING)["total"] == (46.875, 1, 2)
    assert groups(answered, GroupScore.Kind.BOLAG)["total"] == (43.75, 1, 1)


def test_an_external_organisation_has_results_but_no_part_in_the_citys_figures(answered):
    guest = OrganisationFactory(name="Helsingborgs stad", kind=Organisation.Kind.EXTERN)
    answer(answered, guest, "g1", {"Q1": 1, "Q2": 1, "Q3": 1, "Q4": 0})
    recompute_round(answered)

    assert scores(answered, guest)["total"] == (0, 1, OrganisationScore.Source.COMPUTED)
    assert groups(answered, GroupScore.Kind.ALL)["total"] == (45.3125, 2, 3)  # as without the guest
    assert set(GroupScore.objects.filter(round=answered).values_list("kind", flat=True)) == {
        GroupScore.Kind.ALL,
        GroupScore.Kind.FORVALTNING,
        GroupScore.Kind.BOLAG,
    }


def test_a_respondent_who_answered_nothing_counts_nowhere(small_round, forvaltning):
    answer(small_round, forvaltning, "r1", {"Q1": 5, "Q2": 5, "Q3": 5, "Q4": 10})
    answer(small_round, forvaltning, "blank", {"Q1": None, "Q2": None, "Q3": None, "Q4": None})
    recompute_round(small_round)
    assert scores(small_round, forvaltning)["total"] == (100, 1, OrganisationScore.Source.COMPUTED)


def test_the_threshold_hides_small_organisations_but_they_count_in_the_group(small_round, forvaltning, bolag):
    for n in range(privacy.MIN_RESPONDENTS):  # five respondents: shown
        answer(small_round, forvaltning, f"f{n}", {"Q1": 5, "Q2": 5, "Q3": 5, "Q4": 10})
    for n in range(privacy.MIN_RESPONDENTS - 1):  # four: never shown on its own
        answer(small_round, bolag, f"b{n}", {"Q1": 1, "Q2": 1, "Q3": 1, "Q4": 0})
    recompute_round(small_round)

    stored = OrganisationScore.objects.filter(round=small_round)
    assert set(privacy.visible(stored).values_list("organisation", flat=True)) == {forvaltning.pk}
    assert set(privacy.hidden(stored).values_list("organisation", flat=True)) == {bolag.pk}
    assert not privacy.is_visible(4) and privacy.is_visible(5)

    total = GroupScore.objects.get(round=small_round, kind=GroupScore.Kind.ALL, level=GroupScore.Level.TOTAL)
    assert (total.score, total.organisations, total.respondents) == (50, 2, 9)  # (100 + 0) / 2
    # Stored, but never published: two organisations are too few for a group figure (privacy.py).
    assert queries.group_figures([small_round]).rows() == []


def test_a_model_with_another_scale(forvaltning):
    model = build_model(slug="tiogradig", scale=(0, 10), structure={"a": {"x": ["X1", "X2"]}, "b": {"y": ["Y1"]}})
    round_ = RoundFactory(model=model)
    answer(round_, forvaltning, "r1", {"X1": 10, "X2": 4, "Y1": 3})  # x = (100 + 40) / 2 = 70, y = 30
    answer(round_, forvaltning, "r2", {"X1": 0, "X2": 6, "Y1": 7})  # x = (0 + 60) / 2 = 30, y = 70
    recompute_round(round_)
    result = scores(round_, forvaltning)
    assert result["x"][0] == 50 and result["y"][0] == 50 and result["total"][0] == 50


def test_imported_results_give_dimensions_totals_and_count_in_groups(small_round, forvaltning, bolag):
    answer(small_round, forvaltning, "r1", {"Q1": 5, "Q2": 5, "Q3": 5, "Q4": 10})  # 100 everywhere
    categories = {c.code: c for c in small_round.model.dimensions.get(code="d1").categories.all()}
    categories["c3"] = small_round.model.dimensions.get(code="d2").categories.get()
    imported = OrganisationScore.Source.IMPORTED
    for code, score, respondents in [("c1", 60, 8), ("c2", 40, 7), ("c3", 90, 6)]:
        OrganisationScore.objects.create(
            round=small_round,
            organisation=bolag,
            level=OrganisationScore.Level.CATEGORY,
            category=categories[code],
            score=score,
            respondents=respondents,
            source=imported,
        )
    recompute_round(small_round)

    result = scores(small_round, bolag)
    assert result["c1"] == (60, 8, imported)  # kept as imported
    assert result["d1"] == (50, 8, imported)  # (60 + 40) / 2, the largest category's respondents
    assert result["d2"] == (90, 6, imported)
    assert result["total"] == (70, 8, imported)
    assert groups(small_round, GroupScore.Kind.ALL)["total"] == (85, 2, 9)  # (100 + 70) / 2
    assert groups(small_round, GroupScore.Kind.BOLAG)["c2"] == (40, 1, 7)


def test_recompute_is_idempotent_and_can_be_limited_to_organisations(answered, forvaltning, bolag):
    before = sorted(OrganisationScore.objects.filter(round=answered).values_list("organisation", "level", "score"))
    recompute_round(answered)
    recompute_round(answered, organisations=[bolag])
    after = sorted(OrganisationScore.objects.filter(round=answered).values_list("organisation", "level", "score"))
    assert before == after
    assert GroupScore.objects.filter(round=answered, kind=GroupScore.Kind.ALL).count() == 6


def test_recompute_query_count_does_not_grow_with_answers(small_round, django_assert_max_num_queries):
    organisations = [OrganisationFactory() for _ in range(3)]
    for index, organisation in enumerate(organisations):
        answer(small_round, organisation, "r1", {"Q1": 3, "Q2": 4, "Q3": 5, "Q4": 6})
        if index:
            for n in range(20):
                answer(small_round, organisation, f"x{n}", {"Q1": 1, "Q2": 2, "Q3": 3, "Q4": 4})
    single = build_model(slug="enkel")
    small = RoundFactory(model=single)
    answer(small, organisations[0], "r1", {"Q1": 3})
    with django_assert_max_num_queries(12) as few:
        recompute_round(small)
    with django_assert_max_num_queries(len(few.captured_queries)):
        recompute_round(small_round)
