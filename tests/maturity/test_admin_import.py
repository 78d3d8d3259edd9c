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


def test_staff_without_admin_access_are_refused(client, staff, small_round):
    client.force_login(staff)
    response = client.get(IMPORT_URL)
    assert response.status_code == 403  # arena's "no access" page, not a login loop
    assert "Importera" not in response.content.decode()


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


# --- Confirmation before replacing published or earlier data ------------------------------------------------------


def publish(round_):
    Round.objects.filter(pk=round_.pk).update(status=Round.Status.PUBLISHED)


def test_an_import_into_a_published_round_waits_for_confirmation(client, analyst, small_round, forvaltning, bolag):
    client.force_login(analyst)
    upload(client, valid_file(forvaltning, respondents=2))  # 6 answers while the round is planned: no question
    assert Response.objects.count() == 6 and ImportJob.objects.get().status == "done"
    publish(small_round)

    rows = [HEADER] + [["2022", name, "r9", "Q1", "5"] for name in (forvaltning.name, bolag.name)]
    response = upload(client, csv_bytes(rows))
    job = ImportJob.objects.latest("created_at")
    assert response.status_code == 302 and response.url == f"{IMPORT_URL}{job.pk}/"
    assert (job.status, job.confirmed, job.total_rows) == ("confirm", False, 2)
    assert job.file  # kept for the confirming request
    assert Response.objects.count() == 6  # nothing replaced yet

    page = client.get(response.url)
    content = page.content.decode()
    assert page.status_code == 200 and 'http-equiv="refresh"' not in content
    assert "Väntar på bekräftelse" in content and "Bekräfta importen" in content
    assert "Testomgång 2022 är publicerad: importen ändrar resultat som redan visas." in content
    assert "Kulturförvaltningen i Testomgång 2022: 6 svar och 0 importerade resultat ersätts." in content
    assert "1 organisation i Testomgång 2022 har inga tidigare data där." in content
    assert 'value="confirm"' in content and "Importera och ersätt" in content

    confirmed = client.post(response.url, {"action": "confirm"})
    assert confirmed.status_code == 302 and confirmed.url == IMPORT_URL
    job.refresh_from_db()
    assert (job.status, job.confirmed, job.file.name) == ("done", True, "")
    assert sorted(Response.objects.values_list("organisation__name", "respondent")) == [
        (bolag.name, "r9"),
        (forvaltning.name, "r9"),
    ]
    assert "2 svar från 2 respondenter i 2 organisationer har importerats" in client.get(IMPORT_URL).content.decode()
    # A second click finds nothing waiting and imports nothing again.
    again = client.post(response.url, {"action": "confirm"})
    assert again.status_code == 302 and again.url == response.url
    assert "Den här importen väntar inte längre på bekräftelse." in client.get(again.url).content.decode()
    assert Response.objects.count() == 2


def test_replacing_earlier_data_asks_even_before_publication(client, analyst, small_round, forvaltning):
    client.force_login(analyst)
    upload(client, valid_file(forvaltning))
    response = upload(client, valid_file(forvaltning))
    job = ImportJob.objects.latest("created_at")
    assert response.url == f"{IMPORT_URL}{job.pk}/" and job.status == "confirm"
    content = client.get(response.url).content.decode()
    assert "är publicerad" not in content
    assert "Kulturförvaltningen i Testomgång 2022: 3 svar och 0 importerade resultat ersätts." in content


def test_a_waiting_import_can_be_cancelled(client, analyst, small_round, forvaltning):
    publish(small_round)
    client.force_login(analyst)
    response = upload(client, valid_file(forvaltning))
    job = ImportJob.objects.get()
    stored = job.file.name
    cancelled = client.post(response.url, {"action": "cancel"})
    assert cancelled.status_code == 302 and cancelled.url == response.url
    job.refresh_from_db()
    assert (job.status, job.file.name, job.summary) == ("cancelled", "", "Ingenting har importerats.")
    assert not job.file.storage.exists(stored)
    assert not Response.objects.exists()
    assert client.post(response.url, {"action": "confirm"}).url == response.url
    assert not Response.objects.exists()


def test_a_large_file_into_a_published_round_waits_after_the_check(
    client, analyst, small_round, forvaltning, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(admin_views, "BACKGROUND_ROWS", 5)
    publish(small_round)
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, valid_file(forvaltning, respondents=3))
    job = ImportJob.objects.get()
    assert (job.status, job.total_rows) == ("confirm", 9) and job.file
    assert not Response.objects.exists()
    assert "Testomgång 2022 är publicerad" in client.get(response.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(response.url, {"action": "confirm"})
    assert confirmed.url == response.url  # in the background: back to the job's page
    job.refresh_from_db()
    assert (job.status, job.confirmed, job.file.name) == ("done", True, "")
    assert Response.objects.count() == 9


def test_only_importers_can_confirm(client, writer_a, small_round, forvaltning):
    job = ImportJob.objects.create(kind="responses", status="confirm", original_name="svar.csv")
    client.force_login(writer_a)
    assert client.post(f"{IMPORT_URL}{job.pk}/", {"action": "confirm"}).status_code == 403
    job.refresh_from_db()
    assert job.status == "confirm"


@pytest.mark.django_db(transaction=True)
def test_the_job_is_recorded_before_the_data_is_committed(
    wagtail_baseline, client, analyst, small_round, forvaltning, monkeypatch
):
    """The request dies right after the data's commit, when the job would be marked done: the job is still there
    (running), so the history shows the import."""
    original_save = ImportJob.save

    def die_when_done(job, *args, **kwargs):
        if job.status == ImportJob.Status.DONE:
            raise RuntimeError("the process died")
        return original_save(job, *args, **kwargs)

    monkeypatch.setattr(ImportJob, "save", die_when_done)
    client.force_login(analyst)
    with pytest.raises(RuntimeError):
        upload(client, valid_file(forvaltning))
    assert Response.objects.count() == 3  # committed
    job = ImportJob.objects.get()
    assert (job.status, job.original_name, job.created_by) == ("running", "svar.csv", analyst)


def test_the_round_form_chooses_organisations_with_a_search(client, analyst, small_model, forvaltning, bolag):
    import json

    from tests.factories import OrganisationFactory

    for number in range(44):
        OrganisationFactory(name=f"Förvaltning nummer {number}")
    client.force_login(analyst)
    form = client.get("/admin/mognad/omgangar/new/").content.decode()
    chooser_url = "/admin/mognad/valj-organisation/"
    assert f'data-chooser-url="{chooser_url}"' in form  # the searchable chooser, not a plain select
    assert 'name="participants-__prefix__-organisation"' in form
    modal = client.get(chooser_url)
    assert modal.status_code == 200
    html = json.loads(modal.content)["html"]
    assert 'name="q"' in html and "Välj en organisation" in html
    results = client.get(f"{chooser_url}results/", {"q": "kultur"}).content.decode()
    assert "Kulturförvaltningen" in results and "Förvaltning nummer" not in results and "Higab AB" not in results
    companies = client.get(f"{chooser_url}results/", {"kind": "bolag"}).content.decode()
    assert "Higab AB" in companies and "Kulturförvaltningen" not in companies
    chosen = client.get(f"{chooser_url}chosen/{forvaltning.pk}/")
    assert json.loads(chosen.content)["result"]["title"] == "Kulturförvaltningen"
