"""Highlighted excerpts for the hits on one result page: the passages around the words searched for, with those
words in <mark>.

On PostgreSQL, ts_headline (what django.contrib.postgres' SearchHeadline compiles to) with the search backend's
configuration (Swedish: "digitaliseringen" marks "digitalisering"), for the whole page in one query. On SQLite, a
plain excerpt: the words around the first word that starts like one searched for.
"""

import re

from django.conf import settings
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import mark_safe

# Markers ts_headline puts around a match. They are removed from the texts first, so every marker is ts_headline's.
START, STOP = "\u27e6", "\u27e7"
MAX_TEXT_CHARACTERS = 60_000  # an hour's transcript; ts_headline reads the whole text
HEADLINE_OPTIONS = (
    f'StartSel="{START}", StopSel="{STOP}", MinWords=15, MaxWords=35, ShortWord=2, MaxFragments=2, '
    'FragmentDelimiter=" … "'
)
PLAIN_WORDS_AROUND = 15


def search_config():
    return settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG") or "simple"


def _clean(text):
    return text.replace(START, " ").replace(STOP, " ").replace("\x00", " ")[:MAX_TEXT_CHARACTERS]


def _marked(text):
    """ts_headline's plain text as HTML: escaped, with its markers turned into <mark>."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def headline_excerpts(texts, query):
    """One excerpt per text, in order (PostgreSQL)."""
    if not texts:
        return []
    sql = (
        "SELECT ts_headline(%s::regconfig, doc, plainto_tsquery(%s::regconfig, %s), %s) "
        "FROM unnest(%s::text[]) WITH ORDINALITY AS t(doc, position) ORDER BY position"
    )
    config = search_config()
    with connection.cursor() as cursor:
        cursor.execute(sql, [config, config, query, HEADLINE_OPTIONS, [_clean(text) for text in texts]])
        return [_marked(row[0]) if row[0] else "" for row in cursor.fetchall()]


def plain_excerpt(text, query):
    """The words around the first one that starts like a searched word, those words marked (any database)."""
    words = _clean(text).split()
    if not words:
        return ""
    terms = [re.escape(term) for term in re.findall(r"\w+", query.lower()) if len(term) > 1]
    pattern = re.compile(rf"^\W*(?:{'|'.join(terms)})", re.IGNORECASE) if terms else None
    first = next((i for i, word in enumerate(words) if pattern and pattern.match(word)), 0)
    start = max(0, first - PLAIN_WORDS_AROUND // 2)
    shown = words[start : start + PLAIN_WORDS_AROUND * 2]
    html = " ".join(
        f"<mark>{escape(word)}</mark>" if pattern and pattern.match(word) else escape(word) for word in shown
    )
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + len(shown) < len(words) else ""
    return mark_safe(prefix + html + suffix)


def excerpts(texts, query):
    if connection.vendor == "postgresql":
        return headline_excerpts(texts, query)
    return [plain_excerpt(text, query) for text in texts]
