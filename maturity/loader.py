"""Load a maturity model (dimensions → categories → questions) from a YAML or JSON file.

The format is documented in maturity/model_files/README.md and defined by maturity/model_file.schema.json.
Loading is idempotent: the model is found by its slug and every part by its code, so a second load of the same
file changes nothing and an edited file updates the stored model in place. The whole file is checked before
anything is written: first against the schema (model_file_schema.py), then the cross-references a schema cannot
express (here), then against what has already been measured with the model; the write is one transaction. Parts
that are no longer in the file are removed only while nothing has been measured with them.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Max, Min
from django.utils.translation import gettext as _

from arena.models import FocusArea
from maturity import model_file_schema, results_version
from maturity.models import (
    Category,
    Dimension,
    MaturityModel,
    NationalReference,
    OrganisationScore,
    Question,
    Response,
)

TAGS_MAX_LENGTH = Category._meta.get_field("tags").max_length


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


def _text(value):
    return "" if value is None else str(value).strip()


class _CrossChecks:
    """What the schema cannot say, with the place in the file: codes used twice, scales, the labels, the tags."""

    def __init__(self):
        self.errors = []
        self.seen = {"dimensions": set(), "categories": set(), "questions": set()}

    def error(self, where, message):
        self.errors.append(f"{where}: {message}" if where else message)

    def unique(self, kind, code, where, key=None):
        key = key or code
        if key in self.seen[kind]:
            self.error(where, _("The code %(code)s is used twice.") % {"code": code})
        self.seen[kind].add(key)

    def scale(self, scale, where):
        """(lowest, highest), or (None, None) when there is no scale or it is upside down."""
        if scale is None:
            return None, None
        if scale["max"] <= scale["min"]:
            self.error(where, _("max must be greater than min."))
            return None, None
        return int(scale["min"]), int(scale["max"])

    def tags(self, value, where):
        words = value.split(",") if isinstance(value, str) else value or []
        tags = ", ".join(tag.strip() for tag in words if tag.strip())
        if len(tags) > TAGS_MAX_LENGTH:
            self.error(
                where,
                _("%(field)s may be at most %(max)s characters long.") % {"field": "tags", "max": TAGS_MAX_LENGTH},
            )
        return tags


def parse_model(data):
    """Validate the data against the schema, then the cross-references, and return a normalised plan; raises
    ModelFileError with every problem found."""
    errors = model_file_schema.errors(data)
    if errors:
        raise ModelFileError(errors)
    checks = _CrossChecks()
    scale_min, scale_max = checks.scale(data["scale"], "scale")
    labels = data["scale"].get("labels", [])
    if labels and scale_min is not None and len(labels) != scale_max - scale_min + 1:
        checks.error(
            "scale",
            _("labels must have one text per answer value (%(count)s).") % {"count": scale_max - scale_min + 1},
        )
    plan = {
        "slug": _text(data["slug"]),
        "name": _text(data["name"]),
        **{key: _text(data.get(key)) for key in ("version", "source", "source_url", "description", "notes")},
        "scale_min": scale_min,
        "scale_max": scale_max,
        "scale_labels": labels,
        "dimensions": [],
    }
    for d_index, dimension in enumerate(data["dimensions"]):
        where = f"dimensions[{d_index}]"
        d_plan = {
            "code": _text(dimension["code"]),
            "name": _text(dimension["name"]),
            "description": _text(dimension.get("description")),
            "sort_order": d_index,
            "categories": [],
        }
        checks.unique("dimensions", d_plan["code"], where)
        for c_index, category in enumerate(dimension["categories"]):
            c_where = f"{where}.categories[{c_index}]"
            c_plan = {
                "code": _text(category["code"]),
                "name": _text(category["name"]),
                "description": _text(category.get("description")),
                "reconstructed": category.get("reconstructed", False),
                "tags": checks.tags(category.get("tags"), c_where),
                "focus_areas": category.get("focus_areas") or [],
                "sort_order": c_index,
                "questions": [],
            }
            checks.unique("categories", c_plan["code"], c_where)
            for q_index, question in enumerate(category["questions"]):
                q_where = f"{c_where}.questions[{q_index}]"
                q_min, q_max = checks.scale(question.get("scale"), f"{q_where}.scale")
                q_plan = {
                    "code": _text(question["code"]),
                    "text": _text(question["text"]),
                    "sort_order": q_index,
                    "scale_min": q_min,
                    "scale_max": q_max,
                }
                # Answers are imported by question code whatever its case, so Q1 and q1 would be one question.
                checks.unique("questions", q_plan["code"], q_where, key=q_plan["code"].upper())
                c_plan["questions"].append(q_plan)
            d_plan["categories"].append(c_plan)
        plan["dimensions"].append(d_plan)
    if checks.errors:
        raise ModelFileError(checks.errors)
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
        results_version.bump_on_commit()  # the dashboards name the model's dimensions and categories
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
