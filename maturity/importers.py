"""Validated imports of answers, aggregated results and national reference values.

Every file is read and checked whole before anything is written. Problems are collected with their row
number (the header is row 1, as in a spreadsheet); the first MAX_REPORTED_ERRORS are kept with the total
count, and nothing is stored. A valid file is stored in one transaction and replaces, for each round and
organisation in the file, that organisation's earlier data in the round:

- answers replace its earlier answers and imported results, then the round's scores are recomputed;
- results (aggregated % per category, when raw answers are not available) replace its earlier answers and
  results, then dimensions, totals and group figures are recomputed;
- national reference values replace the earlier values from the same source for the round.

So importing the same file twice leaves the same data. Lookups are cached in dicts and rows are written with
bulk_create, so the query count does not grow with the number of rows.
"""

import csv
import io
import logging
import math
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePath

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from openpyxl.utils.exceptions import InvalidFileException

from arena import page_cache
from arena.models import Organisation
from maturity import audit, results_version
from maturity.models import (
    Category,
    ImportJob,
    NationalReference,
    OrganisationScore,
    Question,
    Response,
    Round,
    RoundParticipant,
)
from maturity.scoring import recompute_round

logger = logging.getLogger(__name__)

MAX_REPORTED_ERRORS = 50
ALLOWED_SUFFIXES = (".csv", ".xlsx")
BATCH_SIZE = 5000
PROGRESS_EVERY = 5000
TOTAL_CATEGORY = "total"
# What openpyxl raises for a file that is not a readable workbook (a damaged zip, missing parts, bad XML).
UNREADABLE_XLSX = (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, InvalidFileException)


class ImportFailed(Exception):
    """The file was not imported. `errors`: the first MAX_REPORTED_ERRORS as {"row": n, "message": text}
    (row None for the file as a whole); `error_count`: how many problems there were in all."""

    def __init__(self, errors, error_count):
        super().__init__(f"{error_count} errors")
        self.errors = errors
        self.error_count = error_count


@dataclass
class ImportReport:
    rows: int
    summary: str


@dataclass
class CheckedFile:
    """A file that passed every check, with what storing it will do (the importer's plan)."""

    importer: "BaseImporter"
    plan: dict
    rows: int


class Errors:
    def __init__(self):
        self.items = []
        self.count = 0

    def add(self, row, message):
        self.count += 1
        if len(self.items) < MAX_REPORTED_ERRORS:
            self.items.append({"row": row, "message": str(message)})

    def raise_if_any(self):
        if self.count:
            raise ImportFailed(self.items, self.count)


def fail(message, row=None):
    raise ImportFailed([{"row": row, "message": str(message)}], 1)


# --- Reading CSV and XLSX ---------------------------------------------------------------------------------------


def _cell_text(value):
    """Cells as text, so CSV and Excel go through the same checks (Excel gives 5.0 for a typed 5)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_cell_text(cell):
    """A cell as text. A number formatted as a percentage shows 52 % but holds 0.52: the import wants what the
    person saw (scores are given in per cent, 0–100)."""
    value = getattr(cell, "value", None)  # empty cells in read-only sheets have no number format
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        value = round(value * 100, 10)
    return _cell_text(value)


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(_("The file is not UTF-8 encoded. Save it as CSV (UTF-8) and try again."))
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if re.fullmatch(r"sep=.", first_line.strip()):
        # Excel's own hint line ("sep=;") names the separator; it is no data and not the header. It is blanked
        # rather than removed so every row keeps its line number in the error messages.
        delimiter = first_line.strip()[-1]
        text = text.replace(first_line, "", 1)
    else:
        # Swedish spreadsheets save semicolon-separated CSV (the comma is the decimal sign); the header decides.
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _xlsx_rows(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return [[_xlsx_cell_text(cell) for cell in row] for row in workbook.worksheets[0].iter_rows()]
        finally:
            workbook.close()
    except UNREADABLE_XLSX:
        fail(_("The file could not be read as an Excel workbook (.xlsx)."))


def read_table(data, name):
    """(columns, rows) from CSV or XLSX bytes; rows are (row number, {column: text}), blank rows skipped."""
    suffix = PurePath(name or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        fail(_("The file must be a .csv or .xlsx file."))
    if not data:
        fail(_("The file is empty."))
    records = iter(_xlsx_rows(data) if suffix == ".xlsx" else _csv_rows(data))
    columns, rows = None, []
    number = 0
    while True:
        number += 1
        try:
            record = next(records, None)
        except csv.Error:  # e.g. a cell over the csv module's field size limit: not a file of ours
            fail(_("Row %(row)s could not be read as CSV. Check the file's separators and quotes.") % {"row": number})
        if record is None:
            break
        cells = [cell.strip() for cell in record]  # XLSX cells are already text
        if any("\x00" in cell for cell in cells):
            # NUL bytes mean a binary or UTF-16 file; PostgreSQL would refuse them when storing.
            fail(_("The file contains invalid characters (NUL). Save it as CSV (UTF-8) and try again."), row=number)
        if not any(cells):
            continue
        if columns is None:
            columns = [cell.lstrip("\ufeff").strip().lower() for cell in cells]
            continue
        rows.append((number, dict(zip(columns, cells, strict=False))))
    if columns is None:
        fail(_("The file is empty."))
    if not rows:
        fail(_("The file has a header row but no data rows."), row=1)
    return columns, rows


def count_rows(data, name):
    """A cheap upper bound of the data rows, to decide between importing now and in the background; None when
    an Excel file does not say how many rows it has."""
    if PurePath(name or "").suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True)
            try:
                max_row = workbook.worksheets[0].max_row
            finally:
                workbook.close()
        except UNREADABLE_XLSX:
            return 0  # the import itself reports the unreadable file
        return None if max_row is None else max(max_row - 1, 0)
    return max(data.count(b"\n") - 1, 0)


# --- Values ---------------------------------------------------------------------------------------------------


def _number(text):
    """A float from "52", "52.5" or "52,5" (decimal comma), or None."""
    try:
        value = float(text.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _whole(text):
    value = _number(text)
    return int(value) if value is not None and value.is_integer() else None


# --- Lookups --------------------------------------------------------------------------------------------------


class Lookups:
    """Everything a row refers to, loaded once per import (a handful of queries whatever the file size)."""

    def __init__(self, errors):
        self.errors = errors
        self.organisations = {}
        for organisation in Organisation.objects.only("pk", "name", "slug", "kind"):
            self.organisations[organisation.name.casefold()] = organisation
            self.organisations[organisation.slug.casefold()] = organisation
        self.rounds_by_year = defaultdict(list)
        self.rounds_by_name = {}
        for round_ in Round.objects.select_related("model"):
            self.rounds_by_year[str(round_.year)].append(round_)
            self.rounds_by_name[round_.name.casefold()] = round_
        self._questions = {}
        self._categories = {}
        self._round_cells = {}
        self._organisation_cells = {}

    def required(self, row, number, column):
        value = row.get(column, "")
        if not value:
            self.errors.add(number, _("The column %(column)s is empty.") % {"column": column})
        return value

    def round(self, row, number):
        value = self.required(row, number, "round")
        if not value:
            return None
        if value not in self._round_cells:  # a file repeats the same few values on every row
            self._round_cells[value] = self._find_round(value)
        found, problem = self._round_cells[value]
        if problem:
            self.errors.add(number, problem)
        return found

    def _find_round(self, value):
        found = self.rounds_by_name.get(value.casefold())
        if found is not None:
            return found, None
        by_year = self.rounds_by_year.get(value, [])
        if len(by_year) > 1:
            return None, _("The year %(value)s matches more than one round; give the round's name instead.") % {
                "value": value
            }
        if by_year:
            return by_year[0], None
        return None, _("Unknown round: %(value)s.") % {"value": value}

    def organisation(self, row, number):
        value = self.required(row, number, "organisation")
        if not value:
            return None
        if value not in self._organisation_cells:
            self._organisation_cells[value] = self.organisations.get(value.casefold())
        found = self._organisation_cells[value]
        if found is None:
            self.errors.add(number, _("Unknown organisation: %(value)s.") % {"value": value})
        return found

    def questions(self, model):
        """{CODE: (question id, lowest, highest)} for a model."""
        if model.pk not in self._questions:
            self._questions[model.pk] = {
                code.upper(): (pk, model.scale_min, model.scale_max) if lowest is None else (pk, lowest, highest)
                for pk, code, lowest, highest in Question.objects.filter(category__dimension__model=model).values_list(
                    "pk", "code", "scale_min", "scale_max"
                )
            }
        return self._questions[model.pk]

    def category(self, round_, row, number, allow_total=False):
        """(found, category id or None for the total)."""
        value = self.required(row, number, "category")
        if not value:
            return False, None
        if allow_total and value.casefold() == TOTAL_CATEGORY:
            return True, None
        model = round_.model
        if model.pk not in self._categories:
            by_key = {}
            for pk, code, name in Category.objects.filter(dimension__model=model).values_list("pk", "code", "name"):
                by_key[name.casefold()] = pk
                by_key[code.casefold()] = pk
            self._categories[model.pk] = by_key
        found = self._categories[model.pk].get(value.casefold())
        if found is None:
            self.errors.add(
                number, _("The category %(value)s is not in the model %(model)s.") % {"value": value, "model": model}
            )
            return False, None
        return True, found

    def score(self, row, number):
        value = self.required(row, number, "score")
        if not value:
            return None
        score = _number(value)
        if score is None:
            self.errors.add(number, _("The score %(value)s is not a number.") % {"value": value})
        elif not 0 <= score <= 100:
            self.errors.add(number, _("The score %(value)s must be between 0 and 100.") % {"value": value})
            score = None
        return score


# --- Importers ------------------------------------------------------------------------------------------------


class BaseImporter:
    columns = ()

    def __init__(self, progress=None):
        self.progress = progress or (lambda processed, total: None)

    def check(self, data, name):
        """The file read and checked whole: a CheckedFile to store, or ImportFailed with every problem."""
        columns, rows = read_table(data, name)
        missing = [column for column in self.columns if column not in columns]
        if missing:
            raise ImportFailed(
                [{"row": 1, "message": _("The column %(column)s is missing.") % {"column": c}} for c in missing],
                len(missing),
            )
        total = len(rows)
        self.progress(0, total)
        errors = Errors()
        lookups = Lookups(errors)
        plan = self.start_plan()
        for index, (number, row) in enumerate(rows, start=1):
            self.check_row(plan, lookups, errors, number, row)
            if index % PROGRESS_EVERY == 0:
                self.progress(index, total)
        self.progress(total, total)
        errors.raise_if_any()
        return CheckedFile(importer=self, plan=plan, rows=total)

    @staticmethod
    def ensure_participants(pairs):
        RoundParticipant.objects.bulk_create(
            [RoundParticipant(round_id=r, organisation_id=o) for r, o in pairs], ignore_conflicts=True
        )

    @staticmethod
    def round_names(rounds):
        return ", ".join(sorted(round_.name for round_ in rounds))


def insert_answers(answers):
    """Insert (round_id, organisation_id, respondent, question_id, value) tuples. On PostgreSQL through COPY,
    which takes 100,000 rows in about a second where building model instances for bulk_create takes most of
    the import's time; elsewhere (SQLite in development) bulk_create in batches."""
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(Response._meta.db_table)
        with connection.cursor() as cursor:
            statement = f"COPY {table} (round_id, organisation_id, respondent, question_id, value) FROM STDIN"
            with cursor.cursor.copy(statement) as copy:
                for row in answers:
                    copy.write_row(row)
        return
    Response.objects.bulk_create(
        (Response(round_id=r, organisation_id=o, respondent=p, question_id=q, value=v) for r, o, p, q, v in answers),
        batch_size=BATCH_SIZE,
    )


class ResponsesImporter(BaseImporter):
    """round, organisation, respondent, question, value (empty = not answered)."""

    columns = ("round", "organisation", "respondent", "question", "value")

    def start_plan(self):
        return {"seen": {}, "answers": [], "rounds": {}, "organisations": set()}

    def check_row(self, plan, lookups, errors, number, row):
        round_ = lookups.round(row, number)
        organisation = lookups.organisation(row, number)
        respondent = lookups.required(row, number, "respondent")
        if len(respondent) > 64:
            errors.add(number, _("The respondent may be at most 64 characters long."))
            respondent = ""
        code = lookups.required(row, number, "question")
        question = None
        if round_ is not None and code:
            question = lookups.questions(round_.model).get(code.upper())
            if question is None:
                errors.add(
                    number,
                    _("The question %(value)s is not in the model %(model)s.") % {"value": code, "model": round_.model},
                )
        text, value, ok = row.get("value", ""), None, True
        if text:
            value = _whole(text)
            if value is None:
                errors.add(number, _("The answer %(value)s is not a whole number.") % {"value": text})
                ok = False
            elif question is not None and not question[1] <= value <= question[2]:
                errors.add(
                    number,
                    _("The answer %(value)s is outside the scale %(min)s–%(max)s.")
                    % {"value": text, "min": question[1], "max": question[2]},
                )
                ok = False
        if not (ok and round_ and organisation and respondent and question):
            return
        key = (round_.pk, organisation.pk, respondent, question[0])
        earlier = plan["seen"].get(key)
        if earlier is not None:
            errors.add(
                number,
                _("Respondent %(respondent)s has already answered %(question)s on row %(row)s.")
                % {"respondent": respondent, "question": code, "row": earlier},
            )
            return
        plan["seen"][key] = number
        plan["answers"].append(key + (value,))
        plan["rounds"][round_.pk] = round_
        plan["organisations"].add((round_.pk, organisation.pk))

    def replaced(self, plan):
        return replaced_organisation_data(plan)

    def store(self, plan):
        by_round = defaultdict(set)
        for round_id, organisation_id in plan["organisations"]:
            by_round[round_id].add(organisation_id)
        for round_id, organisation_ids in by_round.items():
            Response.objects.filter(round_id=round_id, organisation_id__in=organisation_ids).delete()
            OrganisationScore.objects.filter(
                round_id=round_id, organisation_id__in=organisation_ids, source=OrganisationScore.Source.IMPORTED
            ).delete()
        self.ensure_participants(plan["organisations"])
        insert_answers(plan["answers"])
        for round_id, organisation_ids in by_round.items():
            recompute_round(plan["rounds"][round_id], organisation_ids)
        respondents = {(r, o, p) for r, o, p, _q, _v in plan["answers"]}
        return _(
            "%(answers)s answers from %(respondents)s respondents in %(organisations)s organisations were imported "
            "(%(rounds)s)."
        ) % {
            "answers": len(plan["answers"]),
            "respondents": len(respondents),
            "organisations": len({o for _r, o in plan["organisations"]}),
            "rounds": self.round_names(plan["rounds"].values()),
        }


class ResultsImporter(BaseImporter):
    """round, organisation, category, score (% of optimal conditions), respondents."""

    columns = ("round", "organisation", "category", "score", "respondents")

    def start_plan(self):
        return {"seen": {}, "results": [], "rounds": {}, "organisations": set()}

    def check_row(self, plan, lookups, errors, number, row):
        round_ = lookups.round(row, number)
        organisation = lookups.organisation(row, number)
        found, category_id = lookups.category(round_, row, number) if round_ else (False, None)
        score = lookups.score(row, number)
        text = lookups.required(row, number, "respondents")
        respondents = _whole(text) if text else None
        if text and (respondents is None or respondents < 0):
            errors.add(
                number, _("The number of respondents %(value)s must be a whole number, 0 or more.") % {"value": text}
            )
            respondents = None
        if not (round_ and organisation and found and score is not None and respondents is not None):
            return
        key = (round_.pk, organisation.pk, category_id)
        earlier = plan["seen"].get(key)
        if earlier is not None:
            errors.add(
                number,
                _("%(organisation)s already has a result for %(category)s in %(round)s on row %(row)s.")
                % {"organisation": organisation, "category": row["category"], "round": round_, "row": earlier},
            )
            return
        plan["seen"][key] = number
        plan["results"].append(key + (score, respondents))
        plan["rounds"][round_.pk] = round_
        plan["organisations"].add((round_.pk, organisation.pk))

    def replaced(self, plan):
        return replaced_organisation_data(plan)

    def store(self, plan):
        by_round = defaultdict(set)
        for round_id, organisation_id in plan["organisations"]:
            by_round[round_id].add(organisation_id)
        for round_id, organisation_ids in by_round.items():
            Response.objects.filter(round_id=round_id, organisation_id__in=organisation_ids).delete()
            OrganisationScore.objects.filter(round_id=round_id, organisation_id__in=organisation_ids).delete()
        self.ensure_participants(plan["organisations"])
        OrganisationScore.objects.bulk_create(
            [
                OrganisationScore(
                    round_id=r,
                    organisation_id=o,
                    level=OrganisationScore.Level.CATEGORY,
                    category_id=c,
                    score=score,
                    respondents=respondents,
                    source=OrganisationScore.Source.IMPORTED,
                )
                for r, o, c, score, respondents in plan["results"]
            ],
            batch_size=BATCH_SIZE,
        )
        for round_id, organisation_ids in by_round.items():
            recompute_round(plan["rounds"][round_id], organisation_ids)
        return _("%(results)s category results for %(organisations)s organisations were imported (%(rounds)s).") % {
            "results": len(plan["results"]),
            "organisations": len({o for _r, o in plan["organisations"]}),
            "rounds": self.round_names(plan["rounds"].values()),
        }


class NationalImporter(BaseImporter):
    """round, category (a category code or "total"), score, source, and optionally year (of the source)."""

    columns = ("round", "category", "score", "source")

    def start_plan(self):
        return {"seen": {}, "values": [], "rounds": {}}

    def check_row(self, plan, lookups, errors, number, row):
        round_ = lookups.round(row, number)
        found, category_id = lookups.category(round_, row, number, allow_total=True) if round_ else (False, None)
        score = lookups.score(row, number)
        source = lookups.required(row, number, "source")
        if len(source) > 300:
            errors.add(number, _("The source may be at most 300 characters long."))
            source = ""
        text, year = row.get("year", ""), None
        if text:
            year = _whole(text)
            if year is None or not 1900 <= year <= 2100:
                errors.add(number, _("The year %(value)s is not a valid year.") % {"value": text})
                return
        if not (round_ and found and score is not None and source):
            return
        key = (round_.pk, category_id, source)
        earlier = plan["seen"].get(key)
        if earlier is not None:
            errors.add(
                number,
                _("There is already a value for %(category)s from %(source)s in %(round)s on row %(row)s.")
                % {"category": row["category"], "source": source, "round": round_, "row": earlier},
            )
            return
        plan["seen"][key] = number
        plan["values"].append(key + (score, year))
        plan["rounds"][round_.pk] = round_

    def replaced(self, plan):
        """Per round in the file: the sources whose earlier values there will be replaced."""
        sources = defaultdict(set)
        for round_id, _category, source, _score, _year in plan["values"]:
            sources[round_id].add(source)
        earlier = defaultdict(dict)
        references = NationalReference.objects.filter(
            round__in=plan["rounds"], source__in=set().union(*sources.values())
        )
        for round_id, source, count in references.values_list("round_id", "source").annotate(n=Count("pk")).order_by():
            if source in sources[round_id]:
                earlier[round_id][source] = count
        return [
            {
                **_round_entry(round_),
                "sources": [
                    {"source": source, "values": count} for source, count in sorted(earlier[round_.pk].items())
                ],
            }
            for round_ in _in_order(plan["rounds"].values())
        ]

    def store(self, plan):
        for round_id, source in {(r, s) for r, _c, s, _score, _y in plan["values"]}:
            NationalReference.objects.filter(round_id=round_id, source=source).delete()
        NationalReference.objects.bulk_create(
            [
                NationalReference(round_id=r, category_id=c, source=s, score=score, source_year=year)
                for r, c, s, score, year in plan["values"]
            ]
        )
        transaction.on_commit(page_cache.purge)  # the start page's headline compares with these values
        results_version.bump_on_commit()  # and the dashboards draw them
        return _("%(values)s national reference values were imported (%(rounds)s).") % {
            "values": len(plan["values"]),
            "rounds": self.round_names(plan["rounds"].values()),
        }


IMPORTERS = {
    ImportJob.Kind.RESPONSES: ResponsesImporter,
    ImportJob.Kind.RESULTS: ResultsImporter,
    ImportJob.Kind.NATIONAL: NationalImporter,
}


# --- What an import replaces -----------------------------------------------------------------------------------


def _in_order(rounds):
    return sorted(rounds, key=lambda round_: (round_.year, round_.name))


def _round_entry(round_):
    return {"round": round_.name, "year": round_.year, "published": round_.status == Round.Status.PUBLISHED}


def replaced_organisation_data(plan):
    """Per round in the file: the organisations in it that already have answers or imported results there (they
    are replaced), and how many organisations in it have none yet."""
    by_round = defaultdict(set)
    for round_id, organisation_id in plan["organisations"]:
        by_round[round_id].add(organisation_id)
    earlier = defaultdict(lambda: {"answers": 0, "results": 0})
    pairs = Q()
    for round_id, organisation_ids in by_round.items():
        pairs |= Q(round_id=round_id, organisation_id__in=organisation_ids)
    for key, queryset in (
        ("answers", Response.objects.filter(pairs)),
        ("results", OrganisationScore.objects.filter(pairs, source=OrganisationScore.Source.IMPORTED)),
    ):
        for round_id, organisation_id, count in (
            queryset.values_list("round_id", "organisation_id").annotate(n=Count("pk")).order_by()
        ):
            earlier[(round_id, organisation_id)][key] = count
    names = dict(Organisation.objects.filter(pk__in={o for _r, o in plan["organisations"]}).values_list("pk", "name"))
    entries = []
    for round_ in _in_order(plan["rounds"].values()):
        replaced = [
            {"name": names[organisation_id], **earlier[(round_.pk, organisation_id)]}
            for organisation_id in by_round[round_.pk]
            if (round_.pk, organisation_id) in earlier
        ]
        replaced.sort(key=lambda entry: entry["name"].casefold())
        entries.append(
            {
                **_round_entry(round_),
                "organisations": replaced,
                "new_organisations": len(by_round[round_.pk]) - len(replaced),
            }
        )
    return entries


def replaced_data(checked):
    """What storing a checked file replaces, per round, as plain data (kept on the ImportJob while it waits)."""
    return checked.importer.replaced(checked.plan)


def needs_confirmation(replaced):
    """An import into a published round, or one that replaces earlier data, waits for a person to confirm it."""
    return any(entry["published"] or entry.get("organisations") or entry.get("sources") for entry in replaced)


def replacement_lines(replaced):
    """What an import replaces, in sentences for the admin's confirmation step and the command line."""
    lines = []
    for entry in replaced:
        if entry["published"]:
            lines.append(_("%(round)s is published: the import changes results that are already shown.") % entry)
        for organisation in entry.get("organisations", []):
            lines.append(
                _("%(organisation)s in %(round)s: %(answers)s answers and %(results)s imported results are replaced.")
                % {"organisation": organisation["name"], "round": entry["round"], **organisation}
            )
        if entry.get("new_organisations"):
            lines.append(
                ngettext(
                    "%(count)s organisation in %(round)s has no earlier data there.",
                    "%(count)s organisations in %(round)s have no earlier data there.",
                    entry["new_organisations"],
                )
                % {"count": entry["new_organisations"], "round": entry["round"]}
            )
        for source in entry.get("sources", []):
            lines.append(
                ngettext(
                    "%(source)s in %(round)s: %(values)s national value is replaced.",
                    "%(source)s in %(round)s: %(values)s national values are replaced.",
                    source["values"],
                )
                % {"source": source["source"], "round": entry["round"], "values": source["values"]}
            )
    return lines


# --- Running an import ----------------------------------------------------------------------------------------


def check_import(kind, data, name, progress=None):
    """Read and check one file's bytes whole; returns a CheckedFile or raises ImportFailed. Stores nothing."""
    return IMPORTERS[kind](progress=progress).check(data, name)


def store_import(checked):
    """Store a checked file in one transaction."""
    with transaction.atomic():
        summary = checked.importer.store(checked.plan)
    return ImportReport(rows=checked.rows, summary=summary)


def run_import(kind, data, name, progress=None):
    """Check and store one file's bytes, without asking (the benchmark and tests); returns an ImportReport or
    raises ImportFailed."""
    return store_import(check_import(kind, data, name, progress=progress))


def store_for_job(job, checked):
    """Store a checked file for its job and record the outcome. The job row is saved as running before the data's
    transaction begins, so it is committed first: a process that dies after the data's commit still leaves the
    job behind (as running) in the import history. The audit log entry is written in the data's transaction."""
    job.status = ImportJob.Status.RUNNING
    job.total_rows = checked.rows
    job.save()
    with transaction.atomic():
        report = store_import(checked)
        audit.log_import(job)
        if job.confirmed and needs_confirmation(job.replaces):
            audit.log_replacement(job)
    job.status, job.summary = ImportJob.Status.DONE, report.summary
    job.processed_rows = job.total_rows = report.rows
    job.finished_at = timezone.now()
    job.save()
    return report


def run_job(job):
    """Process an ImportJob (in a Celery worker, or in the request for a small file once confirmed): progress,
    errors and the summary are saved on the job so the admin can show them. A file that would replace published or
    earlier data stops after the check until someone confirms it (job.confirmed); the file is kept until then.
    Otherwise the uploaded file is deleted afterwards: it may hold respondent identifiers and the stored data is
    what counts (data minimisation)."""
    jobs = ImportJob.objects.filter(pk=job.pk)
    jobs.update(status=ImportJob.Status.RUNNING)
    job.status = ImportJob.Status.RUNNING

    def progress(processed, total):
        jobs.update(processed_rows=processed, total_rows=total)

    try:
        with job.file.open("rb") as upload:
            data = upload.read()
        checked = check_import(job.kind, data, job.original_name, progress=progress)
        if not job.confirmed:
            job.replaces = replaced_data(checked)
            if needs_confirmation(job.replaces):
                job.status = ImportJob.Status.AWAITING_CONFIRMATION
                job.processed_rows = job.total_rows = checked.rows
                return job
        store_for_job(job, checked)
    except ImportFailed as exc:
        job.refresh_from_db(fields=["processed_rows", "total_rows"])
        job.status, job.errors, job.error_count = ImportJob.Status.FAILED, exc.errors, exc.error_count
        job.summary = _("Nothing was imported.")
    except Exception:
        logger.exception("Maturity import job %s stopped", job.pk)
        job.refresh_from_db(fields=["processed_rows", "total_rows"])
        job.status, job.summary = ImportJob.Status.FAILED, _("The import stopped because of an unexpected error.")
        raise
    finally:
        if job.status != ImportJob.Status.AWAITING_CONFIRMATION:
            job.finished_at = timezone.now()
            if job.file:
                job.file.delete(save=False)
        job.save()
    return job
