"""Maturity fixtures: the shipped DiMiOS-style model, a small test model (scale 1–5, one question on 0–10),
a round of each, organisations of both kinds and an analyst."""

import pytest

from arena.models import Organisation
from maturity.loader import load_model_file
from maturity.roles import grant_analyst_permissions
from tests.factories import OrganisationFactory, UserFactory
from tests.helpers.maturity_data import DIMIOS_FILE
from tests.maturity.factories import RoundFactory, build_model


@pytest.fixture
def dimios(db):
    return load_model_file(DIMIOS_FILE).model


@pytest.fixture
def dimios_round(dimios):
    return RoundFactory(model=dimios, year=2021, name="Mätning 2021")


@pytest.fixture
def small_model(db):
    """d1: c1 (Q1, Q2), c2 (Q3); d2: c3 (Q4 on its own scale 0–10). The model's scale is 1–5."""
    return build_model(slug="liten", question_scales={"Q4": {"min": 0, "max": 10}})


@pytest.fixture
def small_round(small_model):
    return RoundFactory(model=small_model, year=2022, name="Testomgång 2022")


@pytest.fixture
def forvaltning(db):
    return OrganisationFactory(name="Kulturförvaltningen", kind=Organisation.Kind.FORVALTNING)


@pytest.fixture
def bolag(db):
    return OrganisationFactory(name="Higab AB", kind=Organisation.Kind.BOLAG)


@pytest.fixture
def analyst(db):
    user = UserFactory(username="analytiker")
    user.groups.add(grant_analyst_permissions())
    return user
