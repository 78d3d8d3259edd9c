"""The maturity headline on the start page (maturity/home.py): the whole city's total in the latest published round
against the national averages of that round, only as far as the rule for group figures lets it through (the same
figure the public open data gives), a link to /mognad/ for logged-in users only, and a purged page cache when a round
or its national values change."""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from arena.demo.seed import ensure_home_page
from arena.models import Organisation
from maturity.importers import run_import
from maturity.models import GroupScore, Round
from maturity.scoring import group_scores
from tests.factories import UserFactory
from tests.helpers.maturity_data import (
    add_national,
    add_results,
    add_round,
    analyst_user,
    build_model,
    categories_of,
    flat_scores,
    organisations,
)
from tests.maturity.factories import csv_bytes

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
CITY_2021 = f"Hela staden nådde 51,0{NBSP}% av optimala förutsättningar för digitalisering i Digital mognad 2021, "


@pytest.fixture
def home(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    return home


@pytest.fixture
def model(db):
    return build_model()


def published_round(model, year, totals, respondents=10, status=Round.Status.PUBLISHED, is_demo=False):
    """A round whose organisations have these totals, with the group figures stored as scoring stores them."""
    categories = categories_of(model)
    round_ = add_round(model, year, status=status, is_demo=is_demo)
    for total, organisation in zip(totals, organisations(len(totals), prefix="Mätt förvaltning"), strict=True):
        add_results(round_, organisation, flat_scores(categories, total, 4), respondents=respondents)
    GroupScore.objects.bulk_create(group_scores(round_))
    return round_


@pytest.fixture
def round_2021(model):
    round_ = published_round(model, 2021, [50, 51, 52])  # the whole city: 51.0 over 3 organisations
    add_national(round_, 49.5, "Statusrapport 2022 (https://exempel.test/rapport)", 2022)
    return round_


def headline_html(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.find('<section class="home-maturity"')
    return html[start : html.index("</section>", start)] if start >= 0 else None


def test_anonymous_visitors_see_the_city_against_the_national_average(client, home, round_2021):
    html = headline_html(client)
    assert "<h2" in html and "Digital mognad" in html
    assert CITY_2021 + "räknat över 3 organisationer." in html
    # The source without its web address, as on the dashboards.
    assert f"Det är 1,5 procentenheter över det nationella snittet på 49,5{NBSP}% (Statusrapport 2022)." in html
    assert "https://exempel.test" not in html
    # The bars repeat the sentence and are hidden from assistive technology.
    assert 'aria-hidden="true"' in html and 'width="122.4"' in html and 'width="118.8"' in html
    assert 'href="/mognad/"' not in html
    assert "Demodata" not in html


@pytest.mark.parametrize("user", ["staff", "analyst"])
def test_logged_in_users_get_a_link_to_the_dashboards(client, home, round_2021, user):
    client.force_login(UserFactory() if user == "staff" else analyst_user())
    html = headline_html(client)
    assert CITY_2021 in html
    assert 'href="/mognad/"' in html
    assert client.get("/mognad/").status_code == 200  # the link leads where they may go


def test_below_equal_and_several_sources(client, home, model):
    round_ = published_round(model, 2021, [50, 51, 52])
    add_national(round_, 53.3, "Statusrapport 2023", 2023)
    add_national(round_, 51.04, "Eget urval", 2021)
    html = headline_html(client)
    assert f"Det är 2,3 procentenheter under det nationella snittet på 53,3{NBSP}% (Statusrapport 2023)." in html
    assert f"Det är samma som det nationella snittet på 51,0{NBSP}% (Eget urval)." in html
    assert html.index("Eget urval") < html.index("Statusrapport 2023")  # sources in order, each its own


def test_a_round_without_national_values_says_so(client, home, model):
    published_round(model, 2021, [50, 51, 52])
    assert "Det finns inget nationellt snitt för den här omgången." in headline_html(client)


def test_demo_rounds_are_labelled(client, home, model):
    published_round(model, 2021, [50, 51, 52], is_demo=True)
    html = headline_html(client)
    assert "Demodata" in html and "Siffrorna är påhittade" in html


def test_only_the_latest_published_round_counts(client, home, model, round_2021):
    published_round(model, 2022, [90, 90, 90], status=Round.Status.CLOSED)
    html = headline_html(client)
    assert CITY_2021 in html and "90,0" not in html


def test_no_section_before_the_first_published_round(client, home, model):
    published_round(model, 2021, [50, 51, 52], status=Round.Status.CLOSED)
    assert headline_html(client) is None


def test_a_withheld_city_figure_is_never_shown_not_even_to_analysts(client, home, model):
    """Four förvaltningar and two bolag, one of them below the respondent threshold: the whole city minus the shown
    organisations would give the hidden one away, so the rule withholds the city's figure (privacy.py). The start
    page then has no headline for anyone, just as the open data has no whole-city figure."""
    categories = categories_of(model)
    round_ = add_round(model, 2021)
    for index, forvaltning in enumerate(organisations(4, prefix="Mätt förvaltning")):
        add_results(round_, forvaltning, flat_scores(categories, 45 + index, 4), respondents=10)
    shown, hidden = organisations(2, kind=Organisation.Kind.BOLAG, prefix="Mätt bolag")
    add_results(round_, shown, flat_scores(categories, 58.0, 4), respondents=10)
    add_results(round_, hidden, flat_scores(categories, 33.0, 4), respondents=3)
    add_national(round_, 51, "Statusrapport 2022", 2022)
    GroupScore.objects.bulk_create(group_scores(round_))
    groups = client.get("/mognad/oppna-data.json").json()["rounds"][0]["groups"]
    assert "all" not in [group["group"] for group in groups]
    assert headline_html(client) is None
    client.force_login(analyst_user())
    assert headline_html(client) is None


# --- The anonymous page cache ---------------------------------------------------------------------------------------


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_publishing_a_round_purges_the_start_page(
    client, home, model, round_2021, page_cache, django_capture_on_commit_callbacks
):
    round_2022 = published_round(model, 2022, [60, 61, 62], status=Round.Status.CLOSED)
    assert CITY_2021 in headline_html(client)
    assert client.get("/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        round_2022.status = Round.Status.PUBLISHED
        round_2022.save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert (
        f"61,0{NBSP}% av optimala förutsättningar för digitalisering i Digital mognad 2022" in response.content.decode()
    )


def test_importing_national_values_purges_the_start_page(
    client, home, round_2021, page_cache, django_capture_on_commit_callbacks
):
    assert "Statusrapport 2024" not in headline_html(client)
    assert client.get("/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        run_import(
            "national",
            csv_bytes([["round", "category", "score", "source"], ["2021", "total", "55", "Statusrapport 2024"]]),
            "nationellt.csv",
        )
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "procentenheter under det nationella snittet" in response.content.decode()
