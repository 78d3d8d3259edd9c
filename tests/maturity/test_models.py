"""Database rules of the maturity models: scales, one stored score per level, uniqueness, published rounds,
and the analysts' permissions."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from arena.roles import ANALYSTS
from maturity.models import GroupScore, NationalReference, OrganisationScore, Question, Round
from maturity.roles import ANALYST_PERMISSIONS, grant_analyst_permissions
from tests.maturity.factories import MaturityModelFactory, RoundFactory, build_model

pytestmark = pytest.mark.django_db


def refused(model, **kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(**kwargs)


def test_the_scale_must_go_upwards():
    with pytest.raises(IntegrityError), transaction.atomic():
        MaturityModelFactory(scale_min=5, scale_max=5)


def test_a_question_scale_override_needs_both_ends(small_model):
    category = small_model.dimensions.first().categories.first()
    refused(Question, category=category, code="X", text="x", scale_min=1)
    assert Question.objects.get(code="Q4").scale() == (0, 10)
    assert Question.objects.get(code="Q1").scale(small_model) == (1, 5)


def test_one_score_per_level_and_target(small_round, forvaltning):
    category = small_round.model.dimensions.first().categories.first()
    base = {"round": small_round, "organisation": forvaltning, "score": 50, "respondents": 5}
    OrganisationScore.objects.create(**base, level="category", category=category)
    refused(OrganisationScore, **base, level="category", category=category)
    refused(OrganisationScore, **base, level="total", category=category)  # a total names no category
    refused(OrganisationScore, **base, level="category")  # a category score names its category
    refused(OrganisationScore, **{**base, "score": 101}, level="total")
    OrganisationScore.objects.create(**base, level="total")
    refused(OrganisationScore, **base, level="total")


def test_group_scores_are_unique_per_kind_and_level(small_round):
    GroupScore.objects.create(round=small_round, kind="all", level="total", score=50, organisations=3)
    GroupScore.objects.create(round=small_round, kind="bolag", level="total", score=60, organisations=1)
    refused(GroupScore, round=small_round, kind="all", level="total", score=40, organisations=3)


def test_national_references_are_unique_per_source_also_for_the_total(small_round):
    NationalReference.objects.create(round=small_round, score=47, source="Statusrapport 2023", source_year=2023)
    NationalReference.objects.create(round=small_round, score=51, source="Statusrapport 2022", source_year=2022)
    refused(NationalReference, round=small_round, score=48, source="Statusrapport 2023")


def test_a_national_reference_category_must_belong_to_the_rounds_model(small_round):
    other = build_model(slug="annan", structure={"x": {"annan-kategori": ["A1"]}})
    reference = NationalReference(
        round=small_round, category=other.dimensions.get().categories.get(), score=50, source="Källa"
    )
    with pytest.raises(ValidationError) as error:
        reference.full_clean()
    assert "Kategorin hör till en annan modell än omgången." in error.value.message_dict["category"]


def test_publishing_a_round_sets_its_date_once(small_model):
    round_ = RoundFactory(model=small_model, status=Round.Status.CLOSED)
    assert round_.published_at is None and not Round.objects.published().exists()
    round_.status = Round.Status.PUBLISHED
    round_.save()
    first = round_.published_at
    assert first is not None and list(Round.objects.published()) == [round_]
    round_.notes = "Rättad"
    round_.save()
    assert round_.published_at == first
    assert Round.Status.OPEN.label == "Öppen" and Round.Status.PUBLISHED.label == "Publicerad"


def test_analysts_get_their_permissions_idempotently():
    grant_analyst_permissions()
    group = grant_analyst_permissions()
    assert group.name == ANALYSTS
    codenames = set(Group.objects.get(name=ANALYSTS).permissions.values_list("codename", flat=True))
    assert {codename for _app, codename in ANALYST_PERMISSIONS} <= codenames
    assert "access_admin" in codenames
