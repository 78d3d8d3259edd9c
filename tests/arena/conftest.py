"""Fixtures for the arena tests (organisations and roles come from tests/conftest.py)."""
