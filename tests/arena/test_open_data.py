"""/oppna-data/: the landing page, the DCAT-AP-SE catalogue and each dataset's JSON, CSV and JSON Schema.

The catalogue is parsed with rdflib and checked for DCAT-AP-SE's mandatory (and the recommended properties we
promise); every dataset's JSON is validated against the schema served at its $id and its CSV read with the csv
module. Drafts, staff-only content, unpublished survey rounds and organisation-level figures appear in no format."""

import csv
import io
import json
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.conf import settings
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF
from wagtail.models import PageViewRestriction

from arena.demo.seed import ensure_home_page
from arena.open_data.catalogue import VCARD
from arena.projects.setup import ensure_projects_section
from tests.arena.projects_helpers import create_project
from tests.conferences.factories import PersonFactory, create_edition, create_series, create_session
from tests.factories import OrganisationFactory
from tests.helpers.maturity_data import scenario

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
LANDING = f"{BASE}/oppna-data/"
CATALOGUE = "/oppna-data/katalog.ttl"
SLUGS = ["digital-mognad", "konferensprogram", "forandringsprojekt"]
EU_THEMES = "http://publications.europa.eu/resource/authority/data-theme/"
FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
HIDDEN_TITLES = ["Hemligt utkast", "Intern session", "Internt projekt", "Projektutkast"]


@pytest.fixture
def content(org_a, org_b):
    home = ensure_home_page()
    index = ensure_projects_section(home)
    owner = OrganisationFactory(name="Intraservice")
    create_project(index, owner, "Öppet projekt")
    create_project(index, owner, "Internt projekt", staff_only=True)
    create_project(index, owner, "Projektutkast", live=False)
    series = create_series(home)
    edition = create_edition(series, year=2021)
    first, second = edition.tracks.all()
    create_session(edition, "Öppen session", track=first, speakers=[PersonFactory(name="Ada Talare")])
    create_session(edition, "Hemligt utkast", track=second, live=False)
    internal = create_edition(series, year=2022, slug="intern-2022")
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.LOGIN)
    create_session(internal, "Intern session", track=internal.tracks.first())
    return {"maturity": scenario(org_a, org_b)}


def get(client, url, status=200):
    response = client.get(urlsplit(url).path)
    assert response.status_code == status
    return response


def catalogue_graph(client):
    response = get(client, CATALOGUE)
    assert response["Content-Type"] == "text/turtle; charset=utf-8"
    graph = Graph()
    graph.parse(data=response.content.decode(), format="turtle")
    return graph


def one(graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, f"{subject} {predicate}: {values}"
    return values[0]


def test_the_catalogue_has_dcat_ap_se_mandatory_and_promised_properties(client, content):
    graph = catalogue_graph(client)
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert str(catalogue) == f"{BASE}{CATALOGUE}"
    assert one(graph, catalogue, DCTERMS.title).language == "sv"
    assert str(one(graph, catalogue, DCTERMS.description))
    assert str(one(graph, catalogue, DCTERMS.license)) == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert one(graph, catalogue, DCTERMS.modified)
    publisher = one(graph, catalogue, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph
    assert str(one(graph, publisher, FOAF.name)) == settings.OPEN_DATA_PUBLISHER
    datasets = list(graph.objects(catalogue, DCAT.dataset))
    assert sorted(str(dataset) for dataset in datasets) == sorted(f"{LANDING}#{slug}" for slug in SLUGS)

    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in graph
        assert one(graph, dataset, DCTERMS.title).language == "sv"
        assert str(one(graph, dataset, DCTERMS.description))
        assert one(graph, dataset, DCTERMS.publisher) == publisher
        contact = one(graph, dataset, DCAT.contactPoint)
        assert (contact, RDF.type, VCARD.Organization) in graph
        assert str(one(graph, contact, VCARD.fn)) == settings.OPEN_DATA_PUBLISHER
        assert str(one(graph, dataset, DCAT.landingPage)) == LANDING
        themes = list(graph.objects(dataset, DCAT.theme))
        assert themes and all(str(theme).startswith(EU_THEMES) for theme in themes)
        assert list(graph.objects(dataset, DCAT.keyword))
        assert one(graph, dataset, DCTERMS.modified)
        distributions = list(graph.objects(dataset, DCAT.distribution))
        formats = {str(one(graph, distribution, DCTERMS.format)) for distribution in distributions}
        assert formats == {f"{FILE_TYPES}JSON", f"{FILE_TYPES}CSV"}
        for distribution in distributions:
            assert (distribution, RDF.type, DCAT.Distribution) in graph
            assert str(one(graph, distribution, DCAT.accessURL)).startswith(f"{BASE}/oppna-data/")
            assert one(graph, distribution, DCAT.downloadURL) == one(graph, distribution, DCAT.accessURL)
            assert str(one(graph, distribution, DCTERMS.license)) == "http://creativecommons.org/publicdomain/zero/1.0/"


def distributions_by_format(graph):
    """{slug: {"JSON": (url, schema url), "CSV": (url, None)}} from the catalogue."""
    found = {}
    for dataset in graph.subjects(RDF.type, DCAT.Dataset):
        slug = str(dataset).rpartition("#")[2]
        for distribution in graph.objects(dataset, DCAT.distribution):
            kind = str(one(graph, distribution, DCTERMS.format)).rpartition("/")[2]
            schema = next(graph.objects(distribution, DCTERMS.conformsTo), None)
            found.setdefault(slug, {})[kind] = (str(one(graph, distribution, DCAT.accessURL)), schema and str(schema))
    return found


def test_each_dataset_validates_against_the_schema_at_its_id_and_its_csv_parses(client, content):
    found = distributions_by_format(catalogue_graph(client))
    assert sorted(found) == sorted(SLUGS)
    for slug, kinds in found.items():
        json_url, schema_url = kinds["JSON"]
        assert json_url == f"{BASE}/oppna-data/{slug}.json"
        assert schema_url == f"{BASE}/oppna-data/{slug}.schema.json"
        schema_response = get(client, schema_url)
        assert schema_response["Content-Type"] == "application/schema+json"
        schema = json.loads(schema_response.content)
        assert schema["$id"] == schema_url
        jsonschema.Draft202012Validator.check_schema(schema)

        response = get(client, json_url)
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert response["Access-Control-Allow-Origin"] == "*"
        document = json.loads(response.content)
        jsonschema.validate(document, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        assert document["landing_page"] == LANDING
        assert document["rows"], slug

        csv_url, _schema = kinds["CSV"]
        assert csv_url == f"{BASE}/oppna-data/{slug}.csv"
        csv_response = get(client, csv_url)
        assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
        reader = csv.DictReader(io.StringIO(csv_response.content.decode("utf-8"), newline=""))
        rows = list(reader)
        assert reader.fieldnames == list(schema["properties"]["rows"]["items"]["properties"])
        assert len(rows) == len(document["rows"])
        first = reader.fieldnames[0]
        assert [row[first] for row in rows] == [str(row[first]) for row in document["rows"]]


def every_format(client):
    bodies = [get(client, "/oppna-data/").content.decode(), get(client, CATALOGUE).content.decode()]
    for slug in SLUGS:
        for suffix in (".json", ".csv", ".schema.json"):
            bodies.append(get(client, f"/oppna-data/{slug}{suffix}").content.decode())
    return "\n".join(bodies)


def test_no_draft_staff_only_or_unpublished_content_in_any_format(client, content):
    text = every_format(client)
    assert "Öppen session" in text and "Öppet projekt" in text and "Ada Talare" in text
    for title in HIDDEN_TITLES:
        assert title not in text


def test_maturity_rows_are_group_figures_of_published_rounds_only(client, content):
    rows = json.loads(get(client, "/oppna-data/digital-mognad.json").content)["rows"]
    data = content["maturity"]
    assert {row["year"] for row in rows} == {2020, 2021}  # the closed 2022 round stays out
    assert {row["group"] for row in rows} == {"all", "forvaltning", "bolag"}
    assert all(row["organisations"] >= 3 and row["respondents"] >= 5 for row in rows)
    text = json.dumps(rows, ensure_ascii=False)
    for organisation in (data.org_a, data.org_b, data.company, data.small):
        assert organisation.name not in text


def test_the_licence_follows_the_setting(client, content, settings):
    settings.OPEN_DATA_LICENSE = "CC-BY-4.0"
    graph = catalogue_graph(client)
    licences = {str(licence) for licence in graph.objects(None, DCTERMS.license)}
    assert licences == {"http://creativecommons.org/licenses/by/4.0/"}
    assert "http://creativecommons.org/licenses/by/4.0/" in get(client, "/oppna-data/").content.decode()
    assert json.loads(get(client, "/oppna-data/forandringsprojekt.json").content)["license"] == (
        "http://creativecommons.org/licenses/by/4.0/"
    )


def test_the_contact_point_has_the_configured_address(client, content, settings):
    settings.OPEN_DATA_CONTACT_EMAIL = "oppnadata@example.se"
    graph = catalogue_graph(client)
    contact = next(graph.subjects(RDF.type, VCARD.Organization))
    assert one(graph, contact, VCARD.hasEmail) == URIRef("mailto:oppnadata@example.se")


@pytest.mark.parametrize(
    "path", ["/oppna-data/finns-inte.json", "/oppna-data/finns-inte.csv", "/oppna-data/x.schema.json"]
)
def test_an_unknown_dataset_is_a_404(client, content, path):
    assert client.get(path).status_code == 404


def test_the_landing_page_describes_every_dataset_in_swedish(client, content):
    response = get(client, "/oppna-data/")
    body = response.content.decode()
    assert '<html lang="sv"' in body
    assert "<h1>Öppna data</h1>" in body
    for slug in SLUGS:
        assert f'id="{slug}"' in body
        assert f'href="/oppna-data/{slug}.json"' in body
        assert f'href="/oppna-data/{slug}.csv"' in body
        assert f'href="/oppna-data/{slug}.schema.json"' in body
    assert "Förändringsprojekt" in body and "Konferensprogram" in body
    assert 'href="/oppna-data/katalog.ttl"' in body


def test_write_methods_are_refused(client, content):
    assert client.post("/oppna-data/").status_code == 405
    assert client.post("/oppna-data/forandringsprojekt.json").status_code == 405


def add_content(count):
    """`count` more public projects and sessions, each with partners, focus areas and speakers."""
    from arena.models import ChangeProjectPage
    from conferences.models import ConferenceEditionPage
    from tests.blogs.factories import FocusAreaFactory
    from tests.conferences.factories import at

    index = ChangeProjectPage.objects.first().get_parent()
    edition = ConferenceEditionPage.objects.get(year=2021)
    first, _second = edition.tracks.all()
    for number in range(count):
        area = FocusAreaFactory()
        partner = OrganisationFactory()
        create_project(index, partner, f"Extra projekt {number}", partners=[partner], focus_areas=[area])
        create_session(
            edition,
            f"Extra session {number}",
            track=first,
            start=at(edition.date, 10 + number // 2, 30 * (number % 2)),
            speakers=[PersonFactory(), PersonFactory()],
            focus_areas=[area],
            organisations=[partner],
        )


# The page frame plus one query per dataset for its "modified"; flat as content grows.
LANDING_QUERIES = 5
# Each file: its rows in a fixed number of queries (maturity's four, the projects' and sessions' prefetches) and
# the JSON's "modified".
FILE_QUERIES = 6


@pytest.mark.parametrize("extra", [0, 8])
def test_the_landing_page_and_files_take_a_fixed_number_of_queries(
    client, content, extra, django_assert_max_num_queries
):
    add_content(extra)
    client.get("/oppna-data/")  # warm the site root paths and settings caches like any served page
    with django_assert_max_num_queries(LANDING_QUERIES):
        assert client.get("/oppna-data/").status_code == 200
    for slug in SLUGS:
        for suffix in (".json", ".csv"):
            with django_assert_max_num_queries(FILE_QUERIES):
                response = client.get(f"/oppna-data/{slug}{suffix}")
            assert response.status_code == 200
    rows = json.loads(client.get("/oppna-data/forandringsprojekt.json").content)["rows"]
    assert len(rows) == 1 + extra
