"""The rule for group figures (maturity/privacy.py): a group figure is published only when it rests on at least
3 organisations and 5 respondents, and no published figure lets anyone work out a hidden organisation's result by
subtraction. Checked on the rule itself, and over HTTP on the open data, the dashboards and the exports with the
two rounds of the issue: one förvaltning, and two bolag of which one is hidden."""

import csv
import io
import json

import pytest

from arena.models import Organisation
from maturity import privacy, queries
from maturity.models import GroupScore, OrganisationScore
from maturity.scoring import group_scores
from tests.helpers.maturity_data import (
    add_national,
    add_results,
    add_round,
    analyst_user,
    build_model,
    categories_of,
    flat_scores,
    organisations,
    scenario,
)

pytestmark = pytest.mark.django_db

ALL, F, B = "all", "forvaltning", "bolag"


def rule(*figures):
    return privacy.publishable_groups(list(figures), whole=ALL, parts=(F, B))


def backing(organisations, respondents=None, hidden=0, hidden_respondents=0):
    return privacy.Backing(organisations, respondents or organisations * 10, hidden, hidden_respondents)


# --- The rule on its own ------------------------------------------------------------------------------------------


def test_groups_of_three_or_more_are_all_published():
    assert rule({ALL: backing(6), F: backing(3), B: backing(3)}) == {ALL, F, B}


def test_a_kind_of_two_takes_its_other_kind_with_it():
    # Förvaltningar (2) may not stand; with the whole city and bolag published it would be their difference.
    assert rule({ALL: backing(22), F: backing(2), B: backing(20)}) == {ALL}


def test_the_respondent_threshold_applies_to_groups_too():
    assert rule({ALL: backing(8), F: backing(4), B: backing(4, respondents=4)}) == {ALL}


def test_a_single_hidden_member_withholds_every_group_it_is_in():
    # Bolag: 5, one of them hidden. Bolag minus the four shown ones is the hidden one; so is the whole city minus
    # every shown organisation. Förvaltningar alone give nothing away.
    figure = {ALL: backing(10, hidden=1, hidden_respondents=3), F: backing(5), B: backing(5, 0, 1, 3)}
    assert rule(figure) == {F}


def test_two_hidden_members_with_enough_respondents_together_may_be_in_a_group():
    hidden = {"hidden": 2, "hidden_respondents": 7}
    assert rule({ALL: backing(10, **hidden), F: backing(5, **hidden), B: backing(5)}) == {ALL, F, B}
    few = {"hidden": 2, "hidden_respondents": 4}
    assert rule({ALL: backing(10, **few), F: backing(5, **few), B: backing(5)}) == {B}


def test_a_group_is_published_whole_or_not_at_all():
    total = {ALL: backing(6), F: backing(3), B: backing(3)}
    # One category answered by two organisations only: the total is a mean over the categories, so it could be
    # used to work the category back out; nothing of any group is published.
    sparse_category = {ALL: backing(2), F: backing(1), B: backing(1)}
    assert rule(total, sparse_category) == set()


def test_without_bolag_the_city_and_forvaltningar_are_the_same_group():
    assert rule({ALL: backing(4), F: backing(4)}) == {ALL, F}
    assert rule({ALL: backing(2), F: backing(2)}) == set()


def test_nothing_to_publish_without_figures():
    assert rule() == set()


# --- Two rounds from the issue, over HTTP ---------------------------------------------------------------------------


def store_groups(round_):
    """The group figures as scoring stores them, from the organisations' stored figures."""
    GroupScore.objects.bulk_create(group_scores(round_))


@pytest.fixture
def one_forvaltning(db):
    """2021: one förvaltning (49.5 %, enough respondents) and four bolag."""
    model = build_model()
    categories = categories_of(model)
    round_ = add_round(model, 2021)
    forvaltning = organisations(1)[0]
    add_results(round_, forvaltning, flat_scores(categories, 49.5, 4), respondents=12, categories=categories)
    for index, company in enumerate(organisations(4, kind=Organisation.Kind.BOLAG, prefix="Bolag")):
        add_results(round_, company, flat_scores(categories, 60 + index, 4), respondents=10, categories=categories)
    store_groups(round_)
    return round_, forvaltning


@pytest.fixture
def two_bolag_one_hidden(db):
    """2021: four förvaltningar, and two bolag of which one has 3 respondents (hidden)."""
    model = build_model()
    categories = categories_of(model)
    round_ = add_round(model, 2021)
    for index, forvaltning in enumerate(organisations(4)):
        add_results(round_, forvaltning, flat_scores(categories, 45 + index, 4), respondents=10, categories=categories)
    shown, hidden = organisations(2, kind=Organisation.Kind.BOLAG, prefix="Bolag")
    add_results(round_, shown, flat_scores(categories, 58.0, 4), respondents=10, categories=categories)
    add_results(round_, hidden, flat_scores(categories, 33.0, 4), respondents=3, categories=categories)
    add_national(round_, 51, "Statusrapport 2022", 2022)
    store_groups(round_)
    return round_, shown, hidden


def open_data_groups(client):
    response = client.get("/mognad/oppna-data.json")
    assert response.status_code == 200
    (round_document,) = json.loads(response.content)["rounds"]
    return round_document["groups"]


def figures_in(group):
    yield group["total"]
    yield from group["dimensions"]
    yield from group["categories"]


def assert_no_small_group_figure(groups):
    for group in groups:
        for figure in figures_in(group):
            assert figure["organisations"] >= privacy.MIN_ORGANISATIONS_IN_GROUP, group["group"]


@pytest.fixture
def analyst_client(client):
    client.force_login(analyst_user(username="analytiker"))
    return client


def test_one_forvaltning_is_not_published_as_a_group(client, one_forvaltning):
    groups = open_data_groups(client)
    # Förvaltningar would be the organisation's own 49.5; bolag next to the whole city would give it away too.
    assert [group["group"] for group in groups] == ["all"]
    assert groups[0]["total"]["organisations"] == 5
    assert_no_small_group_figure(groups)


def test_one_forvaltning_on_the_dashboards_and_in_the_exports(analyst_client, one_forvaltning):
    round_, forvaltning = one_forvaltning
    html = analyst_client.get("/mognad/").content.decode()
    assert "(n = 1)" not in html and "(n = 4)" not in html
    assert "(n = 5)" in html  # the whole city
    categories = html.split('id="categories"', 1)[1].split("</section>", 1)[0]
    assert "Förvaltningar" not in categories and "Bolag" not in categories
    assert "Förvaltningar och bolag visas inte var för sig för den här omgången." in html
    assert (
        "En gruppsiffra (hela staden, förvaltningar, bolag) visas bara när den bygger på minst 3 organisationer" in html
    )
    own = analyst_client.get(f"/mognad/{forvaltning.slug}/").content.decode()
    assert "Förvaltningar (n = 1)" not in own and "(n = 1)" not in own
    export = analyst_client.get("/mognad/export.csv").content.decode("utf-8-sig")
    names = [row[0] for row in csv.reader(io.StringIO(export), delimiter=";")][1:]
    assert names == sorted(names) and len(names) == 5  # organisations only, no group rows


def test_two_bolag_one_hidden_is_not_published_as_a_group(client, two_bolag_one_hidden):
    groups = open_data_groups(client)
    # Bolag (2) is too small, and the whole city minus the five shown organisations is the hidden bolag's result.
    assert [group["group"] for group in groups] == ["forvaltning"]
    assert_no_small_group_figure(groups)
    assert "33.0" not in json.dumps(groups)


def test_two_bolag_one_hidden_on_the_dashboards_and_in_the_exports(analyst_client, two_bolag_one_hidden):
    round_, shown, hidden = two_bolag_one_hidden
    html = analyst_client.get("/mognad/").content.decode()
    assert "Inget resultat för hela staden visas för 2021." in html
    assert "(n = 6)" not in html and "(n = 2)" not in html
    assert "(n = 4)" in html  # förvaltningar
    page = analyst_client.get(f"/mognad/{shown.slug}/").content.decode()
    assert "Bolag (n = 2)" not in page and "Hela staden (n = 6)" not in page
    assert "<dt>Hela staden</dt><dd>–</dd>" in page
    export = analyst_client.get("/mognad/export.csv").content.decode("utf-8-sig")
    row = next(line for line in export.splitlines() if line.startswith(hidden.name))
    assert "För få svar" in row and "33,0" not in export


def test_the_trend_of_the_whole_city_has_a_gap_where_it_is_withheld(analyst_client, two_bolag_one_hidden):
    trend = analyst_client.get("/mognad/").content.decode().split('id="trend"', 1)[1].split("</table>", 1)[0]
    row = trend.split('<th scope="row">2021</th>', 1)[1].split("</tr>", 1)[0]
    assert row.count("–") == 1  # the whole city; förvaltningar and the national value are shown


def test_a_second_step_of_subtraction_is_caught(client, org_a, org_b):
    """In the scenario the two small förvaltningar are hidden together (6 respondents). When one of them turns
    out to have enough respondents, the other is alone: förvaltningar and the whole city are withheld."""
    data = scenario(org_a, org_b)
    assert [
        group["group"] for group in json.loads(client.get("/mognad/oppna-data.json").content)["rounds"][-1]["groups"]
    ] == [
        "all",
        "forvaltning",
        "bolag",
    ]
    OrganisationScore.objects.filter(round=data.round_2021, organisation=data.small_2).update(respondents=8)
    document = json.loads(client.get("/mognad/oppna-data.json").content)
    assert [group["group"] for group in document["rounds"][-1]["groups"]] == ["bolag"]
    assert [group["group"] for group in document["rounds"][0]["groups"]] == ["all", "forvaltning", "bolag"]


# --- The start page's headline --------------------------------------------------------------------------------------


def test_headline_is_the_city_against_national_totals(db):
    assert queries.headline() is None
    model = build_model()
    categories = categories_of(model)
    round_ = add_round(model, 2021)
    for index, organisation in enumerate(organisations(3)):
        add_results(round_, organisation, flat_scores(categories, 50 + index), respondents=10, categories=categories)
    store_groups(round_)
    add_national(round_, 51, "Statusrapport 2022", 2022)
    add_national(round_, 40, "Statusrapport 2022", 2022, category=categories[0])
    headline = queries.headline()
    assert headline.round == round_
    assert (round(headline.city.score, 1), headline.city.organisations) == (51.0, 3)
    assert [(reference.score, reference.category_id) for reference in headline.national] == [(51, None)]


def test_headline_follows_the_rule(two_bolag_one_hidden):
    headline = queries.headline()
    assert headline.round == two_bolag_one_hidden[0]
    assert headline.city is None
    assert [reference.score for reference in headline.national] == [51]


# --- Organisations: shown whole or not at all -----------------------------------------------------------------------


def test_an_organisation_with_a_category_below_the_threshold_is_not_shown(analyst_client, org_a, org_b):
    """Org B has 12 respondents, but only 4 answered in Effektivitet: its total next to its other categories
    would give that category away, so nothing of it is shown (it still counts in the group figures)."""
    data = scenario(org_a, org_b)
    OrganisationScore.objects.filter(
        round=data.round_2021, organisation=data.org_b, category=data.categories[0]
    ).update(respondents=4)
    html = analyst_client.get("/mognad/").content.decode()
    row = html.split(f">{data.org_b.name}</a></th>", 1)[1].split("</tr>", 1)[0]
    assert "För få svar" in row and "52,3" not in row
    assert "4 organisationer har minst 5 svarande" in html.split('id="distribution"', 1)[1]  # not org B
    page = analyst_client.get(f"/mognad/{data.org_b.slug}/").content.decode()
    assert "svarade färre än 5 personer på Stadsbyggnadsförvaltningen på frågorna i minst en kategori" in page
    assert 'id="org-categories"' not in page
    export = analyst_client.get("/mognad/export.csv").content.decode("utf-8-sig")
    line = next(line for line in export.splitlines() if line.startswith(data.org_b.name))
    assert line.endswith("För få svar") and "52,3" not in line
    # The 2020 round is not affected.
    assert "50,0\u00a0%" in analyst_client.get(f"/mognad/{data.org_b.slug}/", {"omgang": "2020"}).content.decode()
