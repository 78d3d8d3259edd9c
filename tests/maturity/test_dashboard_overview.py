"""/mognad/: the latest published round, its trend, the organisation table (sortable without JavaScript), the
respondent threshold, the round selector and bad input."""

import re

import pytest
from django.urls import reverse

from tests.helpers.maturity_data import analyst_user, scenario

pytestmark = pytest.mark.django_db
URL = "/mognad/"


@pytest.fixture
def data(org_a, org_b):
    return scenario(org_a, org_b)


@pytest.fixture
def analyst_client(client, db):
    client.force_login(analyst_user(username="analytiker"))
    return client


def table_rows(html):
    """The organisation names of the table in order."""
    body = html.split('class="organisation-table"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<th scope="row"><a href="/mognad/[^"]+">([^<]+)</a></th>', body)


def test_url_is_mognad():
    assert reverse("maturity:dashboard") == URL


def test_latest_published_round_with_demo_label(data, analyst_client):
    response = analyst_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Digital mognad 2021</h1>" in html
    assert "Demodata" in html
    # The closed 2022 round is neither selected nor offered.
    assert "Digital mognad 2022" not in html
    assert 'value="2022"' not in html
    assert "90,0" not in html
    assert "91,0" not in html
    assert "Opublicerad källa" not in html


def test_cache_control_is_private(data, analyst_client):
    response = analyst_client.get(URL)
    assert "private" in response["Cache-Control"]


def test_group_figures_in_swedish_number_format(data, analyst_client):
    html = analyst_client.get(URL).content.decode()
    assert "52,3\u00a0% (n = 7)" in html
    assert "47,8\u00a0% (n = 4)" in html
    assert "I 2021 var resultatet för hela staden 52,3\u00a0% av optimala förutsättningar" in html


def test_national_values_stay_separate_per_source(data, analyst_client):
    html = analyst_client.get(URL).content.decode()
    assert "Nationellt (Statusrapport 2022)" in html
    assert "Nationellt (Statusrapport 2023)" in html
    trend_table = html.split('id="trend"', 1)[1].split("</table>", 1)[0]
    # One column per source: 2020 has a value from the 2022 report only, never spliced with the 2023 report.
    row_2020 = trend_table.split('<th scope="row">2020</th>', 1)[1].split("</tr>", 1)[0]
    assert "53,0\u00a0%" in row_2020
    assert row_2020.count("–") == 1


def test_table_has_every_organisation_with_change_and_rate(data, analyst_client):
    html = analyst_client.get(URL).content.decode()
    assert table_rows(html) == [
        "Förskoleförvaltningen",
        "Göteborgs Hamn AB",
        "Higab AB",
        "Lilla nämndens förvaltning",
        "Lilla styrelsens förvaltning",
        "Liseberg AB",
        "Stadsbyggnadsförvaltningen",
    ]
    row_a = html.split(">Förskoleförvaltningen</a></th>", 1)[1].split("</tr>", 1)[0]
    assert "45,5\u00a0%" in row_a
    assert "+5,5" in row_a
    assert "75\u00a0%" in row_a  # 12 of 16 invited
    assert "12 av 16" in row_a


def test_small_organisation_shows_too_few_responses_never_its_score(data, analyst_client):
    html = analyst_client.get(URL).content.decode()
    row = html.split(">Lilla nämndens förvaltning</a></th>", 1)[1].split("</tr>", 1)[0]
    assert "För få svar" in row
    assert "20,0" not in html
    assert "30,0" not in html


def test_sortable_headers_are_links_with_aria_sort(data, analyst_client):
    html = analyst_client.get(URL).content.decode()
    assert 'aria-sort="ascending"' in html
    assert html.count("aria-sort=") == 1
    assert 'href="?omgang=2021&amp;sort=total&amp;dir=desc#organisationer"' in html
    assert 'href="?omgang=2021&amp;sort=name&amp;dir=desc#organisationer"' in html


def test_sort_by_total_descending_puts_hidden_rows_last(data, analyst_client):
    html = analyst_client.get(URL, {"sort": "total", "dir": "desc"}).content.decode()
    assert table_rows(html) == [
        "Higab AB",
        "Liseberg AB",
        "Stadsbyggnadsförvaltningen",
        "Göteborgs Hamn AB",
        "Förskoleförvaltningen",
        "Lilla nämndens förvaltning",
        "Lilla styrelsens förvaltning",
    ]
    assert re.search(
        r'<th scope="col" aria-sort="descending" class="numeric">\s*<a href="\?omgang=2021&amp;sort=total'
        r"&amp;dir=asc",
        html,
    )


def test_sort_by_change_ascending(data, analyst_client):
    html = analyst_client.get(URL, {"sort": "change", "dir": "asc"}).content.decode()
    # Hamn −4, Higab −2, Liseberg +1, Stadsbyggnad +2,25, Förskole +5,5; the small ones have no change.
    assert table_rows(html) == [
        "Göteborgs Hamn AB",
        "Higab AB",
        "Liseberg AB",
        "Stadsbyggnadsförvaltningen",
        "Förskoleförvaltningen",
        "Lilla nämndens förvaltning",
        "Lilla styrelsens förvaltning",
    ]


def test_round_selector_shows_an_older_round(data, analyst_client):
    html = analyst_client.get(URL, {"omgang": "2020"}).content.decode()
    assert "<h1>Digital mognad 2020</h1>" in html
    row_a = html.split(">Förskoleförvaltningen</a></th>", 1)[1].split("</tr>", 1)[0]
    assert "40,0\u00a0%" in row_a
    assert '<option value="2020" selected>' in html
    assert '<option value="2022"' not in html


@pytest.mark.parametrize(
    ("query", "status", "text"),
    [
        ({"omgang": "tjugo"}, 400, "Omgången anges som ett år"),
        ({"omgang": "2022"}, 404, "Det finns ingen publicerad omgång för 2022."),
        ({"omgang": "1999"}, 404, "Det finns ingen publicerad omgång för 1999."),
        ({"sort": "password"}, 400, "Tabellen kan sorteras"),
        ({"sort": "total", "dir": "upp"}, 400, "Tabellen kan sorteras"),
    ],
)
def test_bad_input_gets_a_swedish_message(data, analyst_client, query, status, text):
    response = analyst_client.get(URL, query)
    assert response.status_code == status
    assert text in response.content.decode()


def test_no_published_round_yet(analyst_client):
    response = analyst_client.get(URL)
    assert response.status_code == 200
    assert "Inga publicerade resultat ännu" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert analyst_client.get("/mognad/export.csv").status_code == 404


def test_histogram_counts_only_organisations_above_the_threshold(data, analyst_client):
    html = analyst_client.get(URL).content.decode()
    table = html.split('id="distribution"', 1)[1].split("</table>", 1)[0]
    counts = dict(re.findall(r'<th scope="row">([^<]+)</th><td class="numeric">(\d+)</td>', table))
    assert counts["40–50"] == "2"
    assert counts["50–60"] == "3"
    assert counts["20–30"] == "0"
    assert sum(int(value) for value in counts.values()) == 5


def test_every_chart_is_an_accessible_svg_with_a_table(data, analyst_client):
    html = analyst_client.get(URL).content.decode()
    for chart_id in ("trend", "categories", "kinds", "distribution"):
        section = html.split(f'<section class="chart" id="{chart_id}"', 1)[1].split("</section>", 1)[0]
        assert f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"' in section
        assert f'<title id="{chart_id}-title">' in section
        assert f'<desc id="{chart_id}-desc">' in section
        assert 'class="chart__summary"' in section
        assert "<caption id=" in section
        assert '<th scope="col">' in section
        assert '<th scope="row">' in section
    assert "<script" not in html.split("<main", 1)[1]


def test_kind_split_is_hidden_when_one_kind_is_below_the_threshold(data, analyst_client):
    from maturity.models import GroupScore

    GroupScore.objects.filter(round=data.round_2021, kind=GroupScore.Kind.BOLAG).update(respondents=3)
    html = analyst_client.get(URL).content.decode()
    categories = html.split('id="categories"', 1)[1].split("</section>", 1)[0]
    # With the whole group and förvaltningar shown, bolag could be worked out: both kinds are left out.
    assert "Förvaltningar" not in categories
    assert "Bolag" not in categories
    assert "52,3\u00a0% (n = 7)" in html


def test_names_sort_in_swedish_alphabetical_order():
    from arena.models import Organisation
    from maturity.queries import OrganisationRow, sort_rows

    names = ["Östra", "Ängen", "Åsen", "Zeta", "Alfa", "Égalité"]
    rows = [OrganisationRow(Organisation(name=name)) for name in names]
    assert [row.organisation.name for row in sort_rows(rows, "name", descending=False)] == [
        "Alfa",
        "Égalité",
        "Zeta",
        "Åsen",
        "Ängen",
        "Östra",
    ]


def test_a_trend_over_rounds_with_different_participation_says_so(data, analyst_client):
    from maturity.models import GroupScore

    summary = analyst_client.get(URL).content.decode().split('id="trend"', 1)[1].split("</p>", 1)[0]
    assert "bygger på" not in summary  # the same organisations took part in 2020 and 2021
    GroupScore.objects.filter(round=data.round_2020, kind=GroupScore.Kind.ALL).update(organisations=42)
    GroupScore.objects.filter(round=data.round_2020, kind=GroupScore.Kind.BOLAG).update(organisations=4)
    summary = analyst_client.get(URL).content.decode().split('id="trend"', 1)[1].split("</p>", 1)[0]
    assert "Hela staden bygger på 7 organisationer 2021 mot 42 2020." in summary
    assert "Bolag bygger på 3 organisationer 2021 mot 4 2020." in summary
    assert "Förvaltningar bygger på" not in summary
