"""Demo content that is text lives in YAML files beside the app that seeds it (`<app>/demo/data/*.yaml`).

This is the one loader for them, so every app reads its demo data the same way: safe YAML only (plain
mappings, lists, strings, numbers and dates), UTF-8, and a clear error that names the file when it is broken.
"""

from pathlib import Path

import yaml


class DemoDataError(ValueError):
    """A demo data file is missing or is not valid YAML."""


def load_demo_data(path):
    """The parsed contents of one demo YAML file (`path` is a pathlib.Path or a string)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        raise DemoDataError(f"{path}: {error}") from error
