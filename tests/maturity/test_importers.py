"""Imports of answers, results and national reference values: every error kind with its Swedish message and an
unchanged database, CSV (comma or semicolon, with or without BOM) and XLSX, replacement per organisation and
round, a second import of the same file, and a query count that does not grow with the file."""

import io
import zipfile

import pytest

from maturity.importers import MAX_REPORTED_ERRORS, ImportFailed, run_import
from maturity.models import GroupScore, NationalReference, OrganisationScore, Response, RoundParticipant
from tests.factories import OrganisationFactory
from tests.maturity.factories import RoundFactory, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = ["round", "organisation", "respondent", "question", "value"]


def ordered(values):
    return sorted(values, key=repr)  # NULL categories and dimensions sort as text, never against numbers


def snapshot():
    return {
        "responses": ordered(
            Response.objects.values_list("round", "organisation", "respondent", "question__code", "value")
        ),
        "scores": ordered(
            OrganisationScore.objects.values_list("round", "organisation", "level", "category", "dimension", "score")
        ),
        "groups": ordered(GroupScore.objects.values_list("round", "kind", "level", "category", "dimension", "score")),
        "national": ordered(NationalReference.objects.values_list("round", "category", "source", "score")),
        "participants": ordered(RoundParticipant.objects.values_list("round", "organisation", "invited")),
    }


def failure(kind, data, name="svar.csv"):
    before = snapshot()
    with pytest.raises(ImportFailed) as caught:
        run_import(kind, data, name)
    assert snapshot() == before, "a failed import must store nothing"
    return caught.value


def messages(failed):
    return [(error["row"], error["message"]) for error in failed.errors]


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("svar.txt", "inte en arbetsbok")
    return buffer.getvalue()


def answers_of(respondent, organisation, values, round_="2022"):
    return [[round_, organisation, respondent, code, value] for code, value in values.items()]


@pytest.fixture
def answers_file(small_round, forvaltning, bolag):
    rows = [HEADER]
    rows += answers_of("r1", forvaltning.name, {"Q1": 5, "Q2": 3, "Q3": 1, "Q4": 10})
    rows += answers_of("r2", forvaltning.slug, {"Q1": 1, "Q2": "", "Q4": 5})  # by slug; Q2 not answered
    rows += answers_of("r3", "HIGAB AB", {"Q1": 4, "Q2": 4, "Q3": 5, "Q4": 0}, round_="Testomgång 2022")
    return rows


def test_a_valid_answers_file_is_stored_and_scored(answers_file, small_round, forvaltning, bolag):
    report = run_import("responses", csv_bytes(answers_file), "svar.csv")
    assert report.rows == 11
    assert report.summary == "11 svar från 3 respondenter i 2 organisationer har importerats (Testomgång 2022)."
    assert Response.objects.count() == 11
    assert Response.objects.get(respondent="r2", question__code="Q2").value is None
    assert set(RoundParticipant.objects.values_list("organisation", flat=True)) == {forvaltning.pk, bolag.pk}
    total = OrganisationScore.objects.get(round=small_round, organisation=forvaltning, level="total")
    assert total.score == pytest.approx(46.875)  # the hand-computed example in test_scoring.py
    assert GroupScore.objects.get(round=small_round, kind="all", level="total").score == pytest.approx(45.3125)


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda rows: csv_bytes(rows, delimiter=";", bom=True), id="semicolon-bom"),
        pytest.param(lambda rows: csv_bytes(rows, delimiter=";"), id="semicolon"),
        pytest.param(lambda rows: csv_bytes(rows, bom=True), id="comma-bom"),
        # Excel's "sep=" hint line before the header, here naming a separator the header alone would not suggest.
        pytest.param(lambda rows: b"sep=|\n" + csv_bytes(rows, delimiter="|"), id="excel-sep-line"),
    ],
)
def test_csv_dialects_give_the_same_data(answers_file, encode):
    run_import("responses", csv_bytes(answers_file), "svar.csv")
    expected = snapshot()
    Response.objects.all().delete()
    run_import("responses", encode(answers_file), "svar.csv")
    assert snapshot() == expected


def test_xlsx_gives_the_same_data(answers_file):
    run_import("responses", csv_bytes(answers_file), "svar.csv")
    expected = snapshot()
    Response.objects.all().delete()
    typed = [answers_file[0]] + [[int(r[0]) if r[0].isdigit() else r[0], *r[1:]] for r in answers_file[1:]]
    run_import("responses", xlsx_bytes(typed), "svar.xlsx")
    assert snapshot() == expected


def test_importing_the_same_file_twice_changes_nothing(answers_file):
    data = csv_bytes(answers_file)
    run_import("responses", data, "svar.csv")
    first = snapshot()
    run_import("responses", data, "svar.csv")
    assert snapshot() == first


def test_a_file_replaces_earlier_data_only_for_its_organisations(answers_file, small_round, forvaltning, bolag):
    run_import("responses", csv_bytes(answers_file), "svar.csv")
    bolag_before = sorted(Response.objects.filter(organisation=bolag).values_list("respondent", "value"))
    run_import("responses", csv_bytes([HEADER, *answers_of("ny", forvaltning.name, {"Q1": 2})]), "svar.csv")
    assert list(Response.objects.filter(organisation=forvaltning).values_list("respondent", "value")) == [("ny", 2)]
    assert sorted(Response.objects.filter(organisation=bolag).values_list("respondent", "value")) == bolag_before
    total = OrganisationScore.objects.get(round=small_round, organisation=forvaltning, level="total")
    assert total.score == pytest.approx(25) and total.respondents == 1


def test_answers_replace_imported_results_and_results_replace_answers(small_round, forvaltning):
    results = [["round", "organisation", "category", "score", "respondents"], ["2022", forvaltning.name, "c1", "80", 9]]
    run_import("results", csv_bytes(results), "resultat.csv")
    run_import("responses", csv_bytes([HEADER, *answers_of("r1", forvaltning.name, {"Q1": 1})]), "svar.csv")
    assert not OrganisationScore.objects.filter(source="imported").exists()
    assert OrganisationScore.objects.get(organisation=forvaltning, level="total").score == 0
    run_import("results", csv_bytes(results), "resultat.csv")
    assert not Response.objects.exists()
    assert OrganisationScore.objects.get(organisation=forvaltning, level="total").score == 80


# --- Every error kind, with its message and an unchanged database ----------------------------------------------


def test_unknown_organisation_round_and_question(small_round, forvaltning):
    rows = [
        HEADER,
        ["2022", "Okända bolaget", "r1", "Q1", "3"],
        ["1999", forvaltning.name, "r1", "Q1", "3"],
        ["2022", forvaltning.name, "r1", "EFF1", "3"],
    ]
    failed = failure("responses", csv_bytes(rows))
    assert messages(failed) == [
        (2, "Okänd organisation: Okända bolaget."),
        (3, "Okänd omgång: 1999."),
        (4, "Frågan EFF1 finns inte i modellen Modell liten 1."),
    ]
    assert failed.error_count == 3


def test_values_outside_the_scale_and_not_numbers(small_round, forvaltning):
    rows = [
        HEADER,
        ["2022", forvaltning.name, "r1", "Q1", "6"],  # scale 1–5
        ["2022", forvaltning.name, "r1", "Q4", "11"],  # its own scale 0–10
        ["2022", forvaltning.name, "r1", "Q2", "tre"],
        ["2022", forvaltning.name, "r1", "Q3", "2,5"],
        ["2022", forvaltning.name, "r2", "Q4", "0"],  # valid: 0 is on Q4's scale
    ]
    assert messages(failure("responses", csv_bytes(rows))) == [
        (2, "Svaret 6 ligger utanför skalan 1–5."),
        (3, "Svaret 11 ligger utanför skalan 0–10."),
        (4, "Svaret tre är inte ett heltal."),
        (5, "Svaret 2,5 är inte ett heltal."),
    ]


def test_duplicate_respondent_and_question(small_round, forvaltning):
    rows = [HEADER, ["2022", forvaltning.name, "r1", "Q1", "3"], ["2022", forvaltning.slug, "r1", "q1", "4"]]
    assert messages(failure("responses", csv_bytes(rows))) == [
        (3, "Respondenten r1 har redan svarat på q1 på rad 2."),
    ]


def test_missing_columns(small_round):
    failed = failure("responses", csv_bytes([["round", "organisation", "svar"], ["2022", "x", "3"]]))
    assert messages(failed) == [
        (1, "Kolumnen respondent saknas."),
        (1, "Kolumnen question saknas."),
        (1, "Kolumnen value saknas."),
    ]


def test_empty_cells_in_required_columns(small_round, forvaltning):
    rows = [HEADER, ["", forvaltning.name, "", "Q1", "3"]]
    assert messages(failure("responses", csv_bytes(rows))) == [
        (2, "Kolumnen round är tom."),
        (2, "Kolumnen respondent är tom."),
    ]


def test_bad_encoding(small_round, forvaltning):
    data = csv_bytes([HEADER, ["2022", "Kulturförvaltningen", "r1", "Q1", "3"]], encoding="latin-1")
    assert messages(failure("responses", data)) == [
        (None, "Filen är inte kodad som UTF-8. Spara den som CSV (UTF-8) och försök igen."),
    ]


@pytest.mark.parametrize(
    "data, name, expected",
    [
        (b"", "svar.csv", (None, "Filen är tom.")),
        (b"\n \n", "svar.csv", (None, "Filen är tom.")),
        (",".join(HEADER).encode() + b"\n", "svar.csv", (1, "Filen har en rubrikrad men inga rader med data.")),
        (b"round,organisation\n", "svar.txt", (None, "Filen måste vara en .csv- eller .xlsx-fil.")),
        (b"inte en arbetsbok", "svar.xlsx", (None, "Filen gick inte att läsa som en Excel-arbetsbok (.xlsx).")),
        (zip_bytes(), "svar.xlsx", (None, "Filen gick inte att läsa som en Excel-arbetsbok (.xlsx).")),
    ],
    ids=["empty", "blank-lines", "header-only", "wrong-type", "broken-xlsx", "zip-not-xlsx"],
)
def test_empty_and_unreadable_files(small_round, data, name, expected):
    assert messages(failure("responses", data, name)) == [expected]


def test_a_year_shared_by_two_models_needs_the_rounds_name(small_round, dimios, forvaltning):
    RoundFactory(model=dimios, year=2022, name="DiMiOS 2022")
    rows = [HEADER, ["2022", forvaltning.name, "r1", "Q1", "3"]]
    assert messages(failure("responses", csv_bytes(rows))) == [
        (2, "Året 2022 passar in på mer än en omgång; ange omgångens namn i stället."),
    ]
    run_import("responses", csv_bytes([HEADER, ["testomgång 2022", forvaltning.name, "r1", "Q1", "3"]]), "svar.csv")
    assert Response.objects.get().round == small_round


def test_only_the_first_errors_are_kept_with_the_total_count(small_round, forvaltning):
    rows = [HEADER] + [["2022", forvaltning.name, f"r{n}", "Q1", "9"] for n in range(MAX_REPORTED_ERRORS + 10)]
    failed = failure("responses", csv_bytes(rows))
    assert len(failed.errors) == MAX_REPORTED_ERRORS
    assert failed.error_count == MAX_REPORTED_ERRORS + 10
    assert failed.errors[0] == {"row": 2, "message": "Svaret 9 ligger utanför skalan 1–5."}


def test_an_xlsx_file_with_errors_reports_its_rows(small_round, forvaltning):
    data = xlsx_bytes([HEADER, [2022, forvaltning.name, "r1", "Q1", 3], [2022, forvaltning.name, "r1", "Q2", 8.5]])
    assert messages(failure("responses", data, "svar.xlsx")) == [(3, "Svaret 8.5 är inte ett heltal.")]


# --- Aggregated results ---------------------------------------------------------------------------------------

RESULTS_HEADER = ["round", "organisation", "category", "score", "respondents"]


def test_results_are_stored_as_imported_categories_with_derived_totals(small_round, forvaltning, bolag):
    rows = [
        RESULTS_HEADER,
        ["2022", bolag.name, "c1", "60", "8"],
        ["2022", bolag.name, "Kategori c2", "40,0", "7"],  # by name, decimal comma
        ["2022", bolag.name, "c3", "90", "6"],
    ]
    report = run_import("results", csv_bytes(rows, delimiter=";"), "resultat.csv")
    assert report.summary == "3 kategoriresultat för 1 organisationer har importerats (Testomgång 2022)."
    total = OrganisationScore.objects.get(organisation=bolag, level="total")
    assert (total.score, total.respondents, total.source) == (70, 8, "imported")
    group = GroupScore.objects.get(kind="bolag", level="total")
    assert (group.score, group.organisations) == (70, 1)
    first = snapshot()
    run_import("results", csv_bytes(rows, delimiter=";"), "resultat.csv")
    assert snapshot() == first


def test_percentage_cells_in_excel_count_as_the_per_cent_shown(small_round, bolag):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(RESULTS_HEADER)
    for category, score in [("c1", 0.6), ("c2", 0.405), ("c3", 90)]:
        sheet.append(["2022", bolag.name, category, score, 8])
        if score < 1:
            sheet.cell(row=sheet.max_row, column=4).number_format = "0.0%"  # shows 60.0 %, holds 0.6
    buffer = io.BytesIO()
    workbook.save(buffer)

    run_import("results", buffer.getvalue(), "resultat.xlsx")

    stored = dict(OrganisationScore.objects.filter(level="category").values_list("category__code", "score"))
    assert stored == {"c1": pytest.approx(60), "c2": pytest.approx(40.5), "c3": pytest.approx(90)}


def test_result_errors(small_round, forvaltning):
    rows = [
        RESULTS_HEADER,
        ["2022", forvaltning.name, "okänd", "50", "5"],
        ["2022", forvaltning.name, "c1", "101", "5"],
        ["2022", forvaltning.name, "c2", "hög", "5"],
        ["2022", forvaltning.name, "c3", "50", "-1"],
        ["2022", forvaltning.name, "c3", "50", "5"],
        ["2022", forvaltning.slug, "C3", "55", "5"],
    ]
    assert messages(failure("results", csv_bytes(rows), "resultat.csv")) == [
        (2, "Kategorin okänd finns inte i modellen Modell liten 1."),
        (3, "Värdet 101 måste ligga mellan 0 och 100."),
        (4, "Värdet hög är inte ett tal."),
        (5, "Antalet respondenter -1 måste vara ett heltal, 0 eller mer."),
        (7, "Kulturförvaltningen har redan ett resultat för C3 i Testomgång 2022 på rad 6."),
    ]


# --- National reference values --------------------------------------------------------------------------------

NATIONAL_HEADER = ["round", "category", "score", "source", "year"]


def test_national_values_replace_the_same_source_only(small_round):
    rows = [
        NATIONAL_HEADER,
        ["2022", "total", "47", "Statusrapport 2023", "2023"],
        ["2022", "c1", "52,5", "Statusrapport 2023", ""],
        ["2022", "Total", "51", "Statusrapport 2022", "2022"],
    ]
    report = run_import("national", csv_bytes(rows), "nationellt.csv")
    assert report.summary == "3 nationella referensvärden har importerats (Testomgång 2022)."
    assert set(NationalReference.objects.values_list("category__code", "score", "source", "source_year")) == {
        ("c1", 52.5, "Statusrapport 2023", None),
        (None, 47, "Statusrapport 2023", 2023),
        (None, 51, "Statusrapport 2022", 2022),
    }
    run_import("national", csv_bytes([NATIONAL_HEADER, ["2022", "total", "46", "Statusrapport 2023", "2023"]]), "n.csv")
    assert set(NationalReference.objects.values_list("category__code", "score", "source")) == {
        (None, 46, "Statusrapport 2023"),
        (None, 51, "Statusrapport 2022"),
    }


def test_national_errors(small_round):
    rows = [
        NATIONAL_HEADER,
        ["2022", "okänd", "47", "Källa", ""],
        ["2022", "total", "47", "", ""],
        ["2022", "total", "47", "Källa", "tjugohundra"],
        ["2022", "total", "47", "Källa", ""],
        ["2022", "total", "48", "Källa", ""],
    ]
    assert messages(failure("national", csv_bytes(rows), "n.csv")) == [
        (2, "Kategorin okänd finns inte i modellen Modell liten 1."),
        (3, "Kolumnen source är tom."),
        (4, "Året tjugohundra är inte ett giltigt år."),
        (6, "Det finns redan ett värde för total från Källa i Testomgång 2022 på rad 5."),
    ]


# --- Scale ----------------------------------------------------------------------------------------------------


@pytest.mark.postgres  # answers go in through COPY there; elsewhere bulk inserts take one query per batch
def test_query_count_does_not_grow_with_the_file(small_round, django_assert_max_num_queries):
    organisations = [OrganisationFactory() for _ in range(4)]

    def file(respondents):
        rows = [HEADER]
        for organisation in organisations:
            for n in range(respondents):
                rows += answers_of(f"r{n}", organisation.name, {"Q1": 1 + n % 5, "Q2": 3, "Q3": "", "Q4": n % 11})
        return csv_bytes(rows)

    small, large = file(1), file(60)
    run_import("responses", small, "svar.csv")  # the first import also creates the participants
    with django_assert_max_num_queries(40) as few:
        run_import("responses", small, "svar.csv")
    with django_assert_max_num_queries(len(few.captured_queries)):
        run_import("responses", large, "svar.csv")
    assert Response.objects.count() == 4 * 60 * 4


def test_answers_are_inserted_without_copy_on_other_databases(answers_file, monkeypatch):
    from django.db import connection

    run_import("responses", csv_bytes(answers_file), "svar.csv")
    expected = snapshot()
    Response.objects.all().delete()
    monkeypatch.setattr(connection, "vendor", "sqlite")  # the bulk_create path used by SQLite
    run_import("responses", csv_bytes(answers_file), "svar.csv")
    assert snapshot() == expected


def test_a_cell_too_large_for_csv_is_a_row_error(small_round, forvaltning):
    data = ",".join(HEADER).encode() + b"\n2022," + forvaltning.name.encode() + b",r1,Q1,3\n" + b"x" * 200_000 + b"\n"
    assert messages(failure("responses", data)) == [
        (None, "Rad 3 gick inte att läsa som CSV. Kontrollera filens avgränsare och citattecken."),
    ]


def test_nul_characters_are_refused_before_anything_is_stored(small_round, forvaltning):
    rows = [HEADER, ["2022", forvaltning.name, "r\x001", "Q1", "3"]]
    assert messages(failure("responses", csv_bytes(rows))) == [
        (2, "Filen innehåller ogiltiga tecken (NUL). Spara den som CSV (UTF-8) och försök igen."),
    ]


def test_rows_after_an_excel_sep_line_keep_their_line_numbers(small_round, forvaltning):
    data = b"sep=;\n" + csv_bytes([HEADER, ["2022", forvaltning.name, "r1", "Q1", "9"]], delimiter=";")
    assert messages(failure("responses", data)) == [(3, "Svaret 9 ligger utanför skalan 1–5.")]


def test_a_failed_import_leaves_the_earlier_data_as_it_was(small_round, forvaltning):
    run_import("responses", csv_bytes([HEADER] + answers_of("r1", forvaltning.name, {"Q1": "3", "Q2": "4"})), "a.csv")
    assert Response.objects.count() == 2

    rows = [HEADER] + answers_of("r9", forvaltning.name, {"Q1": "5", "Q2": "99"})
    assert messages(failure("responses", csv_bytes(rows))) == [(3, "Svaret 99 ligger utanför skalan 1–5.")]
    assert sorted(Response.objects.values_list("respondent", flat=True)) == ["r1", "r1"]
