"""Conference addresses are reversed, never put together by hand: templates use {% routablepageurl %} / {% pageurl %}
/ {% url %} and code uses the page's routes (ConferenceEditionPage.route_url, reverse_subpage). A template that glues
a path onto a URL ("{{ edition_url }}program/"), a hard-coded site path or Python that appends a path to a URL fails
here, with the file and line."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates" / "conferences"
CODE = ROOT / "conferences"

# What may follow a URL without building a new address: a query string, a fragment, the end of the attribute or text.
PATH_GOES_ON = r"(?:/|\.?\w)"
TEMPLATE_RULES = {
    # {{ edition_url }}program/, {{ page.url }}talare/, {{ edition_url }}program.ics
    "a path glued onto a URL variable": re.compile(r"\{\{[^{}]*url[^{}]*\}\}" + PATH_GOES_ON, re.IGNORECASE),
    # {% pageurl page %}inspelningar/, {% routablepageurl page "index_route" %}program/
    "a path glued onto a URL tag": re.compile(r"\{%\s*\w*url\b[^%]*%\}" + PATH_GOES_ON),
    # href="/motesplats/2021/program/"
    "a hard-coded site path": re.compile(r"""\b(?:href|action|src)=["']/"""),
}
CODE_RULES = {
    # f"{edition.url}program/{code}/", f"{base}{page.get_url()}talare/"
    "an f-string that glues a path onto a URL": re.compile(r"\{[^{}]*url[^{}]*\}" + PATH_GOES_ON, re.IGNORECASE),
    # edition.url + "program/", edition_url(edition) + "anmalan/"
    "a URL and a path literal added together": re.compile(r"url\b(?:\([^()]*\))?\s*\+\s*f?[\"']", re.IGNORECASE),
}


def violations(files, rules):
    found = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for what, pattern in rules.items():
                if pattern.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {what}: {line.strip()}")
    return found


def template_files():
    return sorted(path for path in TEMPLATES.rglob("*") if path.suffix in (".html", ".txt"))


def code_files():
    return sorted(path for path in CODE.rglob("*.py") if "migrations" not in path.parts)


def test_there_is_something_to_check():
    assert len(template_files()) > 20 and len(code_files()) > 20


def test_templates_reverse_every_address():
    assert violations(template_files(), TEMPLATE_RULES) == []


def test_code_reverses_every_address():
    assert violations(code_files(), CODE_RULES) == []


@pytest.mark.parametrize(
    "line",
    [
        '<a href="{{ edition_url }}program/">',
        '<a href="{{ edition_url }}program.ics">',
        '<a href="{{ session_edition_url }}program/{{ session.code }}/">',
        '<form action="{{ registration_url }}avboka/{{ registration.pk }}/">',
        '<a href="{% pageurl page %}inspelningar/">',
        '<a href="{% routablepageurl page "index_route" %}talare/">',
        '{% translate "Programme:" %} {{ edition_url }}program/',
        '<a href="/motesplats/2021/program/">',
    ],
)
def test_the_template_rules_catch_a_hand_built_address(line):
    assert any(pattern.search(line) for pattern in TEMPLATE_RULES.values())


@pytest.mark.parametrize(
    "line",
    [
        '<a href="{% routablepageurl page "programme_route" %}">',
        '<a href="{% routablepageurl page "programme_route" %}?fokus={{ area.slug|urlencode }}">',
        '<a href="{{ edition_url }}">{{ page.title }}</a>',
        '<source src="{{ recording.video_url }}" type="{{ recording.mime_type }}">',
        '{% translate "The conference:" %} {{ edition_url }}',
        '<a href="{{ row.urls.csv }}">CSV</a>',
    ],
)
def test_the_template_rules_let_reversed_addresses_through(line):
    assert not any(pattern.search(line) for pattern in TEMPLATE_RULES.values())


@pytest.mark.parametrize(
    "line",
    [
        'return f"{self.edition.url}program/{self.code}/"',
        '"ics_url": request.build_absolute_uri(f"{session.edition.url}program/{session.code}.ics"),',
        'return f"{edition_url(session.edition)}program/{session.code}/"',
        'return edition.url + "anmalan/"',
        'return edition_url(edition) + "program/"',
    ],
)
def test_the_code_rules_catch_a_hand_built_address(line):
    assert any(pattern.search(line) for pattern in CODE_RULES.values())
