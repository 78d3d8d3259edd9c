"""What a search source returns (arena.hooks.SEARCH_SOURCES): plain data, one SearchHit per thing found."""

from dataclasses import dataclass

from django.db import connection


@dataclass(frozen=True)
class OrganisationRef:
    """An organisation as a facet: its slug (the filter's value in the address) and its name."""

    slug: str
    name: str


@dataclass(frozen=True)
class SearchHit:
    """One thing found. `key` identifies it across sources (e.g. "page:12"), so a promoted page is not listed twice;
    `kind` is the content-type facet's value in the address and `kind_label` its name; `text` is the plain text the
    excerpt is cut from (not shown whole); `rank` orders all hits together, higher first (see relevance())."""

    key: str
    title: str
    url: str
    kind: str
    kind_label: str
    rank: float
    text: str = ""
    organisations: tuple = ()  # OrganisationRef, each once


def relevance(score):
    """A Wagtail search score (`annotate_score`) as a rank where higher is better, whatever the database.

    PostgreSQL's ts_rank grows with relevance; SQLite's FTS5 bm25() is negative and lower is better."""
    if score is None:
        return 0.0
    return -float(score) if connection.vendor == "sqlite" else float(score)


def organisation_refs(organisations):
    """OrganisationRefs for organisation objects (None and repeats dropped), in name order."""
    unique = {organisation.slug: organisation for organisation in organisations if organisation is not None}
    return tuple(OrganisationRef(slug=o.slug, name=o.name) for o in sorted(unique.values(), key=lambda o: o.name))
