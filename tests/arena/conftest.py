"""Fixtures for the arena tests (organisations and roles come from tests/conftest.py)."""

import pytest

from arena import provisioning


@pytest.fixture
def restore_provisioners():
    """Yield the live hook list; whatever a test registers is removed afterwards."""
    saved = list(provisioning._provisioners)
    yield provisioning._provisioners
    provisioning._provisioners[:] = saved
