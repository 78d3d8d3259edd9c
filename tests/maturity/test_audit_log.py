"""Maturity imports, confirmed replacements and round status changes appear in Wagtail's audit log with who and
when: written through the real admin views by an analyst, shown in Swedish in Reports → Site history and the round's
history, and hidden from an organisation's editor (Wagtail shows model log entries to users with a permission on the
model; editors have none on maturity data)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from maturity import admin_views, audit
from maturity.models import ImportJob, OrganisationScore, Round
from tests.helpers.audit_log import entries, history_row, only_entry, site_history
from tests.maturity.factories import csv_bytes

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/mognad/import/"
HEADER = ["round", "organisation", "respondent", "question", "value"]


def upload(client, organisation, name="svar.csv"):
    rows = [HEADER] + [["2022", organisation.name, "r1", code, "4"] for code in ("Q1", "Q2", "Q3")]
    return client.post(IMPORT_URL, {"kind": "responses", "file": SimpleUploadedFile(name, csv_bytes(rows))})


def test_an_import_is_logged_with_the_analyst(client, analyst, small_round, forvaltning, editor_a, superuser):
    client.force_login(analyst)
    since = timezone.now()
    assert upload(client, forvaltning).status_code == 302
    job = ImportJob.objects.get()
    entry = only_entry(job, audit.IMPORT, analyst, since)
    assert entry.data == {"kind": "responses", "file": "svar.csv", "rows": 3}
    assert entries(job, audit.IMPORT_REPLACED) == []

    history = site_history(superuser)
    assert history_row(entry) in history
    assert "Importerade svar.csv (3 rader)" in history
    assert "Mognadsdata importerade" in history  # the action filter's label
    assert "Importerade svar.csv" in site_history(analyst)
    assert "Importerade svar.csv" not in site_history(editor_a)


def test_a_background_import_is_logged_with_the_uploader(
    client, analyst, small_round, forvaltning, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(admin_views, "BACKGROUND_ROWS", 2)
    client.force_login(analyst)
    since = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(client, forvaltning).status_code == 302
    job = ImportJob.objects.get()
    assert job.status == "done"
    only_entry(job, audit.IMPORT, analyst, since)  # written by the worker, in the name of who uploaded the file


def test_a_confirmed_replacement_names_who_confirmed_it(client, analyst, small_round, forvaltning, superuser):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    client.force_login(analyst)
    upload(client, forvaltning, name="forsta.csv")
    uploader, confirmer = analyst, UserFactory(username="granskare", first_name="Greta", last_name="Granskare")
    confirmer.groups.add(Group.objects.get(name="Analytiker"))
    response = upload(client, forvaltning, name="andra.csv")
    job = ImportJob.objects.get(original_name="andra.csv")
    assert response.status_code == 302 and response.url == f"{IMPORT_URL}{job.pk}/"
    assert entries(job, audit.IMPORT) == []  # nothing stored, nothing logged while it waits

    client.force_login(confirmer)
    since = timezone.now()
    assert client.post(response.url, {"action": "confirm"}).status_code == 302
    job.refresh_from_db()
    assert (job.status, job.confirmed_by) == ("done", confirmer)
    only_entry(job, audit.IMPORT, uploader, since)
    replaced = only_entry(job, audit.IMPORT_REPLACED, confirmer, since)
    assert replaced.data["replaces"][0]["organisations"][0]["name"] == forvaltning.name

    history = site_history(superuser)
    assert "Bekräftade en import som ersätter tidigare eller publicerade data" in history
    assert "Greta Granskare" in history


def round_form(round_, status):
    return nested_form_data(
        {
            "model": round_.model.pk,
            "year": round_.year,
            "name": round_.name,
            "status": status,
            "published_at": "",
            "notes": "",
            "participants": inline_formset([]),
        }
    )


def test_a_round_status_change_is_logged(client, analyst, small_round, forvaltning, editor_a, superuser):
    Round.objects.filter(pk=small_round.pk).update(status=Round.Status.CLOSED)
    OrganisationScore.objects.create(
        round=small_round, organisation=forvaltning, level=OrganisationScore.Level.TOTAL, score=50, respondents=5
    )
    client.force_login(analyst)
    edit_url = reverse("maturity_rounds:edit", args=(small_round.pk,))
    since = timezone.now()
    response = client.post(edit_url, round_form(small_round, "published"))
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = only_entry(small_round, audit.ROUND_STATUS, analyst, since)
    assert entry.data == {"from": "closed", "to": "published"}

    # Saving again without changing the status adds no status entry (Wagtail still logs the edit).
    assert client.post(edit_url, round_form(small_round, "published")).status_code == 302
    assert len(entries(small_round, audit.ROUND_STATUS)) == 1
    assert len(entries(small_round, "wagtail.edit")) == 2

    message = "Status ändrad från stängd till publicerad"
    assert message in site_history(superuser)
    history = client.get(reverse("maturity_rounds:history", args=(small_round.pk,)))
    assert history.status_code == 200 and message in history.content.decode()
    assert message not in site_history(editor_a)


def test_a_refused_status_change_is_not_logged(client, analyst, small_round):
    client.force_login(analyst)
    response = client.post(reverse("maturity_rounds:edit", args=(small_round.pk,)), round_form(small_round, "planned"))
    assert response.status_code == 302  # open → planned is one step back: allowed
    response = client.post(reverse("maturity_rounds:edit", args=(small_round.pk,)), round_form(small_round, "closed"))
    assert response.status_code == 200  # the form again, with the Swedish refusal
    assert "En omgång går ett steg i taget" in response.content.decode()
    assert [entry.data for entry in entries(small_round, audit.ROUND_STATUS)] == [{"from": "open", "to": "planned"}]
