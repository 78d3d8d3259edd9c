"""The maturity demo from `manage.py seed_demo`: two published demo rounds with synthetic answers from every
förvaltning and bolag, about 52 % group-wide in 2021 with bolag above förvaltningar, a couple of organisations below
the respondent threshold, national reference values with sources, and nothing new or changed on a second run.

Seeding runs once per module inside a transaction that is rolled back afterwards (as in tests/blogs)."""

import io
import os
import subprocess
import sys

import pytest
from wagtail import hooks
from wagtail.models import Site

from arena.blocks import LinkBlock
from arena.demo.seed import ensure_home_page
from arena.hooks import SEED_DEMO
from arena.models import Organisation, SiteSettings
from maturity import demo, demo_data
from maturity.models import (
    GroupScore,
    MaturityModel,
    NationalReference,
    OrganisationScore,
    Question,
    Response,
    Round,
    RoundParticipant,
)
from maturity.privacy import MIN_RESPONDENTS
from tests.factories import OrganisationFactory
from tests.helpers.demo import demo_seeded_twice

TOTAL = OrganisationScore.Level.TOTAL


def snapshot():
    scores = sorted(
        OrganisationScore.objects.values_list(
            "round__year", "organisation__slug", "level", "category__code", "dimension__code", "score", "respondents"
        ),
        key=str,
    )
    groups = sorted(
        GroupScore.objects.values_list(
            "round__year", "kind", "level", "category__code", "dimension__code", "score", "organisations"
        ),
        key=str,
    )
    return {
        "models": MaturityModel.objects.count(),
        "questions": Question.objects.count(),
        "rounds": Round.objects.count(),
        "participants": RoundParticipant.objects.count(),
        "responses": Response.objects.count(),
        "unanswered": Response.objects.filter(value__isnull=True).count(),
        "national": list(NationalReference.objects.order_by("pk").values_list("pk", "score", "source")),
        "scores": scores,
        "groups": groups,
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_seeded_twice(django_db_blocker, tmp_path_factory.mktemp("demo-media"), snapshot) as result:
        yield result


def group_total(year, kind=GroupScore.Kind.ALL):
    return GroupScore.objects.get(round__year=year, kind=kind, level=GroupScore.Level.TOTAL).score


def test_the_seeder_is_registered_by_the_app_itself():
    # In a fresh process: this module imports maturity.demo itself, which would hide a missing registration.
    code = (
        "import django; django.setup(); from wagtail import hooks; "
        "print(sorted(f'{s.__module__}.{s.__name__}' for s in hooks.get_hooks('arena_seed_demo')))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "arena.settings.test"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert "maturity.demo.seed_maturity_demo" in result.stdout
    assert demo.seed_maturity_demo in hooks.get_hooks(SEED_DEMO)


@pytest.mark.django_db
def test_second_run_creates_nothing_new_and_changes_no_score(seeded):
    assert seeded["second"] == seeded["first"]
    assert seeded["first"]["responses"] > 0
    assert "Digital mognad: demoomgångar 2020, 2021 med" in seeded["output"]
    assert "(0 nya)" in seeded["output"]


@pytest.mark.django_db
def test_two_published_demo_rounds_with_the_shipped_model(seeded):
    rounds = list(Round.objects.order_by("year"))
    assert [r.year for r in rounds] == [2020, 2021]
    for round_ in rounds:
        assert round_.status == Round.Status.PUBLISHED
        assert round_.is_demo
        assert "demodata" in round_.name
        assert round_.published_at.year == round_.year
        assert round_.model.slug == "dimios"
    assert list(Round.objects.published().order_by("-year").values_list("year", flat=True))[0] == 2021
    assert Question.objects.filter(category__dimension__model__slug="dimios").count() == 36


@pytest.mark.django_db
def test_2021_is_about_52_percent_with_bolag_above_forvaltningar(seeded):
    assert 50 <= group_total(2021) <= 54
    assert group_total(2021, GroupScore.Kind.BOLAG) > group_total(2021, GroupScore.Kind.FORVALTNING)
    assert group_total(2020, GroupScore.Kind.BOLAG) > group_total(2020, GroupScore.Kind.FORVALTNING)


@pytest.mark.django_db
def test_2020_is_somewhat_lower_than_2021(seeded):
    assert group_total(2021) - 6 < group_total(2020) < group_total(2021)


@pytest.mark.django_db
def test_every_forvaltning_and_bolag_takes_part_and_no_guest(seeded):
    expected = set(
        Organisation.objects.active()
        .filter(kind__in=[Organisation.Kind.FORVALTNING, Organisation.Kind.BOLAG])
        .values_list("pk", flat=True)
    )
    assert len(expected) >= 40
    for round_ in Round.objects.all():
        participants = round_.participants.all()
        assert {p.organisation_id for p in participants} == expected
        answered = set(Response.objects.filter(round=round_).values_list("organisation_id", flat=True).distinct())
        assert answered == expected
        totals = {s.organisation_id: s.respondents for s in OrganisationScore.objects.filter(round=round_, level=TOTAL)}
        for participant in participants:
            assert participant.invited >= totals[participant.organisation_id]
    assert not RoundParticipant.objects.filter(organisation__kind=Organisation.Kind.EXTERN).exists()


@pytest.mark.django_db
def test_a_couple_of_organisations_fall_below_the_respondent_threshold(seeded):
    for year in (2020, 2021):
        totals = OrganisationScore.objects.filter(round__year=year, level=TOTAL)
        small = totals.filter(respondents__lt=MIN_RESPONDENTS)
        assert 2 <= small.count() <= 3
        assert set(small.values_list("organisation__name", flat=True)) == set(demo_data.SMALL_ORGANISATIONS)
        others = totals.filter(respondents__gte=MIN_RESPONDENTS).values_list("respondents", flat=True)
        assert all(8 <= n <= 40 for n in others)
        # Small organisations still count in the group figure.
        assert GroupScore.objects.get(round__year=year, kind=GroupScore.Kind.ALL, level=TOTAL).organisations == (
            totals.count()
        )


@pytest.mark.django_db
def test_organisations_and_categories_spread_realistically(seeded):
    totals = list(OrganisationScore.objects.filter(round__year=2021, level=TOTAL).values_list("score", flat=True))
    assert max(totals) - min(totals) >= 15
    assert all(20 <= score <= 85 for score in totals)
    categories = GroupScore.objects.filter(round__year=2021, kind=GroupScore.Kind.ALL, level=GroupScore.Level.CATEGORY)
    assert categories.count() == 6
    spread = [group.score for group in categories]
    assert max(spread) - min(spread) >= 4
    unanswered = Response.objects.filter(value__isnull=True).count()
    assert 0 < unanswered < Response.objects.count() * 0.1


@pytest.mark.django_db
def test_national_references_have_sources_and_only_stated_figures(seeded):
    references = {r.round.year: r for r in NationalReference.objects.select_related("round")}
    assert set(references) == {2020, 2021}
    assert (references[2020].score, references[2021].score) == (53.0, 51.0)
    for reference in references.values():
        assert reference.category is None  # the note has totals only
        assert "Statusrapport 2022" in reference.source and "https://" in reference.source
        assert reference.source_year == 2022
    # The group is "slightly above the national average" in 2021, as the city reported.
    assert group_total(2021) > references[2021].score


@pytest.mark.django_db
def test_the_main_menu_only_holds_links_the_admin_accepts(seeded):
    site = Site.objects.get(is_default_site=True)
    block = LinkBlock()
    for item in SiteSettings.for_site(site).primary_navigation:
        block.clean(item.value)  # raises if an editor could not save the menu again


@pytest.mark.django_db
def test_menu_link_to_the_dashboards_is_added_once_when_the_menu_takes_paths(monkeypatch):
    home = ensure_home_page()
    monkeypatch.setattr(demo, "menu_accepts_local_paths", lambda: True)
    assert demo.add_maturity_to_main_menu(home) is True
    assert demo.add_maturity_to_main_menu(home) is False
    links = [item.value for item in SiteSettings.for_site(Site.objects.get(root_page=home)).primary_navigation]
    assert [(link["label"], link["url"]) for link in links if link["url"]] == [("Digital mognad", "/mognad/")]


@pytest.mark.django_db
def test_a_real_round_for_a_demo_year_is_left_alone():
    # Runs on an empty database or after the module's seeding (then the demo's 2021 round is replaced here).
    OrganisationFactory(name="Förvaltningen för mognadstester", kind=Organisation.Kind.FORVALTNING)
    model = demo.ensure_model()
    Round.objects.filter(model=model, year=2021).delete()
    real = Round.objects.create(model=model, year=2021, name="Digital mognad 2021", status=Round.Status.CLOSED)
    out = io.StringIO()
    demo.seed_maturity_demo(stdout=out)
    real.refresh_from_db()
    assert (real.name, real.status, real.is_demo) == ("Digital mognad 2021", Round.Status.CLOSED, False)
    assert not Response.objects.filter(round=real).exists()
    assert not NationalReference.objects.filter(round=real).exists()
    assert Round.objects.get(year=2020).responses.exists()
    assert "demoomgångar 2020 med" in out.getvalue()
