"""The "Mognad" admin: analysts upload files (validated in the request, or in the background with progress),
manage rounds with their participants, national reference values and see the models; organisation writers and
editors never reach any of it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from maturity import admin_views, forms
from maturity.models import ImportJob, Response, Round, RoundParticipant
from tests.maturity.factories import csv_bytes

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/mognad/import/"
HEADER = ["round", "organisation", "respondent", "question", "value"]


def upload(client, data, name="svar.csv", kind="responses"):
    return client.post(IMPORT_URL, {"kind": kind, "file": SimpleUploadedFile(name, data)})


def valid_file(organisation, respondents=1):
    rows = [HEADER]
    for n in range(respondents):
        rows += [["2022", organisation.name, f"r{n}", code, "4"] for code in ("Q1", "Q2", "Q3")]
    return csv_bytes(rows)


def test_analysts_see_the_menu_and_the_form(client, analyst, small_round):
    client.force_login(analyst)
    home = client.get("/admin/").content.decode()
    assert "Mognad" in home and IMPORT_URL in home
    response = client.get(IMPORT_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Importera mognadsdata" in content and "Kontrollera och importera" in content
    assert "Kolumner: round, organisation, respondent, question, value" in content


@pytest.mark.parametrize("who", ["writer_a", "editor_a"])
def test_organisation_writers_and_editors_are_refused(client, request, who, small_round, forvaltning):
    client.force_login(request.getfixturevalue(who))
    assert IMPORT_URL not in client.get("/admin/").content.decode()
    assert client.get(IMPORT_URL).status_code == 403
    assert upload(client, valid_file(forvaltning)).status_code == 403
    job = ImportJob.objects.create(kind="responses", original_name="hemlig.csv", errors=[{"row": 2, "message": "x"}])
    assert client.get(f"{IMPORT_URL}{job.pk}/").status_code == 403
    assert not Response.objects.exists()
    assert ImportJob.objects.count() == 1
    for url in ("/admin/mognad/omgangar/", "/admin/mognad/nationella-varden/", "/admin/mognad/modeller/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/", url
        assert "Testomgång" not in response.content.decode()


def test_staff_without_admin_access_are_sent_away(client, staff, small_round):
    client.force_login(staff)
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_an_upload_with_errors_lists_them_and_stores_nothing(client, analyst, small_round, forvaltning):
    client.force_login(analyst)
    rows = [HEADER, ["2022", "Okänd förvaltning", "r1", "Q1", "3"], ["2022", forvaltning.name, "r1", "Q1", "9"]]
    response = upload(client, csv_bytes(rows))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Ingenting har importerats: filen har 2 fel." in content
    assert "<td>2</td>" in content and "Okänd organisation: Okänd förvaltning." in content
    assert "<td>3</td>" in content and "Svaret 9 ligger utanför skalan 1–5." in content
    assert not Response.objects.exists() and not ImportJob.objects.exists()
    assert not RoundParticipant.objects.exists()


def test_more_than_fifty_errors_are_counted(client, analyst, small_round, forvaltning):
    client.force_login(analyst)
    rows = [HEADER] + [["2022", forvaltning.name, f"r{n}", "Q1", "0"] for n in range(57)]
    content = upload(client, csv_bytes(rows)).content.decode()
    assert "Ingenting har importerats: filen har 57 fel." in content
    assert content.count("Svaret 0 ligger utanför skalan 1–5.") == 50
    assert "… och ytterligare 7 fel som inte visas." in content


def test_a_small_valid_file_is_imported_in_the_request(client, analyst, small_round, forvaltning):
    client.force_login(analyst)
    response = upload(client, valid_file(forvaltning))
    assert response.status_code == 302 and response.url == IMPORT_URL
    assert Response.objects.count() == 3
    job = ImportJob.objects.get()
    assert (job.status, job.total_rows, job.created_by, job.file.name) == ("done", 3, analyst, "")
    page = client.get(IMPORT_URL).content.decode()
    assert "3 svar från 1 respondenter i 1 organisationer har importerats (Testomgång 2022)." in page
    assert "svar.csv" in page


@pytest.mark.parametrize(
    "data, name, kind, message",
    [
        (b"round\n2022\n", "svar.txt", "responses", "Filen måste vara en .csv- eller .xlsx-fil."),
        (b"", "svar.csv", "responses", "Filen är tom."),
        (b"round\n2022\n", "svar.csv", "", "Välj vad filen innehåller."),
        (b"round\n2022\n", "svar.csv", "okänt", "Välj ett giltigt alternativ."),
    ],
    ids=["wrong-type", "empty", "no-kind", "unknown-kind"],
)
def test_the_form_checks_type_and_kind(client, analyst, small_round, data, name, kind, message):
    client.force_login(analyst)
    response = upload(client, data, name=name, kind=kind)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_the_form_refuses_files_over_the_size_limit(client, analyst, small_round, forvaltning, monkeypatch):
    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 20)
    client.force_login(analyst)
    response = upload(client, valid_file(forvaltning))
    assert response.status_code == 400
    assert "den största fil du kan ladda upp är 20\xa0byte" in response.content.decode()
    assert not Response.objects.exists()


def test_large_files_are_imported_in_the_background(
    client, analyst, small_round, forvaltning, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(admin_views, "BACKGROUND_ROWS", 5)
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, valid_file(forvaltning, respondents=3))
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == f"{IMPORT_URL}{job.pk}/"
    assert (job.status, job.processed_rows, job.total_rows, job.error_count) == ("done", 9, 9, 0)
    assert not job.file  # the uploaded file is not kept once its data is stored
    assert Response.objects.count() == 9
    page = client.get(response.url)
    content = page.content.decode()
    assert page.status_code == 200 and 'http-equiv="refresh"' not in content
    assert "9 svar från 3 respondenter" in content and "9 av 9 rader (100 %)" in content


def test_a_background_import_with_errors_lists_them_on_its_page(
    client, analyst, small_round, forvaltning, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(admin_views, "BACKGROUND_ROWS", 1)
    client.force_login(analyst)
    rows = [HEADER, ["2022", forvaltning.name, "r1", "Q1", "3"], ["2022", forvaltning.name, "r1", "Q9", "3"]]
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, csv_bytes(rows))
    job = ImportJob.objects.get()
    assert (job.status, job.error_count) == ("failed", 1)
    assert not Response.objects.exists()
    content = client.get(response.url).content.decode()
    assert "Misslyckades" in content and "Ingenting har importerats." in content
    assert "Frågan Q9 finns inte i modellen Modell liten 1." in content


def test_a_running_import_page_refreshes_itself(client, analyst):
    job = ImportJob.objects.create(
        kind="responses", status="running", original_name="stor.csv", total_rows=200, processed_rows=50
    )
    client.force_login(analyst)
    content = client.get(f"{IMPORT_URL}{job.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="3">' in content
    assert "50 av 200 rader (25 %)" in content and "Importen pågår." in content


def test_analysts_manage_rounds_with_participants(client, analyst, small_model, forvaltning):
    client.force_login(analyst)
    assert client.get("/admin/mognad/omgangar/").status_code == 200
    response = client.post(
        "/admin/mognad/omgangar/new/",
        {
            "model": small_model.pk,
            "year": 2023,
            "name": "Mätning 2023",
            "status": "planned",
            "published_at": "",
            "notes": "",
            "participants-TOTAL_FORMS": "1",
            "participants-INITIAL_FORMS": "0",
            "participants-MIN_NUM_FORMS": "0",
            "participants-MAX_NUM_FORMS": "1000",
            "participants-0-id": "",
            "participants-0-organisation": forvaltning.pk,
            "participants-0-invited": "12",
            "participants-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    round_ = Round.objects.get(year=2023)
    assert list(round_.participants.values_list("organisation", "invited")) == [(forvaltning.pk, 12)]


def test_analysts_see_national_values_and_models_read_only(client, analyst, small_round):
    client.force_login(analyst)
    assert client.get("/admin/mognad/nationella-varden/").status_code == 200
    assert client.get("/admin/mognad/nationella-varden/new/").status_code == 200
    listing = client.get("/admin/mognad/modeller/")
    assert listing.status_code == 200 and "Modell liten" in listing.content.decode()
    inspect = client.get(f"/admin/mognad/modeller/inspect/{small_round.model.pk}/")
    assert inspect.status_code == 200
    assert "Kategori c1" in inspect.content.decode() and "Q1, Q2" in inspect.content.decode()
    response = client.get(f"/admin/mognad/modeller/edit/{small_round.model.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
