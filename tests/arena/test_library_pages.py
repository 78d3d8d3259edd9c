"""/material/ over HTTP: the listing with its filters and search, the document pages, downloads and their headers,
staff-only documents by every route (library, document page, download URL, API), and flat query counts."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, CollectionViewRestriction
from wagtail.rich_text import RichText
from wagtail.search import index

from arena.demo.seed import ensure_home_page
from arena.demo.taxonomy import ensure_focus_areas
from arena.library.demo import ensure_library_page, ensure_staff_collection
from arena.models import StandardPage
from tests.factories import DocumentFactory, SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db

Document = get_document_model()
MAX_QUERIES = 20
_numbers = itertools.count(1)


@pytest.fixture
def library(db):
    home = ensure_home_page()
    return ensure_library_page(home)


@pytest.fixture
def areas(db):
    return {area.slug: area for area in ensure_focus_areas()}


@pytest.fixture
def documents(library, org_a, org_b, areas):
    policy = DocumentFactory(
        title="Policy för digitalisering",
        collection=org_a.collection,
        document_type="policy",
        published_date=datetime.date(2021, 6, 10),
        summary="Principerna för stadens digitalisering.",
    )
    policy.focus_areas.set([areas["digitala-tjanster"]])
    report = DocumentFactory(
        title="Rapport om sensorer",
        collection=org_b.collection,
        document_type="rapport",
        published_date=datetime.date(2024, 6, 12),
        extracted_text="Tryckgivare i ledningsnätet och en fuktmätarkampanj i källarna.",
    )
    index.insert_or_update_object(report)
    report.focus_areas.set([areas["data-och-digital-infrastruktur"]])
    secret = DocumentFactory(
        title="Internt budgetunderlag",
        collection=ensure_staff_collection(),
        document_type="rapport",
        published_date=datetime.date(2025, 9, 30),
    )
    return {"policy": policy, "report": report, "secret": secret}


def listing(client, query=""):
    response = client.get(f"/material/{query}")
    return response, response.content.decode()


def document_page_url(library, document):
    return library.document_url(document)


class TestListing:
    def test_anonymous_visitors_see_public_documents_only(self, client, documents):
        response, html = listing(client)

        assert response.status_code == 200
        assert "Policy för digitalisering" in html
        assert "Rapport om sensorer" in html
        assert "Internt budgetunderlag" not in html

    def test_logged_in_staff_also_see_staff_only_documents(self, client, documents):
        client.force_login(UserFactory())

        response, html = listing(client)

        assert response.status_code == 200
        assert "Internt budgetunderlag" in html

    @pytest.mark.parametrize(
        ("query", "shown", "hidden"),
        [
            ("?organisation=forskoleforvaltningen", "Policy för digitalisering", "Rapport om sensorer"),
            ("?typ=rapport", "Rapport om sensorer", "Policy för digitalisering"),
            ("?typ=styrande", "Policy för digitalisering", "Rapport om sensorer"),
            ("?fokus=data-och-digital-infrastruktur", "Rapport om sensorer", "Policy för digitalisering"),
            ("?ar=2021", "Policy för digitalisering", "Rapport om sensorer"),
            ("?q=fuktmätarkampanj", "Rapport om sensorer", "Policy för digitalisering"),
            ("?q=principerna&typ=styrande", "Policy för digitalisering", "Rapport om sensorer"),
        ],
    )
    def test_filters_and_search(self, client, documents, query, shown, hidden):
        response, html = listing(client, query)

        assert response.status_code == 200
        assert shown in html
        assert hidden not in html

    def test_search_never_finds_staff_only_documents_anonymously(self, client, documents):
        secret = documents["secret"]
        secret.extracted_text = "Hemlig budgetpost för fuktmätarkampanj."
        secret.save()
        index.insert_or_update_object(secret)

        response, html = listing(client, "?q=budgetunderlag")

        assert response.status_code == 200
        assert "Internt budgetunderlag" not in html
        assert list(Document.objects.public().search("budgetpost")) == []

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            ("?typ=okand", "Välj ett giltigt alternativ"),
            ("?ar=tjugohundra", "År: Fyll i ett heltal."),
            ("?ar=1200", "större än eller lika med 1900"),
            ("?organisation=%25%25%25", "Organisation: Ange en giltig"),
            ("?q=" + "a" * 201, "Sökord: Säkerställ att detta värde har som mest 200 tecken"),
        ],
    )
    def test_bad_values_get_400_with_a_swedish_message_and_the_listing(self, client, documents, query, message):
        response, html = listing(client, query)

        assert response.status_code == 400
        assert "Det finns fel i formuläret" in html
        assert message in html
        assert "Policy för digitalisering" in html

    @pytest.mark.parametrize(("query", "status"), [("?sida=abc", 200), ("?sida=-3", 200), ("?sida=99", 404)])
    def test_bad_page_numbers(self, client, documents, query, status):
        response, _html = listing(client, query)

        assert response.status_code == status


class TestDocumentPage:
    def test_shows_metadata_and_a_download_link(self, client, library, documents):
        policy = documents["policy"]

        response = client.get(document_page_url(library, policy))

        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1>Policy för digitalisering</h1>" in html
        assert "Styrande dokument: policy" in html
        assert "Förskoleförvaltningen" in html
        assert "Digitala tjänster för invånare och företag" in html
        assert f'href="{policy.url}"' in html
        assert "Filen är gjord för att vara tillgänglig." in html

    def test_shows_the_accessible_alternative_of_an_inaccessible_file(self, client, library, org_a):
        document = DocumentFactory(
            title="Inskannat protokoll",
            collection=org_a.collection,
            is_accessible=False,
            accessible_alternative_url="https://goteborg.se/protokoll",
        )

        html = client.get(document_page_url(library, document)).content.decode()

        assert "Filen är inte helt tillgänglig." in html
        assert 'href="https://goteborg.se/protokoll"' in html

    def test_lists_the_live_public_pages_that_use_it(self, client, library, documents):
        policy = documents["policy"]
        home = library.get_parent()
        body = [("paragraph", RichText(f'<p>Läs <a linktype="document" id="{policy.pk}">policyn</a>.</p>'))]
        using = home.add_child(instance=StandardPage(title="Om styrningen", slug="om-styrningen", body=body))
        using.save_revision().publish()
        draft = home.add_child(instance=StandardPage(title="Utkast om policyn", slug="utkast", body=body, live=False))
        draft.save_revision()

        html = client.get(document_page_url(library, policy)).content.decode()

        assert "Om styrningen" in html
        assert "Utkast om policyn" not in html

    def test_a_wrong_slug_redirects_to_the_right_address(self, client, library, documents):
        policy = documents["policy"]

        response = client.get(f"/material/{policy.pk}/fel-namn/")

        assert response.status_code == 301
        assert response["Location"] == document_page_url(library, policy)

    def test_unknown_and_staff_only_documents_are_not_found_anonymously(self, client, library, documents):
        assert client.get("/material/999999/finns-inte/").status_code == 404
        assert client.get(document_page_url(library, documents["secret"])).status_code == 404

    def test_staff_see_the_staff_only_document_page(self, client, library, documents):
        client.force_login(UserFactory())

        assert client.get(document_page_url(library, documents["secret"])).status_code == 200


class TestDownloads:
    def test_pdf_is_served_with_its_name_and_content_type(self, client, documents):
        policy = documents["policy"]

        response = client.get(policy.url)

        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == f'inline; filename="{policy.filename}"'
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        response.close()

    def test_docx_is_an_attachment_with_its_name(self, client, org_a):
        from django.core.files.base import ContentFile

        from arena.library.files import docx_bytes

        document = DocumentFactory(
            collection=org_a.collection, file=ContentFile(docx_bytes("Mall", ["Text"]), name="mall-förstudie.docx")
        )

        response = client.get(document.url)

        assert response.status_code == 200
        assert response["Content-Type"] == ("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        assert response["Content-Disposition"] == (
            "attachment; filename=\"mall-forstudie.docx\"; filename*=UTF-8''mall-f%C3%B6rstudie.docx"
        )
        assert b"".join(response.streaming_content).startswith(b"PK")
        response.close()

    def test_staff_only_file_sends_anonymous_visitors_to_log_in(self, client, documents):
        secret = documents["secret"]

        response = client.get(secret.url)

        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")

    def test_a_guessed_address_with_another_name_is_not_found(self, client, documents):
        secret = documents["secret"]

        response = client.get(f"/dokument/{secret.pk}/budget.pdf")

        assert response.status_code == 404

    def test_staff_download_the_staff_only_file(self, client, documents):
        client.force_login(UserFactory())

        response = client.get(documents["secret"].url)

        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        response.close()


def test_the_sitemap_lists_public_document_pages_only(client, library, documents):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    xml = response.content.decode()
    assert f"http://testserver{library.document_url(documents['policy'])}" in xml
    assert f"http://testserver{library.document_url(documents['report'])}" in xml
    assert library.document_url(documents["secret"]) not in xml


class TestApi:
    def test_the_api_lists_public_documents_only_whoever_asks(self, client, documents):
        anonymous = client.get("/api/v2/documents/").json()
        client.force_login(UserFactory())
        logged_in = client.get("/api/v2/documents/").json()

        for answer in (anonymous, logged_in):
            titles = {item["title"] for item in answer["items"]}
            assert titles == {"Policy för digitalisering", "Rapport om sensorer"}

    def test_a_staff_only_document_is_not_found_in_the_api(self, client, documents):
        assert client.get(f"/api/v2/documents/{documents['secret'].pk}/").status_code == 404


class TestVisibilityRules:
    def test_public_excludes_collections_below_a_restricted_one(self, org_a):
        child = org_a.collection.add_child(name="Ledningsgruppen")
        deeper = child.add_child(name="Protokoll")
        CollectionViewRestriction.objects.create(collection=child, restriction_type=BaseViewRestriction.LOGIN)
        open_document = DocumentFactory(collection=org_a.collection)
        hidden = DocumentFactory(collection=deeper)

        assert list(Document.objects.public()) == [open_document]
        assert hidden.organisation == org_a

    def test_group_restrictions_let_in_their_members_only(self, org_a):
        group = Group.objects.create(name="Projektgruppen")
        restricted = org_a.collection.add_child(name="Projekt")
        restriction = CollectionViewRestriction.objects.create(
            collection=restricted, restriction_type=BaseViewRestriction.GROUPS
        )
        restriction.groups.add(group)
        document = DocumentFactory(collection=restricted)
        member, outsider = UserFactory(), UserFactory()
        member.groups.add(group)

        assert list(Document.objects.for_user(member)) == [document]
        assert list(Document.objects.for_user(outsider)) == []
        assert list(Document.objects.for_user(SuperUserFactory())) == [document]

    def test_password_restricted_documents_stay_out_of_listings(self, org_a):
        restricted = org_a.collection.add_child(name="Lösenord")
        CollectionViewRestriction.objects.create(
            collection=restricted, restriction_type=BaseViewRestriction.PASSWORD, password="hemligt"
        )
        DocumentFactory(collection=restricted)

        assert list(Document.objects.for_user(UserFactory())) == []


def add_documents(collection, count, areas):
    """Many documents fast: rows in bulk (the listing reads the stored size, never the file)."""
    organisation = collection.organisation
    new = []
    for _ in range(count):
        number = next(_numbers)
        new.append(
            Document(
                title=f"Massdokument {number}",
                file=f"documents/massdokument-{number}.pdf",
                file_size=2048,
                collection=collection,
                organisation=organisation,
                document_type=("rapport", "plan", "mall")[number % 3],
                published_date=datetime.date(2020 + number % 6, 1 + number % 12, 1),
                summary=f"Sammanfattning av dokument {number}.",
            )
        )
    created = Document.objects.bulk_create(new)
    links = Document.focus_areas.through
    links.objects.bulk_create(
        [links(arenadocument_id=document.pk, focusarea_id=area.pk) for document in created for area in areas[:2]]
    )
    return created


def measure(client, url):
    client.get(url)  # warm Wagtail's site-root cache, as in production
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "query",
    ["", "?typ=styrande&ar=2022", "?fokus=digitala-tjanster&organisation=forskoleforvaltningen", "?q=sammanfattning"],
)
def test_listing_queries_are_flat_at_10_and_200_documents(client, library, org_a, org_b, areas, query):
    area_list = list(areas.values())
    add_documents(org_a.collection, 5, area_list)
    add_documents(org_b.collection, 5, area_list)
    small = measure(client, f"/material/{query}")

    add_documents(org_a.collection, 95, area_list)
    add_documents(org_b.collection, 95, area_list)
    large = measure(client, f"/material/{query}")

    assert small <= MAX_QUERIES
    assert large == small


def test_document_page_queries_are_flat_at_10_and_200_documents(client, library, org_a, areas):
    area_list = list(areas.values())
    first = add_documents(org_a.collection, 10, area_list)[0]
    url = document_page_url(library, first)
    small = measure(client, url)

    add_documents(org_a.collection, 190, area_list)
    large = measure(client, url)

    assert small <= MAX_QUERIES
    assert large == small
