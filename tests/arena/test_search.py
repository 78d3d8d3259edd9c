"""/sok/: one search across the arena (arena.search). Pages here; blog posts, sessions and documents in their apps'
tests. Stemming, ts_headline excerpts and the pg_trgm suggestion need PostgreSQL (marked); the rest runs on both."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from arena.demo.seed import ensure_home_page
from arena.models import StandardPage, UnansweredSearch
from arena.provisioning import grant_arena_editor_pages
from arena.roles import ARENA_EDITORS
from arena.search.excerpts import plain_excerpt
from arena.search.statistics import discard_pending_counts, flush_counts
from arena.search_text import clean_search_text, has_control_characters
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_pending_counts():
    """Searches are counted in Redis until flushed; Redis is not rolled back with the database between tests."""
    discard_pending_counts()
    yield
    discard_pending_counts()


@pytest.fixture
def home(db):
    return ensure_home_page()


def add_page(parent, title, body="", *, intro="", restricted=False, live=True):
    page = StandardPage(title=title, intro=intro, body=[("paragraph", f"<p>{body}</p>")] if body else [])
    parent.add_child(instance=page)
    if not live:
        page.unpublish()
    if restricted:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def result_titles(response):
    """The titles of the ordinary results, in order (promoted ones are in their own list)."""
    html = response.content.decode()
    results = html.split('class="search-results__list" start=', 1)
    if len(results) < 2:
        return []
    return re.findall(r'<h3 class="search-result__title"><a href="[^"]*">([^<]*)</a>', results[1])


def search(client, q, **params):
    return client.get("/sok/", {"q": q, **params})


# --- What is found, and what never is ---------------------------------------------------------------------------


def test_finds_pages_by_words_in_their_body(client, home):
    add_page(home, "Om e-tjänster", "Stadens e-tjänster ska vara enkla att använda.")

    response = search(client, "enkla")

    assert response.status_code == 200
    assert result_titles(response) == ["Om e-tjänster"]


@pytest.mark.postgres
def test_swedish_stemming_digitaliseringen_finds_digitalisering(client, home):
    add_page(home, "Planen", "Stadens arbete med digitalisering tar fart.")

    response = search(client, "digitaliseringen")

    assert response.status_code == 200
    # The demo home page speaks of digitalisering too, but it only holds the content: it comes last.
    assert result_titles(response) == ["Planen", "Kunskapsarenan"]


@pytest.mark.postgres
def test_excerpts_mark_the_words_found_with_ts_headline(client, home):
    add_page(home, "Planen", "I planen står att digitalisering ska göra det enklare för invånare <b>och</b> företag.")

    html = search(client, "digitaliseringen").content.decode()

    assert "<mark>digitalisering</mark> ska göra det enklare" in html
    assert "<b>och</b>" not in html  # the excerpt is plain text, escaped


def test_plain_excerpt_marks_words_and_escapes_the_rest():
    text = "Inledning " * 20 + "Vi testar <script>robotar</script> i hemtjänsten och lär oss mycket." + " slut" * 30

    excerpt = plain_excerpt(text, "Hemtjänst")

    assert "<mark>hemtjänsten</mark>" in excerpt
    assert "&lt;script&gt;robotar&lt;/script&gt;" in excerpt
    assert excerpt.startswith("… ") and excerpt.endswith(" …")


def test_staff_only_restricted_and_draft_pages_are_never_found_anonymously(client, home):
    add_page(home, "Öppet om kvantdatorer", "Kvantdatorer i staden.")
    add_page(home, "Internt om kvantdatorer", "Kvantdatorer internt.", restricted=True)
    hidden_section = add_page(home, "Intern avdelning", restricted=True)
    add_page(hidden_section, "Under skyddad sida om kvantdatorer", "Kvantdatorer under en skyddad sida.")
    add_page(home, "Utkast om kvantdatorer", "Kvantdatorer utkast.", live=False)

    response = search(client, "kvantdatorer")

    assert response.status_code == 200
    assert result_titles(response) == ["Öppet om kvantdatorer"]
    assert "Internt" not in response.content.decode()


def test_the_home_page_container_ranks_below_the_page_it_holds(client, home):
    home.title = "Samverkan"
    home.intro = "Samverkan mellan förvaltningar och bolag."
    home.save_revision().publish()
    add_page(home, "Samverkan", "Om samverkan i staden.")

    titles = result_titles(search(client, "samverkan"))

    assert titles == ["Samverkan", "Samverkan"]
    html = search(client, "samverkan").content.decode()
    assert html.index("Standardsida") < html.index("Startsida")


# --- Facets and pages of results --------------------------------------------------------------------------------


def test_type_facet_counts_and_filters_without_javascript(client, home):
    add_page(home, "Vägledning för öppna data", "Öppna data i staden.")
    add_page(home, "Öppna data i praktiken", "Mer om öppna data.")
    home.intro = "Kunskapsarenan samlar öppna data."
    home.save_revision().publish()

    html = search(client, "öppna data").content.decode()
    assert re.search(r'href="\?q=%C3%B6ppna\+data&amp;typ=page-standardpage">Standardsida <span[^>]*>\(2', html)
    assert re.search(r'href="\?q=%C3%B6ppna\+data&amp;typ=page-homepage">Startsida <span[^>]*>\(1', html)

    filtered = search(client, "öppna data", typ="page-standardpage")

    assert filtered.status_code == 200
    assert sorted(result_titles(filtered)) == ["Vägledning för öppna data", "Öppna data i praktiken"]
    assert 'aria-current="true">Standardsida' in filtered.content.decode()


def test_an_unknown_facet_value_is_ignored(client, home):
    add_page(home, "Om e-tjänster", "E-tjänster.")

    response = search(client, "e-tjänster", typ="<script>", organisation="x" * 500)

    assert response.status_code == 200
    assert result_titles(response) == ["Om e-tjänster"]


def test_results_are_paginated(client, home):
    for number in range(23):
        add_page(home, f"Cykelplan {number}", "Om cykelplanen.")

    first = search(client, "cykelplanen")
    third = search(client, "cykelplanen", sida=3)

    assert len(result_titles(first)) == 10
    assert len(result_titles(third)) == 3
    assert "23 träffar" in first.content.decode()
    assert 'class="pagination"' in first.content.decode()
    assert search(client, "cykelplanen", sida=9).status_code == 404
    assert search(client, "cykelplanen", sida="x").status_code == 200


def test_query_count_is_the_same_for_12_and_40_results(client, home, django_assert_max_num_queries):
    def add(count, start):
        for number in range(start, start + count):
            add_page(home, f"Bredband {number}", "Om bredband i staden.")

    add(12, 0)
    search(client, "bredband")
    with django_assert_max_num_queries(30) as small:
        assert search(client, "bredband", sida=2).status_code == 200
    add(28, 12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = search(client, "bredband", sida=2)
    assert response.status_code == 200
    assert "40 träffar" in response.content.decode()


# --- Bad input ----------------------------------------------------------------------------------------------------


def test_overlong_search_is_a_swedish_400(client, home):
    response = search(client, "a" * 201)
    assert response.status_code == 400
    assert "för lång" in response.content.decode()


@pytest.mark.parametrize("query", ["digital\x00isering", "a\x07b", "\x1b[31m"])
def test_control_characters_are_a_swedish_400(client, home, query):
    response = search(client, query)
    assert response.status_code == 400
    assert "tecken som inte går att söka på" in response.content.decode()
    assert not Query.objects.exists()


@pytest.mark.parametrize(
    "query",
    ['"', 'a"b*(c)-:^+', "NEAR(x y)", "AND OR NOT", "*", "'; DROP TABLE x;--", "%_\\", "😀 ♥ ∑", "ÅÄÖ\u200b", "<>&"],
)
def test_odd_characters_are_searched_without_an_error(client, home, query):
    add_page(home, "Om e-tjänster", "E-tjänster.")
    response = search(client, query)
    assert response.status_code == 200


def test_search_text_cleaning():
    assert clean_search_text('  om "planen"\tfor\n ') == "om planen for"
    assert has_control_characters("a\x00b")
    assert not has_control_characters("tab\tand newline\n")


# --- Editors' tools: promotions, statistics, suggestions ---------------------------------------------------------


def test_a_promoted_page_comes_first_once_and_the_search_is_counted(client, home):
    add_page(home, "Cykelvägar", "Om cykelplanen.")
    promoted = add_page(home, "Cykelplanen 2030", "Planen.")
    hidden = add_page(home, "Intern cykelplan", "Planen.", restricted=True)
    query = Query.get("Cykelplanen")
    SearchPromotion.objects.create(query=query, page=promoted, description="Stadens plan för cykling.", sort_order=0)
    SearchPromotion.objects.create(query=query, page=hidden, sort_order=1)

    html = search(client, "cykelplanen").content.decode()

    promotions = html.split('class="search-promotions"', 1)[1].split("</section>", 1)[0]
    assert "Cykelplanen 2030" in promotions and "Stadens plan för cykling." in promotions
    assert "Intern cykelplan" not in html
    assert result_titles(search(client, "cykelplanen", sida=1)) == ["Cykelvägar"]
    flush_counts()
    assert query.hits == 1  # the second request asks for a page of results: not a new search


def test_searches_without_results_are_counted_per_day(client, home):
    add_page(home, "Om e-tjänster", "E-tjänster.")

    search(client, "Xyzzyplan")
    search(client, "xyzzyplan")
    search(client, "e-tjänster")
    flush_counts()

    assert list(UnansweredSearch.objects.values_list("query__query_string", "date", "hits")) == [
        ("xyzzyplan", timezone.localdate(), 2)
    ]
    assert Query.get("e-tjänster").hits == 1


@pytest.mark.postgres
def test_trigram_extension_is_installed():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == (1,)


@pytest.mark.postgres
def test_a_search_that_finds_nothing_suggests_a_word_from_public_titles(client, home):
    add_page(home, "Robotar i hemtjänsten", "Om försöket.")
    add_page(home, "Robotdammsugare internt", "Hemligt.", restricted=True)

    html = search(client, "robtar").content.decode()

    assert 'Menade du <a href="?q=robotar">robotar</a>?' in html


def test_no_suggestion_when_nothing_is_close(client, home):
    add_page(home, "Robotar i hemtjänsten", "Om försöket.")
    assert "Menade du" not in search(client, "zqxwvu").content.decode()


def test_arena_editors_see_the_search_reports_and_other_staff_do_not(client, home, editor_a):
    grant_arena_editor_pages(home)
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name=ARENA_EDITORS))
    search(client, "xyzzyplan")
    search(client, "cykel")

    client.force_login(editor)
    unanswered = client.get("/admin/reports/sokningar-utan-traffar/")
    popular = client.get("/admin/reports/sokningar/")

    assert unanswered.status_code == 200
    assert "Sökningar utan träffar" in unanswered.content.decode()
    assert "xyzzyplan" in unanswered.content.decode()
    assert popular.status_code == 200
    assert "cykel" in popular.content.decode()
    assert client.get("/admin/searchpicks/").status_code == 200

    client.force_login(UserFactory())  # staff without the admin
    assert client.get("/admin/reports/sokningar-utan-traffar/").status_code == 403
    client.force_login(editor_a)  # an organisation's editor: in the admin, but promotes no search results
    for address in ("/admin/reports/sokningar-utan-traffar/", "/admin/reports/sokningar/"):
        denied = client.get(address)
        assert denied.status_code == 302
        assert denied["Location"] == "/admin/"
