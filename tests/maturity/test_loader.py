"""Loading maturity models from files: the shipped DiMiOS-style model, a second model with another scale,
idempotence, updates by code, the JSON Schema and the cross-reference checks, and Swedish errors that leave the
database unchanged."""

import json

import jsonschema
import pytest
from django.core.management import CommandError, call_command

from arena.demo.taxonomy import ensure_focus_areas
from maturity import model_file_schema
from maturity.loader import ModelFileError, load_model, load_model_file, read_model_file
from maturity.model_file_schema import SCHEMA_FILE
from maturity.models import Category, Dimension, MaturityModel, NationalReference, Question
from tests.factories import OrganisationFactory
from tests.helpers.maturity_data import DIMIOS_FILE
from tests.maturity.factories import RoundFactory, answer, model_data

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(MaturityModel.objects.values_list("slug", "name", "scale_min", "scale_max").order_by("slug")),
        list(Dimension.objects.values_list("model__slug", "code", "name", "sort_order").order_by("pk")),
        list(Category.objects.values_list("dimension__code", "code", "name", "reconstructed", "tags").order_by("pk")),
        list(Question.objects.values_list("category__code", "code", "text", "scale_min").order_by("pk")),
    )


def test_the_shipped_dimios_model():
    ensure_focus_areas()
    result = load_model_file(DIMIOS_FILE)
    model = result.model
    assert result.created and not result.warnings
    assert (model.slug, model.scale_min, model.scale_max) == ("dimios", 1, 7)
    assert len(model.scale_labels) == 7
    assert "Rekonstruerat" in model.notes and "Bekräftat" in model.notes
    dimensions = {d.code: [c.code for c in d.categories.all()] for d in model.dimensions.all()}
    assert dimensions == {
        "formaga": ["effektivitet", "innovation", "balansering"],
        "arv": ["organisation", "anvandare", "teknik"],
    }
    assert model.dimensions.get(code="formaga").name == "Digital förmåga"
    assert model.dimensions.get(code="arv").name == "Digitalt arv"
    reconstructed = set(Category.objects.filter(reconstructed=True).values_list("code", flat=True))
    assert reconstructed == {"organisation", "anvandare", "teknik"}
    codes = set(Question.objects.filter(category__dimension__model=model).values_list("code", flat=True))
    assert codes == {f"{prefix}{n}" for prefix in ("EFF", "INN", "BAL", "ORG", "ANV", "TEK") for n in range(1, 7)}
    for category in Category.objects.all():
        assert category.tag_list, category.code
        assert category.focus_areas.exists(), category.code
    assert "informationssäkerhet" in Category.objects.get(code="teknik").tag_list


def test_loading_twice_changes_nothing():
    ensure_focus_areas()
    load_model_file(DIMIOS_FILE)
    first = snapshot()
    again = load_model_file(DIMIOS_FILE)
    assert not again.created
    assert again.counts == {"dimensions": 2, "categories": 6, "questions": 36}
    assert snapshot() == first


def test_a_second_model_with_another_scale_loads_from_json(tmp_path):
    path = tmp_path / "eu.json"
    data = model_data(slug="eu-dma", scale=(0, 10), structure={"strategi": {"plan": ["S1", "S2"]}})
    path.write_text(json.dumps(data), encoding="utf-8")
    call_command("load_maturity_model", str(path))
    model = MaturityModel.objects.get(slug="eu-dma")
    assert (model.scale_min, model.scale_max) == (0, 10)
    assert Question.objects.filter(category__dimension__model=model).count() == 2
    assert MaturityModel.objects.count() == 1


def test_an_edited_file_updates_by_code_and_removes_unused_parts():
    load_model(model_data(slug="m"))
    q1 = Question.objects.get(code="Q1")
    data = model_data(slug="m", structure={"d1": {"c1": ["Q1"], "c3": ["Q4"]}})
    data["dimensions"][0]["categories"][0]["questions"][0]["text"] = "Ny formulering"
    load_model(data)
    q1.refresh_from_db()
    assert q1.text == "Ny formulering"  # same row, updated
    assert Category.objects.get(code="c3").dimension.code == "d1"  # moved between dimensions by its code
    assert set(Question.objects.values_list("code", flat=True)) == {"Q1", "Q4"}
    assert set(Dimension.objects.values_list("code", flat=True)) == {"d1"}


def test_measured_parts_cannot_be_removed_or_rescaled():
    model = load_model(model_data(slug="m")).model
    answer(RoundFactory(model=model), OrganisationFactory(), "r1", {"Q1": 5, "Q3": 4})
    before = snapshot()
    with pytest.raises(ModelFileError) as removed:
        load_model(model_data(slug="m", structure={"d1": {"c1": ["Q2"], "c2": ["Q3"]}, "d2": {"c3": ["Q4"]}}))
    assert "Frågan Q1 har svar och kan inte tas bort." in removed.value.errors
    with pytest.raises(ModelFileError) as rescaled:
        load_model(model_data(slug="m", scale=(1, 4)))
    assert "Frågan Q1 har svar utanför den nya skalan 1–4." in rescaled.value.errors
    assert snapshot() == before


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.pop("slug"), "slug saknas."),
        (lambda d: d.update(slug="Med Mellanslag"), "slug får bara innehålla gemena bokstäver"),
        (lambda d: d.update(scale={"min": 5, "max": 1}), "scale: max måste vara större än min."),
        (lambda d: d.update(scale={"min": 1, "max": "sju"}), "scale: max måste vara ett heltal."),
        (lambda d: d.update(dimensions=[]), "dimensions måste vara en lista som inte är tom."),
        (
            lambda d: d["dimensions"][1]["categories"][0]["questions"][0].update(code="Q1"),
            "dimensions[1].categories[0].questions[0]: Koden Q1 används två gånger.",
        ),
        (
            lambda d: d["dimensions"][1]["categories"][0].update(code="c1"),
            "dimensions[1].categories[0]: Koden c1 används två gånger.",
        ),
        (
            lambda d: d["dimensions"][0]["categories"][0]["questions"][0].pop("text"),
            "dimensions[0].categories[0].questions[0]: text saknas.",
        ),
        (
            lambda d: d["scale"].update(labels=["ett", "två"]),
            "scale: labels måste ha en text per svarsvärde (5).",
        ),
    ],
)
def test_invalid_data_is_refused_with_swedish_errors_and_nothing_stored(change, message):
    data = model_data(slug="fel")
    change(data)
    with pytest.raises(ModelFileError) as failure:
        load_model(data)
    assert any(message in error for error in failure.value.errors), failure.value.errors
    assert not MaturityModel.objects.exists()


def test_the_schema_is_a_draft_2020_12_schema_the_shipped_model_fits():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"]
    assert model_file_schema.errors(read_model_file(DIMIOS_FILE)) == []
    assert model_file_schema.errors(model_data(question_scales={"Q4": {"min": 0, "max": 10}})) == []


VALID_FILE = """\
slug: fil
name: Modell från fil
scale: {min: 1, max: 5, labels: [ett, två, tre, fyra, fem]}
dimensions:
  - code: d1
    name: Dimension ett
    categories:
      - code: c1
        name: Kategori ett
        reconstructed: true
        tags: styrning, uppföljning
        questions:
          - {code: Q1, text: Ett påstående.}
          - {code: 12, text: Ett påstående med egen skala., scale: {min: 0, max: 10}}
"""


def write(tmp_path, text, name="modell.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads(tmp_path):
    result = load_model_file(write(tmp_path, VALID_FILE))
    assert result.created and result.counts == {"dimensions": 1, "categories": 1, "questions": 2}
    category = Category.objects.get(code="c1")
    assert category.reconstructed and category.tag_list == ["styrning", "uppföljning"]
    assert Question.objects.get(code="12").scale() == (0, 10)
    assert result.model.scale_labels == ["ett", "två", "tre", "fyra", "fem"]


@pytest.mark.parametrize(
    "old, new, errors",
    [
        pytest.param(
            "      - code: c1\n        name: Kategori ett",
            "      - name: Kategori ett",
            ["dimensions[0].categories[0]: code saknas."],
            id="required key missing",
        ),
        pytest.param(
            "max: 5, labels",
            "max: fem, labels",
            ["scale: max måste vara ett heltal."],
            id="wrong type",
        ),
        pytest.param(
            "reconstructed: true",
            "reconstructed: kanske",
            ["dimensions[0].categories[0]: reconstructed måste vara true eller false."],
            id="wrong type of flag",
        ),
        pytest.param(
            "reconstructed: true",
            "reconstruced: true",
            ["dimensions[0].categories[0]: Nyckeln reconstruced ingår inte i formatet."],
            id="misspelt key",
        ),
        pytest.param(
            "{code: 12,",
            "{code: q1,",
            ["dimensions[0].categories[0].questions[1]: Koden q1 används två gånger."],
            id="duplicate code",
        ),
        pytest.param(
            "{min: 0, max: 10}",
            "{min: 10, max: 0}",
            ["dimensions[0].categories[0].questions[1].scale: max måste vara större än min."],
            id="scale upside down",
        ),
    ],
)
def test_a_broken_file_gives_swedish_errors_and_loads_nothing(tmp_path, old, new, errors):
    assert old in VALID_FILE
    with pytest.raises(ModelFileError) as failure:
        load_model_file(write(tmp_path, VALID_FILE.replace(old, new)))
    assert failure.value.errors == errors
    assert not MaturityModel.objects.exists()
    assert not Question.objects.exists()


def test_every_problem_is_listed_at_once(tmp_path):
    text = VALID_FILE.replace("name: Modell från fil\n", "").replace("{code: Q1, text: Ett påstående.}", "{code: Q 1}")
    with pytest.raises(ModelFileError) as failure:
        load_model_file(write(tmp_path, text))
    assert failure.value.errors == [
        "name saknas.",
        "dimensions[0].categories[0].questions[0]: text saknas.",
        "dimensions[0].categories[0].questions[0]: Koden Q 1 innehåller tecken som inte är tillåtna.",
    ]


def test_a_file_leaving_out_what_results_refer_to_changes_nothing(tmp_path):
    """National reference values and answers point at a category and a question: a new version of the file that
    drops them would leave them dangling, so it is refused and the stored model stays as it was."""
    model = load_model_file(write(tmp_path, VALID_FILE)).model
    round_ = RoundFactory(model=model)
    NationalReference.objects.create(round=round_, category=Category.objects.get(code="c1"), score=50, source="Test")
    answer(round_, OrganisationFactory(), "r1", {"12": 7})
    before = snapshot()
    dropped = VALID_FILE.replace("      - code: c1\n", "      - code: c2\n").replace("{code: 12,", "{code: Q2,")
    with pytest.raises(ModelFileError) as failure:
        load_model_file(write(tmp_path, dropped))
    assert failure.value.errors == [
        "Frågan 12 har svar och kan inte tas bort.",
        "Kategorin c1 har resultat och kan inte tas bort.",
    ]
    assert snapshot() == before


def test_the_command_exits_with_an_error_for_a_bad_file(tmp_path):
    path = tmp_path / "trasig.yaml"
    path.write_text("slug: [inte avslutad\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Filen gick inte att läsa"):
        call_command("load_maturity_model", str(path))
    with pytest.raises(CommandError, match=r"\.yaml, \.yml eller \.json"):
        call_command("load_maturity_model", str(tmp_path / "modell.txt"))
    with pytest.raises(CommandError, match="finns inte"):
        call_command("load_maturity_model", str(tmp_path / "saknas.yaml"))
    assert not MaturityModel.objects.exists()


def test_unknown_focus_areas_are_skipped_with_a_warning(capsys):
    data = model_data(slug="m")
    data["dimensions"][0]["categories"][0]["focus_areas"] = ["finns-inte"]
    result = load_model(data)
    assert result.warnings == ["Fokusområdet finns-inte finns inte och hoppades över."]


def test_a_wider_scale_recomputes_the_stored_scores():
    from maturity.models import OrganisationScore
    from maturity.scoring import recompute_round

    model = load_model(model_data(slug="m")).model
    round_ = RoundFactory(model=model)
    organisation = OrganisationFactory()
    answer(round_, organisation, "r1", {"Q1": 5, "Q2": 5, "Q3": 5, "Q4": 5})
    recompute_round(round_)
    total = OrganisationScore.objects.filter(round=round_, organisation=organisation, level="total")
    assert total.get().score == 100

    result = load_model(model_data(slug="m", scale=(1, 9)))

    assert result.recomputed == [round_]
    assert total.get().score == 50  # (5 − 1) / (9 − 1)
    assert load_model(model_data(slug="m", scale=(1, 9))).recomputed == []  # nothing that scores depend on changed
