"""What a dataset is, and the datasets on offer (every app's answer to arena.hooks.OPEN_DATASETS).

A dataset is flat rows of public data, identical for whoever asks: the provider decides what may be published
(e.g. maturity's group figures through its privacy rules), arena only writes the formats."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from wagtail import hooks

from arena import hooks as arena_hooks

# The JSON Schema types a column may have; `format` refines strings ("date", "date-time", "uri").
COLUMN_TYPES = ("string", "integer", "number", "boolean")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    format: str = ""
    nullable: bool = False

    def __post_init__(self):
        if self.type not in COLUMN_TYPES:
            raise ValueError(f"{self.name}: unknown column type {self.type!r}")


@dataclass(frozen=True)
class Dataset:
    """One dataset. `rows()` returns its rows as dicts of JSON values (one per column, in a fixed number of
    queries); `modified()` when its content last changed (None when it has none). Both are called only when the
    dataset is served or described, so listing the datasets costs no query."""

    slug: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[], Iterable[dict]]
    modified: Callable[[], datetime | None]
    # EU data theme codes (http://publications.europa.eu/resource/authority/data-theme), e.g. "GOVE", "EDUC".
    themes: tuple[str, ...] = ("GOVE",)
    keywords: tuple[str, ...] = field(default=())


def all_datasets():
    """Every app's datasets, in hook order."""
    return [dataset for fn in hooks.get_hooks(arena_hooks.OPEN_DATASETS) if (dataset := fn()) is not None]


def dataset_by_slug(slug):
    return next((dataset for dataset in all_datasets() if dataset.slug == slug), None)
