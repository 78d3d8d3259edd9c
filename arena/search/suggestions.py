""" "Menade du …?" for a search that found nothing: each word of it that no public title contains is replaced by the
most similar word that one does.

On PostgreSQL, similarity is pg_trgm's (trigrams; the extension is created by arena's search migration). On SQLite
(the embedded default) Python's difflib stands in, with a stricter cut-off. The words come from the titles of public
live pages and public documents.
"""

import difflib
import re

from django.db import connection
from wagtail.documents import get_document_model
from wagtail.models import Page

MIN_WORD_LENGTH = 4
MAX_WORDS = 6  # words of a query that are looked at
TRIGRAM_THRESHOLD = 0.3
DIFFLIB_CUTOFF = 0.75
WORD = re.compile(r"[^\W\d_]+")


def words_of(text):
    return [word for word in WORD.findall(text.lower()) if len(word) >= MIN_WORD_LENGTH]


def build_vocabulary():
    titles = list(Page.objects.live().public().exclude(depth=1).values_list("title", flat=True))
    titles += list(get_document_model().objects.public().values_list("title", flat=True))
    return sorted({word for title in titles for word in words_of(title)})


def vocabulary():
    """Built for each search that found nothing (two queries): rare enough not to need a cache that would have to
    follow every publication."""
    return build_vocabulary()


def closest_word(word, words):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT candidate FROM unnest(%s::text[]) AS candidate WHERE similarity(candidate, %s) > %s "
                "ORDER BY similarity(candidate, %s) DESC, candidate LIMIT 1",
                [words, word, TRIGRAM_THRESHOLD, word],
            )
            row = cursor.fetchone()
        return row[0] if row else None
    matches = difflib.get_close_matches(word, words, n=1, cutoff=DIFFLIB_CUTOFF)
    return matches[0] if matches else None


def suggestion(text):
    """A corrected search text, or None when no word needs (or has) a correction."""
    words = vocabulary()
    if not words:
        return None
    known = set(words)
    corrected, changed = [], False
    for position, word in enumerate(text.lower().split()):
        bare = " ".join(WORD.findall(word))
        if position < MAX_WORDS and len(bare) >= MIN_WORD_LENGTH and bare not in known and " " not in bare:
            replacement = closest_word(bare, words)
            if replacement and replacement != bare:
                corrected.append(replacement)
                changed = True
                continue
        corrected.append(word)
    return " ".join(corrected) if changed else None
