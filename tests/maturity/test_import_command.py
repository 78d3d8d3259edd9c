"""manage.py import_maturity: a valid file prints the summary; a bad one prints every error with its row and
exits with an error (CommandError → exit status 1) without storing anything."""

import pytest
from django.core.management import CommandError, call_command

from maturity.models import NationalReference, Response
from tests.maturity.factories import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


def test_a_valid_file_is_imported(tmp_path, small_round, forvaltning, capsys):
    path = tmp_path / "svar.xlsx"
    path.write_bytes(
        xlsx_bytes(
            [
                ["round", "organisation", "respondent", "question", "value"],
                [2022, forvaltning.name, "r1", "Q1", 5],
                [2022, forvaltning.name, "r1", "Q2", None],
            ]
        )
    )
    call_command("import_maturity", "responses", str(path))
    assert "2 svar från 1 respondenter i 1 organisationer har importerats" in capsys.readouterr().out
    assert Response.objects.count() == 2


def test_errors_are_printed_with_row_numbers_and_nothing_is_stored(tmp_path, small_round):
    path = tmp_path / "nationellt.csv"
    rows = [["round", "category", "score", "source"], ["2022", "total", "47", "Rapport"], ["2022", "x", "ja", "R"]]
    path.write_bytes(csv_bytes(rows, delimiter=";"))
    with pytest.raises(CommandError) as error:
        call_command("import_maturity", "national", str(path))
    assert str(error.value).splitlines() == [
        "Ingenting har importerats. 2 fel:",
        "Rad 3: Kategorin x finns inte i modellen Modell liten 1.",
        "Rad 3: Värdet ja är inte ett tal.",
    ]
    assert not NationalReference.objects.exists()


def test_more_errors_than_listed_are_counted(tmp_path, small_round, forvaltning):
    path = tmp_path / "svar.csv"
    rows = [["round", "organisation", "respondent", "question", "value"]]
    rows += [["2022", forvaltning.name, f"r{n}", "Q1", "0"] for n in range(55)]
    path.write_bytes(csv_bytes(rows))
    with pytest.raises(CommandError) as error:
        call_command("import_maturity", "responses", str(path))
    lines = str(error.value).splitlines()
    assert lines[0] == "Ingenting har importerats. 55 fel:"
    assert lines[-1] == "… och 5 till."
    assert len(lines) == 52


def test_a_missing_file_and_an_unknown_kind(tmp_path):
    with pytest.raises(CommandError, match="Filen gick inte att öppna"):
        call_command("import_maturity", "results", str(tmp_path / "saknas.csv"))
    with pytest.raises(CommandError):
        call_command("import_maturity", "okänd", str(tmp_path / "saknas.csv"))


def test_a_published_round_needs_confirm(tmp_path, small_round, forvaltning, capsys):
    from maturity.models import ImportJob, Round

    Round.objects.filter(pk=small_round.pk).update(status=Round.Status.PUBLISHED)
    path = tmp_path / "svar.csv"
    path.write_bytes(
        csv_bytes(
            [["round", "organisation", "respondent", "question", "value"], ["2022", forvaltning.name, "r1", "Q1", "4"]]
        )
    )
    with pytest.raises(CommandError) as error:
        call_command("import_maturity", "responses", str(path))
    assert str(error.value).splitlines() == [
        "Ingenting har importerats. Filen har inga fel, men:",
        "- Testomgång 2022 är publicerad: importen ändrar resultat som redan visas.",
        "- 1 organisation i Testomgång 2022 har inga tidigare data där.",
        "Kör kommandot igen med --confirm för att importera filen.",
    ]
    assert not Response.objects.exists() and not ImportJob.objects.exists()
    call_command("import_maturity", "responses", str(path), "--confirm")
    assert "1 svar från 1 respondenter" in capsys.readouterr().out
    assert Response.objects.count() == 1
    job = ImportJob.objects.get()  # the command's imports are in the admin's history too
    assert (job.status, job.confirmed, job.original_name, job.total_rows) == ("done", True, "svar.csv", 1)


def test_replacing_national_values_needs_confirm(tmp_path, small_round):
    path = tmp_path / "nationellt.csv"
    path.write_bytes(csv_bytes([["round", "category", "score", "source"], ["2022", "total", "47", "Rapport"]]))
    call_command("import_maturity", "national", str(path))
    with pytest.raises(CommandError, match="Rapport i Testomgång 2022: 1 nationellt värde ersätts."):
        call_command("import_maturity", "national", str(path))
    call_command("import_maturity", "national", str(path), "--confirm")
    assert NationalReference.objects.get().score == 47
