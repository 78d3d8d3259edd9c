"""Time the import of a generated answers file (default 100,000 rows) through the same code as the admin.

Everything happens in one transaction that is rolled back, so the benchmark can run against any database (also
one with real data) and leaves nothing behind: it loads the DiMiOS-style model if missing, adds a temporary
round and uses the active organisations (or temporary ones when there are too few).
Run it with `python -m bench maturity-import [--rows N] [--format csv|xlsx] [--max-seconds S]` (bench/maturity.sh
does, for `make bench`); the goal is 100,000 rows well under 30 s on 2 cores.
"""

import csv
import io
import random
import time
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from arena.models import Organisation
from maturity.importers import run_import
from maturity.loader import load_model_file
from maturity.models import MaturityModel, Question, Response, Round

DIMIOS_FILE = Path(__file__).resolve().parents[1] / "maturity" / "model_files" / "dimios.yaml"
BENCH_ROUND_YEAR = 1900  # outside any real measurement year
MIN_ORGANISATIONS = 40


class _Rollback(Exception):
    pass


@dataclass
class BenchResult:
    rows: int
    file_format: str
    file_bytes: int
    seconds: float
    organisations: int

    @property
    def rows_per_second(self):
        return self.rows / self.seconds if self.seconds else float("inf")


def generate_rows(round_name, organisation_names, question_codes, rows, seed=2021):
    """Answers as spreadsheet rows: respondents take every question in turn, about 3 % left unanswered."""
    rng = random.Random(seed)
    header = ["round", "organisation", "respondent", "question", "value"]
    out, respondent = [header], 0
    while len(out) <= rows:
        organisation = organisation_names[respondent % len(organisation_names)]
        for code in question_codes:
            if len(out) > rows:
                break
            value = "" if rng.random() < 0.03 else str(rng.randint(1, 7))
            out.append([round_name, organisation, f"bench-{respondent}", code, value])
        respondent += 1
    return out


def encode(rows, file_format):
    if file_format == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def run_import_bench(rows=100_000, file_format="csv"):
    """Generate the file, import it and time only the import (reading, checking, storing, scoring)."""
    result = None
    try:
        with transaction.atomic():
            model = MaturityModel.objects.filter(slug="dimios").first() or load_model_file(DIMIOS_FILE).model
            round_ = Round.objects.create(model=model, year=BENCH_ROUND_YEAR, name="Prestandatest (tillfällig)")
            organisations = list(Organisation.objects.active().values_list("name", flat=True))
            for n in range(len(organisations), MIN_ORGANISATIONS):
                organisations.append(Organisation.objects.create(name=f"Prestandatest {n + 1}").name)
            codes = list(Question.objects.filter(category__dimension__model=model).values_list("code", flat=True))
            data = encode(generate_rows(round_.name, organisations, codes, rows), file_format)
            started = time.perf_counter()
            report = run_import("responses", data, f"bench.{file_format}")
            seconds = time.perf_counter() - started
            assert Response.objects.filter(round=round_).count() == report.rows == rows
            result = BenchResult(rows, file_format, len(data), seconds, len(organisations))
            raise _Rollback
    except _Rollback:
        pass
    return result


def summary(result):
    return (
        f"maturity import: {result.rows} rows ({result.file_format}, {result.file_bytes / 1e6:.1f} MB, "
        f"{result.organisations} organisations) in {result.seconds:.2f} s = {result.rows_per_second:,.0f} rows/s"
    )
