"""Search text as visitors type it, made safe for every Wagtail search backend.

Wagtail's SQLite backend (the embedded default) hands the text to FTS5, where a lone double quote is a syntax
error (a 500 for `/sok/?q="`). Wagtail reads no phrase syntax from a plain string, so dropping double quotes loses
nothing on PostgreSQL either. Control characters (a NUL byte, which PostgreSQL refuses in any string) are refused
by the search page before the text gets here; any left are spaces.
"""

import unicodedata

WHITESPACE = "\t\n\r"


def has_control_characters(text):
    """True for NUL and the other control characters (tabs and line breaks are only spaces)."""
    return any(unicodedata.category(c) in ("Cc", "Cs") and c not in WHITESPACE for c in text)


def clean_search_text(text):
    text = "".join(" " if unicodedata.category(character) in ("Cc", "Cs") else character for character in text)
    return " ".join(text.replace('"', " ").split())
