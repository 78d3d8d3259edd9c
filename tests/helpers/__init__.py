"""Helpers that several test modules share: builders, form data, the browser's accessibility check.

Test modules import from here, never from another test module or a conftest; fixtures stay in conftest.py.
"""
