"""The organisation table as CSV and XLSX, with the same rows the dashboard shows the user.

CSV is written for Swedish Excel: UTF-8 with a byte order mark (so å, ä and ö survive a double-click), semicolons
between fields and a decimal comma. XLSX holds real numbers (one decimal shown). Organisations below the respondent
threshold keep their row, with empty scores and the note "För få svar"; organisation_rows() never hands out their
scores in the first place.
"""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from maturity import privacy
from maturity.models import GroupScore

CSV_DELIMITER = ";"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _rounded(value):
    return round(value, 1) if value is not None else None


def table(selection, dimensions, categories, rows):
    """Header and rows as plain values (numbers or None), shared by both formats."""
    previous_year = selection.previous.year if selection.previous else None
    header = [
        _("Organisation"),
        _("Kind"),
        _("Round"),
        _("Respondents"),
        _("Invited"),
        _("Response rate (%)"),
        _("Total (%)"),
        _("Change since %(year)s (percentage points)") % {"year": previous_year}
        if previous_year
        else _("Change since the previous round (percentage points)"),
    ]
    header += [f"{dimension.name} (%)" for dimension in dimensions]
    header += [f"{category.name} (%)" for category in categories]
    header.append(_("Note"))
    body = []
    for row in rows:
        body.append(
            [
                row.organisation.name,
                row.organisation.get_kind_display(),
                selection.selected.year,
                row.respondents,
                row.invited,
                _rounded(row.response_rate),
                _rounded(row.total),
                _rounded(row.change),
                *[_rounded(row.dimensions.get(dimension.pk)) for dimension in dimensions],
                *[_rounded(row.categories.get(category.pk)) for category in categories],
                _("Too few responses") if row.hidden else "",
            ]
        )
    return header, body


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return value


def to_csv(header, body):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    for values in body:
        writer.writerow([_csv_cell(value) for value in values])
    return buffer.getvalue().encode("utf-8")


def to_xlsx(header, body, sheet_title):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]  # Excel's limit for sheet names
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in body:
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, float):
                cell.number_format = "0.0"
    sheet.freeze_panes = "B2"
    for index, title in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(len(str(title)) + 2, 40))
    sheet.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- Open data --------------------------------------------------------------------------------------------------


def _figure(row):
    if row is None:
        return None
    return {"score": round(row.score, 1), "organisations": row.organisations, "respondents": row.respondents}


def open_data(rounds, categories_by_model, groups, national_by_round):
    """The public JSON document (format: maturity/open_data.schema.json). Group-level figures only: no
    organisation is named, and only the groups the rule for group figures lets through (privacy.py, applied by
    queries.GroupFigures)."""
    documents = []
    for round_ in rounds:
        categories = categories_by_model.get(round_.model_id, [])
        dimensions = []
        for category in categories:
            if category.dimension not in dimensions:
                dimensions.append(category.dimension)
        group_documents = []
        for kind in GroupScore.Kind:
            total = groups.get(round_.pk, kind.value)
            if total is None:
                continue
            group_documents.append(
                {
                    "group": kind.value,
                    "label": str(kind.label),
                    "total": _figure(total),
                    "dimensions": [
                        {"dimension": dimension.code, **_figure(row)}
                        for dimension in dimensions
                        if (row := groups.get(round_.pk, kind.value, "dimension", dimension.pk)) is not None
                    ],
                    "categories": [
                        {"category": category.code, **_figure(row)}
                        for category in categories
                        if (row := groups.get(round_.pk, kind.value, "category", category.pk)) is not None
                    ],
                }
            )
        model = round_.model
        documents.append(
            {
                "year": round_.year,
                "name": round_.name,
                "demo": round_.is_demo,
                "published_at": round_.published_at.isoformat() if round_.published_at else None,
                "model": {
                    "slug": model.slug,
                    "name": model.name,
                    "version": model.version,
                    "source": model.source,
                    "scale": {"min": model.scale_min, "max": model.scale_max},
                },
                "dimensions": [{"code": dimension.code, "name": dimension.name} for dimension in dimensions],
                "categories": [
                    {
                        "code": category.code,
                        "name": category.name,
                        "dimension": category.dimension.code,
                        "reconstructed": category.reconstructed,
                    }
                    for category in categories
                ],
                "groups": group_documents,
                "national_references": [
                    {
                        "source": reference.source,
                        "source_year": reference.source_year,
                        "category": reference.category.code if reference.category_id else None,
                        "score": round(reference.score, 1),
                    }
                    for reference in national_by_round.get(round_.pk, [])
                ],
            }
        )
    return {
        "title": _("Digital maturity: group-level results"),
        "description": _(
            "Results of the published survey rounds for the whole group, administrations and companies, in per cent "
            "of optimal conditions, with the national reference values and their sources. No organisation-level "
            "figures are included."
        ),
        "unit": "percent_of_optimal_conditions",
        "min_respondents": privacy.MIN_RESPONDENTS,
        "min_organisations_in_group": privacy.MIN_ORGANISATIONS_IN_GROUP,
        "rounds": documents,
    }
