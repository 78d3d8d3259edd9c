"""A dataset's three files: its JSON Schema, the JSON document the schema describes, and the same rows as CSV."""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse

from arena.open_data.licences import current_licence
from arena.site_url import absolute_url

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def file_url(name, dataset):
    """The absolute address of one of a dataset's files: name is "json", "csv" or "schema"."""
    return absolute_url(reverse(f"open_data:{name}", kwargs={"slug": dataset.slug}))


def landing_url():
    return absolute_url(reverse("open_data:landing"))


def _column_schema(column):
    schema = {"type": [column.type, "null"] if column.nullable else column.type, "description": column.description}
    if column.format:
        schema["format"] = column.format
    return schema


def json_schema(dataset):
    """The JSON Schema of the dataset's JSON document; its $id is the address it is served at."""
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": file_url("schema", dataset),
        "title": dataset.title,
        "description": dataset.description,
        "type": "object",
        "required": ["title", "license", "landing_page", "modified", "rows"],
        "additionalProperties": False,
        "properties": {
            "title": {"type": "string"},
            "license": {"type": "string", "format": "uri"},
            "landing_page": {"type": "string", "format": "uri"},
            "modified": {"type": ["string", "null"], "format": "date-time"},
            "rows": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [column.name for column in dataset.columns],
                    "additionalProperties": False,
                    "properties": {column.name: _column_schema(column) for column in dataset.columns},
                },
            },
        },
    }


def json_document(dataset, rows, modified):
    return {
        "title": dataset.title,
        "license": current_licence().url,
        "landing_page": landing_url(),
        "modified": modified.isoformat() if modified else None,
        "rows": rows,
    }


def to_json(document):
    return json.dumps(document, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder).encode("utf-8")


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def to_csv(dataset, rows):
    """RFC 4180 CSV with a header row of the column names; empty cells for missing values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    names = [column.name for column in dataset.columns]
    writer.writerow(names)
    for row in rows:
        writer.writerow([_csv_value(row[name]) for name in names])
    return buffer.getvalue().encode("utf-8")
