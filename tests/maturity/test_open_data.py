"""/mognad/oppna-data.json: public, group-level results of published rounds only, valid against the documented
schema (maturity/open_data.schema.json), no organisation-level data, cacheable."""

import json
from pathlib import Path

import jsonschema
import pytest

from maturity.models import GroupScore
from tests.helpers.maturity_data import scenario

pytestmark = pytest.mark.django_db
URL = "/mognad/oppna-data.json"
SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "maturity" / "open_data.schema.json").read_text())


@pytest.fixture
def data(org_a, org_b):
    return scenario(org_a, org_b)


def fetch(client, **headers):
    response = client.get(URL, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response, json.loads(response.content)


def test_public_and_valid_against_the_schema(client, data):
    _response, document = fetch(client)
    jsonschema.validate(document, SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert document["unit"] == "percent_of_optimal_conditions"
    assert document["min_respondents"] == 5
    assert document["min_organisations_in_group"] == 3


def test_published_rounds_only(client, data):
    _response, document = fetch(client)
    assert [round_["year"] for round_ in document["rounds"]] == [2020, 2021]
    assert all(round_["demo"] for round_ in document["rounds"])
    text = json.dumps(document, ensure_ascii=False)
    assert "2022" not in [str(round_["year"]) for round_ in document["rounds"]]
    assert "Opublicerad källa" not in text
    assert "91.0" not in text


def test_group_figures_with_n_per_kind_and_level(client, data):
    _response, document = fetch(client)
    latest = document["rounds"][-1]
    groups = {group["group"]: group for group in latest["groups"]}
    assert set(groups) == {"all", "forvaltning", "bolag"}
    assert groups["all"]["total"] == {"score": 52.3, "organisations": 7, "respondents": 66}
    assert groups["bolag"]["label"] == "Bolag"
    assert [item["dimension"] for item in groups["all"]["dimensions"]] == ["formaga", "arv"]
    categories = {item["category"]: item for item in groups["forvaltning"]["categories"]}
    assert categories["effektivitet"] == {
        "category": "effektivitet",
        "score": 42.8,
        "organisations": 4,
        "respondents": 30,
    }
    assert {category["code"]: category["reconstructed"] for category in latest["categories"]}["teknik"] is True


def test_national_references_keep_their_sources(client, data):
    _response, document = fetch(client)
    latest = document["rounds"][-1]
    assert latest["national_references"] == [
        {"source": "Statusrapport 2022", "source_year": 2022, "category": None, "score": 51.0},
        {"source": "Statusrapport 2023", "source_year": 2023, "category": None, "score": 46.0},
    ]


def test_no_organisation_level_data(client, data):
    response, _document = fetch(client)
    text = response.content.decode()
    for organisation in (data.org_a, data.org_b, data.company, data.small, data.small_2, *data.companies):
        assert organisation.name not in text
        assert organisation.slug not in text


def test_groups_below_the_threshold_are_left_out_with_their_other_kind(client, data):
    GroupScore.objects.filter(round=data.round_2021, kind=GroupScore.Kind.BOLAG).update(respondents=4)
    _response, document = fetch(client)
    assert [group["group"] for group in document["rounds"][-1]["groups"]] == ["all"]
    assert [group["group"] for group in document["rounds"][0]["groups"]] == ["all", "forvaltning", "bolag"]


def test_cacheable_with_an_etag(client, data):
    response, _document = fetch(client)
    assert "public" in response["Cache-Control"]
    assert "max-age=3600" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    again = client.get(URL, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_logged_in_users_get_the_same_document(client, data, writer_a):
    anonymous = client.get(URL).content
    client.force_login(writer_a)
    assert client.get(URL).content == anonymous


def test_empty_when_nothing_is_published(client, db):
    _response, document = fetch(client)
    assert document["rounds"] == []
    jsonschema.validate(document, SCHEMA)


def test_only_get_and_head(client, data):
    assert client.post(URL).status_code == 405
