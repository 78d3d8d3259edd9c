"""The JSON Schema of maturity model files (model_file.schema.json) and its errors in Swedish.

The schema says which keys exist, which are required and what type each value has; jsonschema checks a file
against it and this module turns each problem into one message naming where in the file it is, for example
"dimensions[1].categories[0]: code saknas.". What a schema cannot express (unique codes, max above min, one label
per answer value) is checked by the loader afterwards.
"""

import json
from pathlib import Path

from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator

SCHEMA_FILE = Path(__file__).resolve().parent / "model_file.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)

LISTS = ("dimensions", "categories", "questions")
# Optional fields whose values have one fixed form, described as a whole whatever part of them is wrong.
FORM_MESSAGES = {
    "labels": lambda: _("labels must be a list of texts."),
    "tags": lambda: _("tags must be a list of words or a comma-separated text."),
    "focus_areas": lambda: _("focus_areas must be a list of focus area slugs."),
    "reconstructed": lambda: _("reconstructed must be true or false."),
}


def where(path):
    """A place in the file as it is written in messages: dimensions[1].categories[0].questions[2]."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _is_missing(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _field_message(error):
    """(place, message) for a problem with one value, named by its key (or the key of the list it is in)."""
    path = list(error.absolute_path)
    if not path:
        return "", _("The file must describe one model (a mapping at the top level).")
    if isinstance(path[-1], int) and path[-2] in LISTS:
        return where(path), _("Expected a mapping.")
    while isinstance(path[-1], int):  # an item of a list of texts: the list is what is wrong
        path.pop()
    field, place = path[-1], where(path[:-1])
    if field in LISTS:
        return place, _("%(field)s must be a non-empty list.") % {"field": field}
    if field in FORM_MESSAGES:
        return place, FORM_MESSAGES[field]()
    if error.validator in ("type", "pattern") and _is_missing(error.instance):
        return place, _("%(field)s is missing.") % {"field": field}
    if field == "scale":
        return place, _("scale must be a mapping with min and max.")
    if error.validator == "maxLength":
        return place, _("%(field)s may be at most %(max)s characters long.") % {
            "field": field,
            "max": error.validator_value,
        }
    if error.validator == "pattern" and field == "slug":
        return place, _("slug may contain only lower-case letters a–z, digits, hyphens and underscores.")
    if error.validator == "pattern":
        return place, _("The code %(code)s contains characters that are not allowed.") % {"code": error.instance}
    if error.validator_value == "integer":
        return place, _("%(field)s must be a whole number.") % {"field": field}
    return place, _("%(field)s must be text.") % {"field": field}


def _messages(error):
    place = where(error.absolute_path)
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return [(place, _("%(field)s is missing.") % {"field": name}) for name in missing]
    if error.validator == "additionalProperties":
        unknown = [key for key in error.instance if key not in error.schema.get("properties", {})]
        return [(place, _("The key %(key)s is not part of the format.") % {"key": key}) for key in unknown]
    return [_field_message(error)]


def errors(data):
    """Every way the data breaks the schema, in Swedish, mapping by mapping down the file; [] when it fits."""
    found = []
    for error in VALIDATOR.iter_errors(data):
        for place, message in _messages(error):
            found.append(f"{place}: {message}" if place else message)
    return list(dict.fromkeys(found))  # a required key missing twice in one mapping is reported once
