"""/mognad/<org>/: the organisation against the whole city, its kind and national values (bars), its position on
the two dimensions (quadrant), its trend, the respondent threshold, and its three weakest categories with blog
posts, conference sessions and pages to learn from."""

import re

import pytest
from wagtail.models import PageViewRestriction, Site

from arena.demo.seed import ensure_home_page
from arena.models import StandardPage
from blogs.provisioning import ensure_blog_index
from maturity.models import Category
from tests.blogs.factories import FocusAreaFactory, create_post
from tests.conferences.factories import create_edition, create_series, create_session
from tests.factories import OrganisationFactory
from tests.helpers.maturity_data import analyst_user, scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    return home


@pytest.fixture
def org_a(home):
    ensure_blog_index()
    return OrganisationFactory(name="Förskoleförvaltningen")


@pytest.fixture
def org_b(home):
    ensure_blog_index()
    return OrganisationFactory(name="Stadsbyggnadsförvaltningen")


@pytest.fixture
def data(org_a, org_b):
    return scenario(org_a, org_b)


@pytest.fixture
def analyst_client(client, db):
    client.force_login(analyst_user(username="analytiker"))
    return client


def section(html, section_id):
    return html.split(f'id="{section_id}"', 1)[1].split("</section>", 1)[0]


def page(client, organisation, **query):
    response = client.get(f"/mognad/{organisation.slug}/", query)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    return response.content.decode()


def test_key_figures_and_charts(data, analyst_client):
    html = page(analyst_client, data.org_a)
    assert "<h1>Förskoleförvaltningen</h1>" in html
    assert "Demodata" in html
    assert "<dd>45,5\u00a0%</dd>" in html
    assert re.search(r"<dd>52,3\u00a0% \(n = \d+\)</dd>", html), "the whole city's figure carries its n"
    assert "12 av 16 (75\u00a0%)" in html
    for chart_id in ("org-categories", "quadrant", "org-trend"):
        part = section(html, chart_id)
        assert f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"' in part
        assert "<caption id=" in part and '<th scope="row">' in part and 'class="chart__summary"' in part
        assert re.search(r"Hela staden \(n = \d+\)|\d\u00a0% \(n = \d+\)", part), f"{chart_id}: groups without n"


def test_categories_against_the_whole_city_and_the_same_kind(data, analyst_client):
    part = section(page(analyst_client, data.org_a), "org-categories")
    header = part.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert [cell in header for cell in ("Förskoleförvaltningen", "Hela staden", "Förvaltningar")] == [True] * 3
    effektivitet = part.split('<th scope="row">Effektivitet</th>', 1)[1].split("</tr>", 1)[0]
    assert "39,5\u00a0%" in effektivitet  # 45,5 − 6
    assert "47,3\u00a0%" in effektivitet  # the whole city, 52,3 − 5
    assert "42,8\u00a0%" in effektivitet  # förvaltningar, 47,75 − 5
    assert "ligger över resultatet för hela staden i 0 av 6 kategorier" in part


def test_a_company_is_compared_with_companies(data, analyst_client):
    part = section(page(analyst_client, data.company), "org-categories")
    assert re.search(r'<th scope="col">Bolag \(n = \d+\)</th>', part)
    assert "Förvaltningar" not in part


def test_quadrant_puts_formaga_on_x_and_arv_on_y(data, analyst_client):
    part = section(page(analyst_client, data.org_a), "quadrant")
    assert "Digital förmåga på den vågräta axeln och Digitalt arv på den lodräta" in part
    assert "Förskoleförvaltningen: Digital förmåga 45,5\u00a0% och Digitalt arv 45,5\u00a0%." in part
    assert "under resultatet för hela staden på båda dimensionerna" in part
    # The organisation's marker: x = 70 + 45.5 * 3 = 206.5, y = 20 + 300 − 45.5 * 3 = 183.5.
    assert '<circle cx="206.5" cy="183.5" r="7" fill="#1f3b73"/>' in part


def test_trend_across_published_rounds_only(data, analyst_client):
    part = section(page(analyst_client, data.org_a), "org-trend")
    assert "gick från 40,0\u00a0% år 2020 till 45,5\u00a0% år 2021 (+5,5 procentenheter)" in part
    assert "2022" not in part.split("<tbody>", 1)[1]
    assert "90,0" not in part


def test_older_round_has_no_change_and_its_own_figures(data, analyst_client):
    html = page(analyst_client, data.org_a, omgang="2020")
    assert "<dd>40,0\u00a0%</dd>" in html
    assert "har ett visat resultat för bara en omgång: 40,0\u00a0% år 2020" in html


def test_below_the_threshold_a_message_instead_of_scores(data, analyst_client):
    html = page(analyst_client, data.small)
    assert "För få svar" in html
    assert "Färre än 5 personer på Lilla nämndens förvaltning svarade 2021" in html
    assert 'id="org-categories"' not in html
    assert 'id="quadrant"' not in html
    assert "20,0" not in html and "14,0" not in html and "26,0" not in html
    assert 'id="learning-heading"' not in html
    # The trend shows the whole city, never the small organisation's own line.
    trend = section(html, "org-trend")
    assert "Lilla nämndens förvaltning har inget visat resultat i de här omgångarna." in trend


def test_organisation_that_did_not_take_part(data, analyst_client):
    newcomer = OrganisationFactory(name="Nya förvaltningen")
    html = page(analyst_client, newcomer)
    assert "Nya förvaltningen deltog inte i omgången 2021." in html
    assert 'id="org-trend"' not in html


def test_unknown_round_for_the_organisation(data, analyst_client):
    response = analyst_client.get(f"/mognad/{data.org_a.slug}/", {"omgang": "2022"})
    assert response.status_code == 404
    assert "Det finns ingen publicerad omgång för 2022." in response.content.decode()


@pytest.fixture
def learning_content(data, home, org_b):
    """Arena content for the weakest categories: Effektivitet (tag "effektivisering", focus area), Organisation
    (tag "kompetens") and Innovation (tag "innovation")."""
    area = FocusAreaFactory(name="Effektiv verksamhet", slug="effektiv-verksamhet")
    Category.objects.get(dimension__model=data.model, code="effektivitet").focus_areas.add(area)
    content = {
        "tagged": create_post(org_b.blog_space, "Robotar i ekonomiarbetet", tags=["effektivisering"]),
        "in_area": create_post(org_b.blog_space, "Ett fokusområde i praktiken", focus_areas=[area]),
        "own": create_post(data.org_a.blog_space, "Vår egen text om effektivisering", tags=["effektivisering"]),
        "draft": create_post(org_b.blog_space, "Utkast om effektivisering", tags=["effektivisering"], live=False),
        "staff_only": create_post(
            org_b.blog_space, "Internt om effektivisering", tags=["effektivisering"], staff_only=True
        ),
        "skills": create_post(org_b.blog_space, "Kompetenslyftet", tags=["Kompetens"]),
        "other_subject": create_post(org_b.blog_space, "Om något helt annat", tags=["lunch"]),
    }
    edition = create_edition(create_series(home), year=2021)
    content["session"] = create_session(edition, "Automatisera mera", focus_areas=[area])
    content["draft_session"] = create_session(edition, "Hemligt pass", focus_areas=[area], live=False)
    content["page"] = home.add_child(
        instance=StandardPage(
            title="Effektivitet i stadens verksamheter", slug="effektivitet", intro="Om effektivitet."
        )
    )
    content["page"].save_revision().publish()
    restricted = home.add_child(instance=StandardPage(title="Effektivitet internt", slug="internt", intro="Internt."))
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    return content


def test_three_weakest_categories_with_links_to_learn_from(data, analyst_client, learning_content):
    html = page(analyst_client, data.org_a)
    learning = html.split('id="learning-heading"', 1)[1]
    # Effektivitet and Organisation (39,5 %) then Innovation (45,5 %); ties keep the model's order.
    headings = [part.split("<span", 1)[0].strip() for part in learning.split('<h3 id="learn-')[1:]]
    assert [heading.split(">", 1)[1] for heading in headings] == ["Effektivitet", "Organisation", "Innovation"]
    effektivitet = learning.split('id="learn-effektivitet"', 1)[1].split("</section>", 1)[0]
    for key in ("tagged", "in_area", "session", "page"):
        assert learning_content[key].title in effektivitet, key
    for key in ("own", "draft", "staff_only", "draft_session", "other_subject"):
        assert learning_content[key].title not in effektivitet, key
    assert "Internt" not in effektivitet
    assert f'href="{learning_content["tagged"].url}"' in effektivitet
    assert 'href="/motesplats/2021/program/' in effektivitet
    organisation = learning.split('id="learn-organisation"', 1)[1].split("</section>", 1)[0]
    assert "Kompetenslyftet" in organisation  # tags match whatever their case
    assert "Inga programpunkter om det här ämnet ännu." in organisation


def test_learning_links_are_cached_until_something_is_published(
    data, analyst_client, learning_content, org_b, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        page(analyst_client, data.org_a)
    with django_assert_max_num_queries(len(first) - 7):  # the cached links need none of their 3 × 3 + 1 queries
        cached = page(analyst_client, data.org_a)
    assert learning_content["tagged"].title in cached

    create_post(org_b.blog_space, "Nyss publicerat om effektivisering", tags=["effektivisering"])
    assert "Nyss publicerat om effektivisering" in page(analyst_client, data.org_a)


def test_organisation_that_took_part_earlier_keeps_its_trend(data, analyst_client):
    from tests.helpers.maturity_data import add_results, flat_scores

    returning = OrganisationFactory(name="Återkommande förvaltningen")
    add_results(data.round_2020, returning, flat_scores(data.categories, 61.0), respondents=9)
    html = page(analyst_client, returning)
    assert "Återkommande förvaltningen deltog inte i omgången 2021." in html
    assert "har ett visat resultat för bara en omgång: 61,0\u00a0% år 2020" in section(html, "org-trend")


def test_the_trend_says_when_the_groups_rest_on_different_participation(data, analyst_client):
    from maturity.models import GroupScore

    GroupScore.objects.filter(round=data.round_2020, kind=GroupScore.Kind.ALL).update(organisations=42)
    trend = section(page(analyst_client, data.org_a), "org-trend")
    assert "Hela staden bygger på 7 organisationer 2021 mot 42 2020." in trend
    assert "Förvaltningar bygger på" not in trend


def test_national_values_per_category_where_the_import_has_them(data, analyst_client):
    from tests.helpers.maturity_data import add_national

    for category, score in zip(data.categories, (40.0, 50.0, 60.0, 35.0, 45.0, 70.0), strict=True):
        add_national(data.round_2021, score, "Statusrapport 2022", 2022, category=category)
    html = page(analyst_client, data.org_a)
    part = section(html, "org-categories")
    effektivitet = part.split('<th scope="row">Effektivitet</th>', 1)[1].split("</tr>", 1)[0]
    assert "40,0\u00a0%" in effektivitet
    # Förskoleförvaltningen: 39,5 / 45,5 / 51,5 / 39,5 / 45,5 / 51,5 against 40 / 50 / 60 / 35 / 45 / 70.
    assert (
        "Jämfört med de nationella värdena per kategori enligt Statusrapport 2022 ligger Förskoleförvaltningen "
        "över i 2 av 6 kategorier." in part
    )
    # The total-only source has no values per category and is left out of the category chart.
    assert "Statusrapport 2023" not in part
    # Each weak category shows the national value beside the organisation's own.
    learning = html.split('id="learning-heading"', 1)[1]
    effektivitet_learning = learning.split('id="learn-effektivitet"', 1)[1].split("</section>", 1)[0]
    assert "Nationellt (Statusrapport 2022): 40,0\u00a0%" in effektivitet_learning
    overview = analyst_client.get("/mognad/").content.decode()
    assert (
        "Jämfört med de nationella värdena per kategori enligt Statusrapport 2022 ligger hela staden över i "
        in section(overview, "categories")
    )
