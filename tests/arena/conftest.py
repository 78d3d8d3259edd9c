"""Fixtures for the arena tests: isolated media storage, organisations with members, hook cleanup."""

import pytest

from arena import provisioning
from tests.factories import OrganisationFactory, SuperUserFactory, UserFactory, add_editor, add_writer


@pytest.fixture
def restore_provisioners():
    """Yield the live hook list; whatever a test registers is removed afterwards."""
    saved = list(provisioning._provisioners)
    yield provisioning._provisioners
    provisioning._provisioners[:] = saved


@pytest.fixture
def org_a(db):
    return OrganisationFactory(name="Förskoleförvaltningen")


@pytest.fixture
def org_b(db):
    return OrganisationFactory(name="Stadsbyggnadsförvaltningen")


@pytest.fixture
def writer_a(org_a):
    return add_writer(UserFactory(username="skribent_a"), org_a)


@pytest.fixture
def editor_a(org_a):
    return add_editor(UserFactory(username="redaktor_a"), org_a)


@pytest.fixture
def superuser(db):
    return SuperUserFactory()
