"""Load a maturity model (dimensions → categories → questions) from a YAML or JSON file.

The format is documented in maturity/model_files/README.md. Loading is idempotent: the model is found by its
slug and every part by its code, so a second load of the same file changes nothing and an edited file updates
the stored model in place. The whole file is validated before anything is written; the write is one
transaction. Parts that are no longer in the file are removed only while nothing has been measured with them.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Max, Min
from django.utils.translation import gettext as _

from arena.models import FocusArea
from maturity.models import (
    Category,
    Dimension,
    MaturityModel,
    NationalReference,
    OrganisationScore,
    Question,
    Response,
)

SLUG = re.compile(r"^[-a-z0-9_]+$")
QUESTION_CODE = re.compile(r"^[A-Za-z0-9_.-]{1,20}$")


class ModelFileError(Exception):
    """The file cannot be loaded; `errors` lists every problem found, in Swedish."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class LoadResult:
    model: MaturityModel
    created: bool
    counts: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    recomputed: list = field(default_factory=list)  # rounds whose stored scores the new version changed


def read_model_file(path):
    """Parse a .yaml/.yml or .json file into plain data."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json"):
        raise ModelFileError([_("The file must end in .yaml, .yml or .json.")])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ModelFileError([_("The file %(path)s does not exist.") % {"path": path}]) from None
    except UnicodeDecodeError:
        raise ModelFileError([_("The file is not UTF-8 encoded.")]) from None
    except OSError:  # a directory, or no permission to read it
        raise ModelFileError([_("The file %(path)s could not be opened.") % {"path": path}]) from None
    try:
        return json.loads(text) if suffix == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise ModelFileError([_("The file could not be read: %(error)s") % {"error": exc}]) from None


def load_model_file(path):
    return load_model(read_model_file(path))


class _Checker:
    """Collects every problem in the data with the place it was found, e.g. "dimensions[1].categories[0]"."""

    def __init__(self):
        self.errors = []

    def error(self, where, message):
        self.errors.append(f"{where}: {message}" if where else message)

    def text(self, data, key, where, required=True, max_length=None):
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(where, _("%(field)s is missing.") % {"field": key})
            return ""
        if not isinstance(value, str | int | float):
            self.error(where, _("%(field)s must be text.") % {"field": key})
            return ""
        value = str(value).strip()
        if max_length and len(value) > max_length:
            self.error(
                where, _("%(field)s may be at most %(max)s characters long.") % {"field": key, "max": max_length}
            )
        return value

    def code(self, data, where, pattern, max_length):
        value = self.text(data, "code", where, max_length=max_length)
        if value and not pattern.match(value):
            self.error(where, _("The code %(code)s contains characters that are not allowed.") % {"code": value})
        return value

    def integer(self, data, key, where, required=True):
        value = data.get(key)
        if value is None:
            if required:
                self.error(where, _("%(field)s is missing.") % {"field": key})
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(where, _("%(field)s must be a whole number.") % {"field": key})
            return None
        return value

    def items(self, data, key, where):
        value = data.get(key)
        if not isinstance(value, list) or not value:
            self.error(where, _("%(field)s must be a non-empty list.") % {"field": key})
            return []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.error(f"{where}.{key}[{index}]" if where else f"{key}[{index}]", _("Expected a mapping."))
        return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]

    def scale(self, data, where, required):
        scale = data.get("scale")
        if scale is None:
            if required:
                self.error(where, _("%(field)s is missing.") % {"field": "scale"})
            return None
        if not isinstance(scale, dict):
            self.error(where, _("scale must be a mapping with min and max."))
            return None
        where = f"{where}.scale" if where else "scale"
        lowest, highest = self.integer(scale, "min", where), self.integer(scale, "max", where)
        if lowest is None or highest is None:
            return None
        if highest <= lowest:
            self.error(where, _("max must be greater than min."))
            return None
        return lowest, highest


def _tags(value, checker, where):
    if value is None:
        return ""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        checker.error(where, _("tags must be a list of words or a comma-separated text."))
        return ""
    tags = ", ".join(tag.strip() for tag in value if tag.strip())
    if len(tags) > 500:
        checker.error(where, _("%(field)s may be at most %(max)s characters long.") % {"field": "tags", "max": 500})
    return tags


def parse_model(data):
    """Validate the data and return a normalised plan; raises ModelFileError with every problem."""
    checker = _Checker()
    if not isinstance(data, dict):
        raise ModelFileError([_("The file must describe one model (a mapping at the top level).")])
    plan = {
        "slug": checker.text(data, "slug", "", max_length=80),
        "name": checker.text(data, "name", "", max_length=200),
        "version": checker.text(data, "version", "", required=False, max_length=40),
        "source": checker.text(data, "source", "", required=False),
        "source_url": checker.text(data, "source_url", "", required=False, max_length=500),
        "description": checker.text(data, "description", "", required=False),
        "notes": checker.text(data, "notes", "", required=False),
        "dimensions": [],
    }
    if plan["slug"] and not SLUG.match(plan["slug"]):
        checker.error("", _("slug may contain only lower-case letters a–z, digits, hyphens and underscores."))
    scale = checker.scale(data, "", required=True) or (None, None)
    plan["scale_min"], plan["scale_max"] = scale
    labels = (data.get("scale") or {}).get("labels", []) if isinstance(data.get("scale"), dict) else []
    if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
        checker.error("scale", _("labels must be a list of texts."))
        labels = []
    elif labels and None not in scale and len(labels) != scale[1] - scale[0] + 1:
        checker.error(
            "scale", _("labels must have one text per answer value (%(count)s).") % {"count": scale[1] - scale[0] + 1}
        )
    plan["scale_labels"] = labels

    seen_dimensions, seen_categories, seen_questions = set(), set(), set()
    for d_index, dimension in checker.items(data, "dimensions", ""):
        where = f"dimensions[{d_index}]"
        d_plan = {
            "code": checker.code(dimension, where, SLUG, 40),
            "name": checker.text(dimension, "name", where, max_length=200),
            "description": checker.text(dimension, "description", where, required=False),
            "sort_order": d_index,
            "categories": [],
        }
        if d_plan["code"] in seen_dimensions:
            checker.error(where, _("The code %(code)s is used twice.") % {"code": d_plan["code"]})
        seen_dimensions.add(d_plan["code"])
        for c_index, category in checker.items(dimension, "categories", where):
            c_where = f"{where}.categories[{c_index}]"
            reconstructed = category.get("reconstructed", False)
            if not isinstance(reconstructed, bool):
                checker.error(c_where, _("reconstructed must be true or false."))
            focus_areas = category.get("focus_areas") or []
            if not isinstance(focus_areas, list) or not all(isinstance(slug, str) for slug in focus_areas):
                checker.error(c_where, _("focus_areas must be a list of focus area slugs."))
                focus_areas = []
            c_plan = {
                "code": checker.code(category, c_where, SLUG, 40),
                "name": checker.text(category, "name", c_where, max_length=200),
                "description": checker.text(category, "description", c_where, required=False),
                "reconstructed": reconstructed is True,
                "tags": _tags(category.get("tags"), checker, c_where),
                "focus_areas": focus_areas,
                "sort_order": c_index,
                "questions": [],
            }
            if c_plan["code"] in seen_categories:
                checker.error(c_where, _("The code %(code)s is used twice.") % {"code": c_plan["code"]})
            seen_categories.add(c_plan["code"])
            for q_index, question in checker.items(category, "questions", c_where):
                q_where = f"{c_where}.questions[{q_index}]"
                q_scale = checker.scale(question, q_where, required=False) or (None, None)
                q_plan = {
                    "code": checker.code(question, q_where, QUESTION_CODE, 20),
                    "text": checker.text(question, "text", q_where),
                    "sort_order": q_index,
                    "scale_min": q_scale[0],
                    "scale_max": q_scale[1],
                }
                if q_plan["code"].upper() in seen_questions:
                    checker.error(q_where, _("The code %(code)s is used twice.") % {"code": q_plan["code"]})
                seen_questions.add(q_plan["code"].upper())
                c_plan["questions"].append(q_plan)
            d_plan["categories"].append(c_plan)
        plan["dimensions"].append(d_plan)
    if checker.errors:
        raise ModelFileError(checker.errors)
    return plan


def _check_against_database(model, plan):
    """What the file would remove or make invalid among data already measured with this model."""
    errors = []
    if model is None:
        return errors
    questions = {q["code"]: q for d in plan["dimensions"] for c in d["categories"] for q in c["questions"]}
    categories = {c["code"] for d in plan["dimensions"] for c in d["categories"]}
    answered = (
        Response.objects.filter(question__category__dimension__model=model, value__isnull=False)
        .values("question__code")
        .annotate(lowest=Min("value"), highest=Max("value"))
        .order_by()
    )
    for row in answered:
        code = row["question__code"]
        question = questions.get(code)
        if question is None:
            errors.append(_("The question %(code)s has answers and cannot be removed.") % {"code": code})
            continue
        lowest = question["scale_min"] if question["scale_min"] is not None else plan["scale_min"]
        highest = question["scale_max"] if question["scale_max"] is not None else plan["scale_max"]
        if row["lowest"] < lowest or row["highest"] > highest:
            errors.append(
                _("The question %(code)s has answers outside the new scale %(min)s–%(max)s.")
                % {"code": code, "min": lowest, "max": highest}
            )
    measured = set(
        OrganisationScore.objects.filter(category__dimension__model=model).values_list("category__code", flat=True)
    ) | set(NationalReference.objects.filter(category__dimension__model=model).values_list("category__code", flat=True))
    for code in sorted(measured - categories):
        errors.append(_("The category %(code)s has results and cannot be removed.") % {"code": code})
    return errors


def load_model(data):
    """Validate, then create or update the model from parsed file data (one transaction)."""
    plan = parse_model(data)
    with transaction.atomic():
        model = MaturityModel.objects.select_for_update().filter(slug=plan["slug"]).first()
        errors = _check_against_database(model, plan)
        if errors:
            raise ModelFileError(errors)
        before = _scoring_fingerprint(model)
        result = _write(model, plan)
        if before is not None and before != _scoring_fingerprint(result.model):
            # A new scale or a question moved to another category changes every stored score of the model.
            from maturity.scoring import recompute_round

            for round_ in result.model.rounds.order_by("year"):
                recompute_round(round_)
                result.recomputed.append(round_)
        return result


def _scoring_fingerprint(model):
    """What the stored scores depend on: each question's category and scale, each category's dimension."""
    if model is None:
        return None
    model.refresh_from_db(fields=["scale_min", "scale_max"])
    return (
        model.scale_min,
        model.scale_max,
        sorted(
            Question.objects.filter(category__dimension__model=model).values_list(
                "code", "category__code", "category__dimension__code", "scale_min", "scale_max"
            )
        ),
    )


def _write(model, plan):
    created = model is None
    fields = ["name", "version", "source", "source_url", "description", "notes", "scale_min", "scale_max"]
    model = model or MaturityModel(slug=plan["slug"])
    for name in [*fields, "scale_labels"]:
        setattr(model, name, plan[name])
    model.save()
    result = LoadResult(model=model, created=created, counts={"dimensions": 0, "categories": 0, "questions": 0})

    dimensions = {d.code: d for d in model.dimensions.all()}
    categories = {c.code: c for c in Category.objects.filter(dimension__model=model)}
    questions = {q.code: q for q in Question.objects.filter(category__dimension__model=model)}
    areas = {a.slug: a for a in FocusArea.objects.all()}
    kept = {"dimensions": set(), "categories": set(), "questions": set()}

    for d_plan in plan["dimensions"]:
        dimension = dimensions.get(d_plan["code"]) or Dimension(model=model, code=d_plan["code"])
        _save(dimension, d_plan, ["name", "description", "sort_order"])
        kept["dimensions"].add(dimension.pk)
        for c_plan in d_plan["categories"]:
            category = categories.get(c_plan["code"]) or Category(code=c_plan["code"])
            category.dimension = dimension
            _save(category, c_plan, ["name", "description", "reconstructed", "tags", "sort_order"])
            kept["categories"].add(category.pk)
            wanted = [areas[slug] for slug in c_plan["focus_areas"] if slug in areas]
            result.warnings += [
                _("The focus area %(slug)s does not exist and was skipped.") % {"slug": slug}
                for slug in c_plan["focus_areas"]
                if slug not in areas
            ]
            category.focus_areas.set(wanted)
            for q_plan in c_plan["questions"]:
                question = questions.get(q_plan["code"]) or Question(code=q_plan["code"])
                question.category = category
                _save(question, q_plan, ["text", "sort_order", "scale_min", "scale_max"])
                kept["questions"].add(question.pk)

    # Unmeasured parts that left the file go; measured ones were refused in _check_against_database.
    Question.objects.filter(category__dimension__model=model).exclude(pk__in=kept["questions"]).delete()
    Category.objects.filter(dimension__model=model).exclude(pk__in=kept["categories"]).delete()
    model.dimensions.exclude(pk__in=kept["dimensions"]).delete()
    result.counts = {name: len(pks) for name, pks in kept.items()}
    result.warnings = list(dict.fromkeys(result.warnings))
    return result


def _save(instance, plan, fields):
    for name in fields:
        setattr(instance, name, plan[name])
    instance.save()
