"""Factories and helpers for the maturity tests: models built from data through the loader, rounds, answers,
and CSV/XLSX files in memory."""

import csv
import io

import factory
from factory.django import DjangoModelFactory
from openpyxl import Workbook

from maturity.loader import load_model
from maturity.models import MaturityModel, Response, Round, RoundParticipant


class MaturityModelFactory(DjangoModelFactory):
    class Meta:
        model = MaturityModel

    slug = factory.Sequence(lambda n: f"modell-{n}")
    name = factory.Sequence(lambda n: f"Testmodell {n}")
    version = "1"
    scale_min = 1
    scale_max = 5


class RoundFactory(DjangoModelFactory):
    class Meta:
        model = Round

    model = factory.SubFactory(MaturityModelFactory)
    year = factory.Sequence(lambda n: 2000 + n)
    name = factory.LazyAttribute(lambda obj: f"Mätning {obj.year}")
    status = Round.Status.OPEN


class RoundParticipantFactory(DjangoModelFactory):
    class Meta:
        model = RoundParticipant

    round = factory.SubFactory(RoundFactory)
    organisation = factory.SubFactory("tests.factories.OrganisationFactory")
    invited = 10


def model_data(slug="testmodell", scale=(1, 5), structure=None, question_scales=None):
    """Loader data for a small model. structure: {dimension: {category: [question codes]}}."""
    structure = structure or {"d1": {"c1": ["Q1", "Q2"], "c2": ["Q3"]}, "d2": {"c3": ["Q4"]}}
    question_scales = question_scales or {}
    return {
        "slug": slug,
        "name": f"Modell {slug}",
        "version": "1",
        "scale": {"min": scale[0], "max": scale[1]},
        "dimensions": [
            {
                "code": dimension,
                "name": f"Dimension {dimension}",
                "categories": [
                    {
                        "code": category,
                        "name": f"Kategori {category}",
                        "questions": [
                            {"code": code, "text": f"Påstående {code}"}
                            | ({"scale": question_scales[code]} if code in question_scales else {})
                            for code in codes
                        ],
                    }
                    for category, codes in categories.items()
                ],
            }
            for dimension, categories in structure.items()
        ],
    }


def build_model(**kwargs):
    return load_model(model_data(**kwargs)).model


def answer(round_, organisation, respondent, values):
    """Store one respondent's answers: values = {question code: value or None}."""
    questions = {q.code: q for q in _questions(round_.model)}
    Response.objects.bulk_create(
        Response(round=round_, organisation=organisation, respondent=respondent, question=questions[code], value=value)
        for code, value in values.items()
    )


def _questions(model):
    from maturity.models import Question

    return Question.objects.filter(category__dimension__model=model)


def csv_bytes(rows, delimiter=",", bom=False, encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return ("\ufeff" if bom else "").encode(encoding) + buffer.getvalue().encode(encoding)


def xlsx_bytes(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
