"""Maturity test data: the shipped DiMiOS-style model file, and builders for the dashboard tests: a two-dimension
model and STORED results (OrganisationScore / GroupScore rows inserted directly), so the dashboards can be tested
without answers or recomputation."""

import itertools
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from arena.models import Organisation
from maturity.models import (
    Category,
    Dimension,
    GroupScore,
    MaturityModel,
    NationalReference,
    OrganisationScore,
    Round,
    RoundParticipant,
)
from tests.factories import OrganisationFactory

DIMIOS_FILE = Path(__file__).resolve().parents[2] / "maturity" / "model_files" / "dimios.yaml"

CATEGORY, DIMENSION, TOTAL = (
    OrganisationScore.Level.CATEGORY,
    OrganisationScore.Level.DIMENSION,
    OrganisationScore.Level.TOTAL,
)
STRUCTURE = {
    ("formaga", "Digital förmåga"): [
        ("effektivitet", "Effektivitet", "effektivisering"),
        ("innovation", "Innovation", "innovation"),
        ("balansering", "Balansering", "styrning"),
    ],
    ("arv", "Digitalt arv"): [
        ("organisation", "Organisation", "kompetens"),
        ("anvandare", "Användare", "användare"),
        ("teknik", "Teknik", "informationssäkerhet"),
    ],
}
_names = itertools.count(1)


def build_model(slug="dash-dimios", name="Testmodell för mognad"):
    """Two dimensions × three categories (the DiMiOS shape), each category with one blog tag."""
    model = MaturityModel.objects.create(slug=slug, name=name, version="1", scale_min=1, scale_max=7)
    for dim_order, ((dim_code, dim_name), categories) in enumerate(STRUCTURE.items()):
        dimension = Dimension.objects.create(model=model, code=dim_code, name=dim_name, sort_order=dim_order)
        for order, (code, category_name, tag) in enumerate(categories):
            Category.objects.create(
                dimension=dimension,
                code=code,
                name=category_name,
                sort_order=order,
                tags=tag,
                reconstructed=dim_code == "arv",
            )
    return model


def categories_of(model):
    return list(
        Category.objects.filter(dimension__model=model)
        .select_related("dimension")
        .order_by("dimension__sort_order", "sort_order")
    )


def add_round(model, year, status=Round.Status.PUBLISHED, is_demo=False, name=None):
    return Round.objects.create(
        model=model, year=year, name=name or f"Digital mognad {year}", status=status, is_demo=is_demo
    )


def organisations(count, kind=Organisation.Kind.FORVALTNING, prefix="Förvaltning"):
    return [OrganisationFactory(name=f"{prefix} {next(_names)}", kind=kind) for _ in range(count)]


def _levels(categories, category_scores):
    """(category rows, dimension rows, total) from per-category scores: dimension = mean of its categories,
    total = mean of the dimensions (the documented scoring rule)."""
    by_dimension = {}
    for category in categories:
        by_dimension.setdefault(category.dimension, []).append(category_scores[category.code])
    dimension_scores = {dimension: fmean(scores) for dimension, scores in by_dimension.items()}
    return dimension_scores, fmean(dimension_scores.values())


def organisation_score_rows(round_, organisation, categories, category_scores, respondents):
    dimension_scores, total = _levels(categories, category_scores)
    rows = [
        OrganisationScore(
            round=round_,
            organisation=organisation,
            level=CATEGORY,
            category=category,
            score=category_scores[category.code],
            respondents=respondents,
        )
        for category in categories
    ]
    rows += [
        OrganisationScore(
            round=round_,
            organisation=organisation,
            level=DIMENSION,
            dimension=dimension,
            score=score,
            respondents=respondents,
        )
        for dimension, score in dimension_scores.items()
    ]
    rows.append(
        OrganisationScore(round=round_, organisation=organisation, level=TOTAL, score=total, respondents=respondents)
    )
    return rows


def flat_scores(categories, total, spread=0.0):
    """Category scores around a total: −spread, 0 and +spread within each dimension, so every mean equals total."""
    offsets = (-spread, 0.0, spread)
    return {category.code: total + offsets[category.sort_order % 3] for category in categories}


def add_results(round_, organisation, category_scores, respondents=10, invited=20, categories=None):
    """One organisation's stored results in a round, with its participation."""
    categories = categories or categories_of(round_.model)
    RoundParticipant.objects.create(round=round_, organisation=organisation, invited=invited)
    OrganisationScore.objects.bulk_create(
        organisation_score_rows(round_, organisation, categories, category_scores, respondents)
    )


def add_group(round_, kind, category_scores, organisations_count, respondents, categories=None):
    categories = categories or categories_of(round_.model)
    dimension_scores, total = _levels(categories, category_scores)
    common = {"round": round_, "kind": kind, "organisations": organisations_count, "respondents": respondents}
    rows = [GroupScore(level=CATEGORY, category=c, score=category_scores[c.code], **common) for c in categories]
    rows += [GroupScore(level=DIMENSION, dimension=d, score=s, **common) for d, s in dimension_scores.items()]
    rows.append(GroupScore(level=TOTAL, score=total, **common))
    GroupScore.objects.bulk_create(rows)


def add_national(round_, score, source, source_year=None, category=None):
    return NationalReference.objects.create(
        round=round_, score=score, source=source, source_year=source_year, category=category
    )


def populate(model, years, forvaltningar, bolag, small=()):
    """Stored results for many organisations and rounds in a few bulk inserts: every organisation in every round,
    förvaltningar around 48 %, bolag around 56 %, `small` organisations with 3 respondents."""
    categories = categories_of(model)
    rounds = [add_round(model, year) for year in years]
    participants, scores = [], []
    for round_index, round_ in enumerate(rounds):
        for index, organisation in enumerate([*forvaltningar, *bolag]):
            base = (56 if organisation.kind == Organisation.Kind.BOLAG else 48) + round_index + (index % 7) - 3
            respondents = 3 if organisation in small else 8 + index % 20
            participants.append(RoundParticipant(round=round_, organisation=organisation, invited=respondents + 5))
            scores += organisation_score_rows(
                round_, organisation, categories, flat_scores(categories, base, 4), respondents
            )
        for kind, members, level in (
            (GroupScore.Kind.ALL, [*forvaltningar, *bolag], 51),
            (GroupScore.Kind.FORVALTNING, forvaltningar, 48),
            (GroupScore.Kind.BOLAG, bolag, 56),
        ):
            if members:
                add_group(
                    round_,
                    kind,
                    flat_scores(categories, level + round_index, 3),
                    len(members),
                    10 * len(members),
                    categories,
                )
        add_national(round_, 47 + round_index, "Statusrapport (test)", years[round_index] + 1)
    RoundParticipant.objects.bulk_create(participants)
    OrganisationScore.objects.bulk_create(scores, batch_size=2000)
    return rounds


def analyst_user(**kwargs):
    """A user with the "view maturity results" permission (what analysts get), through a group."""
    from django.contrib.auth.models import Group, Permission

    from tests.factories import UserFactory

    group, _created = Group.objects.get_or_create(name="Mognadsläsare (test)")
    group.permissions.add(Permission.objects.get(content_type__app_label="maturity", codename="view_maturity_results"))
    user = UserFactory(**kwargs)
    user.groups.add(group)
    return user


@dataclass
class Scenario:
    model: MaturityModel
    categories: list
    round_2020: Round
    round_2021: Round
    unpublished: Round
    org_a: Organisation
    org_b: Organisation
    company: Organisation
    small: Organisation
    small_2: Organisation
    companies: list  # the two other bolag


def _organisation(name, kind):
    # The browser tests' demo site already has the city's real organisations.
    return Organisation.objects.filter(name=name).first() or OrganisationFactory(name=name, kind=kind)


def scenario(org_a, org_b):
    """Two published demo rounds (2020, 2021) and a closed 2022 round, with seven organisations:
    org_a 40 → 45,5 (+5,5), org_b 50 → 52,25, the bolag Higab AB 60 → 58, Liseberg AB 54 → 55 and Göteborgs Hamn AB
    53 → 49, and two small förvaltningar with 3 respondents each (never shown on their own). So every group figure
    may be published (privacy.py): the whole city has 7 organisations, förvaltningar 4 (two of them hidden, with 6
    respondents together) and bolag 3. National values from two sources, each its own series."""
    model = build_model()
    categories = categories_of(model)
    company = _organisation("Higab AB", Organisation.Kind.BOLAG)
    companies = [_organisation(name, Organisation.Kind.BOLAG) for name in ("Liseberg AB", "Göteborgs Hamn AB")]
    small = OrganisationFactory(name="Lilla nämndens förvaltning", kind=Organisation.Kind.FORVALTNING)
    small_2 = OrganisationFactory(name="Lilla styrelsens förvaltning", kind=Organisation.Kind.FORVALTNING)
    round_2020 = add_round(model, 2020, is_demo=True)
    round_2021 = add_round(model, 2021, is_demo=True)
    unpublished = add_round(model, 2022, status=Round.Status.CLOSED)
    liseberg, hamn = companies
    for round_, totals in (
        (round_2020, {org_a: 40, org_b: 50, company: 60, liseberg: 54, hamn: 53, small: 30, small_2: 35}),
        (round_2021, {org_a: 45.5, org_b: 52.25, company: 58, liseberg: 55, hamn: 49, small: 20, small_2: 25}),
        (unpublished, {org_a: 90, org_b: 90, company: 90, liseberg: 90, hamn: 90, small: 90, small_2: 90}),
    ):
        for organisation, total in totals.items():
            add_results(
                round_,
                organisation,
                flat_scores(categories, total, spread=6),
                respondents=3 if organisation in (small, small_2) else 12,
                invited=16,
                categories=categories,
            )
    # Group figures as scoring.recompute_round would store them (the small organisations count here).
    add_group(round_2020, GroupScore.Kind.ALL, flat_scores(categories, 45.0, 5), 7, 66, categories)
    add_group(round_2020, GroupScore.Kind.FORVALTNING, flat_scores(categories, 40.0, 5), 4, 30, categories)
    add_group(round_2020, GroupScore.Kind.BOLAG, flat_scores(categories, 60.0, 5), 3, 36, categories)
    add_group(round_2021, GroupScore.Kind.ALL, flat_scores(categories, 52.3, 5), 7, 66, categories)
    add_group(round_2021, GroupScore.Kind.FORVALTNING, flat_scores(categories, 47.75, 5), 4, 30, categories)
    add_group(round_2021, GroupScore.Kind.BOLAG, flat_scores(categories, 58.0, 5), 3, 36, categories)
    add_group(unpublished, GroupScore.Kind.ALL, flat_scores(categories, 91.0, 0), 7, 66, categories)
    add_national(round_2020, 53, "Statusrapport 2022", 2022)
    add_national(round_2021, 51, "Statusrapport 2022", 2022)
    add_national(round_2021, 46, "Statusrapport 2023", 2023)
    add_national(unpublished, 77, "Opublicerad källa", 2024)
    return Scenario(
        model, categories, round_2020, round_2021, unpublished, org_a, org_b, company, small, small_2, companies
    )
