"""Consultations in the admin, over HTTP: arena editors build and publish them and read and export the answers (CSV
and XLSX); organisations' writers and editors can neither see nor export another page's answers."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from arena.consultations.forms import EMAIL_FIELD
from arena.demo.seed import ensure_home_page
from arena.models import ConsultationPage
from arena.provisioning import grant_arena_editor_pages
from arena.roles import ARENA_EDITORS, ensure_role_groups
from tests.factories import UserFactory
from tests.helpers.consultations import QUESTION, QUESTION_NAME, WORKPLACE_NAME, add_consultation, consultation_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(db):
    home = ensure_home_page()
    grant_arena_editor_pages(home)
    return home


@pytest.fixture
def index(home):
    return consultation_index(home)


@pytest.fixture
def arena_editor(home):
    user = UserFactory(username="arenaredaktor", email="arenaredaktor@goteborg.example")
    user.groups.add(ensure_role_groups()[ARENA_EDITORS])
    return user


@pytest.fixture
def consultation(index, arena_editor):
    page = add_consultation(index, "Inspel om planen", slug="planen", owner=arena_editor, ask_for_email=True)
    submitted = timezone.make_aware(datetime(2026, 7, 1, 14, 30))  # summer time: UTC+2
    answers = [
        {QUESTION_NAME: "Gemensam inloggning", WORKPLACE_NAME: "I ett bolag", EMAIL_FIELD: "lina@exempel.se"},
        {QUESTION_NAME: '=HYPERLINK("http://ond.example")', WORKPLACE_NAME: "", EMAIL_FIELD: ""},
        {QUESTION_NAME: "Stöd för\x0bfler språk\x01", WORKPLACE_NAME: "I en förvaltning", EMAIL_FIELD: ""},
    ]
    for number, data in enumerate(answers):
        saved = FormSubmission.objects.create(page=page, form_data=data)
        FormSubmission.objects.filter(pk=saved.pk).update(submit_time=submitted + timedelta(minutes=number))
    return page


def submissions_url(page, **query):
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def consultation_form(**changes):
    data = {
        "title": "Inspel om öppna data",
        "slug": "oppna-data",
        "intro": "Vilka data vill du att staden publicerar?",
        "body": streamfield([]),
        "opens_at": "2027-01-10 08:00",
        "closes_at": "2027-02-10 23:59",
        "privacy_notice": rich_text("<p>Svaren läses av dataenheten och raderas ett år efter stängning.</p>"),
        "thank_you_text": rich_text(""),
        "closed_summary": rich_text(""),
        "form_fields": inline_formset(
            [{"label": "Vilka data saknar du?", "field_type": "multiline", "required": "on", "choices": ""}]
        ),
        "to_address": "",
        "from_address": "",
        "subject": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(changes)
    return nested_form_data(data)


# --- Building a consultation -----------------------------------------------------------------------------------


def test_an_arena_editor_adds_and_publishes_a_consultation(client, index, arena_editor):
    client.force_login(arena_editor)
    url = reverse("wagtailadmin_pages:add", args=["arena", "consultationpage", index.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, consultation_form())

    assert response.status_code == 302
    page = ConsultationPage.objects.get(slug="oppna-data")
    assert page.live
    assert page.owner == arena_editor
    assert [field.label for field in page.form_fields.all()] == ["Vilka data saknar du?"]
    # Entered in Swedish time (winter: UTC+1).
    assert page.opens_at == timezone.make_aware(datetime(2027, 1, 10, 8, 0))
    assert page.opens_at.astimezone(UTC).hour == 7


def test_closing_before_opening_is_refused_in_swedish(client, index, arena_editor):
    client.force_login(arena_editor)
    url = reverse("wagtailadmin_pages:add", args=["arena", "consultationpage", index.pk])
    response = client.post(url, consultation_form(closes_at="2027-01-09 08:00"))
    assert response.status_code == 200  # the form again, with the error
    assert "Inspelet måste stänga efter att det har öppnat." in response.content.decode()
    assert not ConsultationPage.objects.filter(slug="oppna-data").exists()


def test_the_privacy_notice_cannot_be_left_out(client, index, arena_editor):
    client.force_login(arena_editor)
    url = reverse("wagtailadmin_pages:add", args=["arena", "consultationpage", index.pk])
    response = client.post(url, consultation_form(privacy_notice=rich_text("<p> </p>")))
    assert response.status_code == 200
    assert "Skriv varför ni frågar det ni frågar och hur länge svaren sparas." in response.content.decode()
    assert not ConsultationPage.objects.filter(slug="oppna-data").exists()


def test_a_question_named_like_the_honeypot_is_refused(client, index, arena_editor):
    client.force_login(arena_editor)
    url = reverse("wagtailadmin_pages:add", args=["arena", "consultationpage", index.pk])
    questions = inline_formset([{"label": "Website", "field_type": "url", "required": "", "choices": ""}])
    response = client.post(url, consultation_form(form_fields=questions))
    assert response.status_code == 200
    assert "Den här etiketten används av formuläret självt." in response.content.decode()
    assert not ConsultationPage.objects.filter(slug="oppna-data").exists()


def test_an_arena_editor_edits_the_summary_after_closing(client, consultation, arena_editor):
    client.force_login(arena_editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sammanfattning efter stängning" in body
    assert "Personuppgifter (GDPR)" in body


# --- Reading and exporting the answers -------------------------------------------------------------------------


def test_an_arena_editor_sees_the_answers(client, consultation, arena_editor):
    client.force_login(arena_editor)
    response = client.get(submissions_url(consultation))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gemensam inloggning" in body
    assert "lina@exempel.se" in body
    assert QUESTION in body


def test_csv_export(client, consultation, arena_editor):
    client.force_login(arena_editor)
    response = client.get(submissions_url(consultation, export="csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"].startswith('attachment; filename="planen-export-')
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # so Excel reads å, ä and ö
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["Inlämningsdatum", QUESTION, "Var arbetar du?", "E-postadress"]
    assert rows[1] == ["2026-07-01 14:30", "Gemensam inloggning", "I ett bolag", "lina@exempel.se"]
    assert rows[2][1] == '\'=HYPERLINK("http://ond.example")'  # never run as a formula
    assert len(rows) == 4


def test_xlsx_export(client, consultation, arena_editor):
    client.force_login(arena_editor)
    response = client.get(submissions_url(consultation, export="xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith('attachment; filename="planen-export-')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Inlämningsdatum", QUESTION, "Var arbetar du?", "E-postadress"]
    assert rows[1][0] == datetime(2026, 7, 1, 14, 30)  # Swedish time
    assert rows[1][1:] == ["Gemensam inloggning", "I ett bolag", "lina@exempel.se"]
    assert rows[2][1] == '=HYPERLINK("http://ond.example")'
    assert sheet.cell(row=3, column=2).data_type == "s"  # text, not a formula
    assert rows[3][1] == "Stöd förfler språk"  # characters XLSX cannot hold are left out, not a 500


# --- Tenancy -----------------------------------------------------------------------------------------------------


@pytest.fixture(params=["writer", "editor"])
def organisation_member(request, writer_a, editor_a):
    return {"writer": writer_a, "editor": editor_a}[request.param]


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_organisation_members_cannot_read_or_export_the_answers(client, consultation, organisation_member, export):
    client.force_login(organisation_member)
    response = client.get(submissions_url(consultation, **({"export": export} if export else {})))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert "Gemensam inloggning" not in client.get(response["Location"]).content.decode()


def test_organisation_members_cannot_delete_answers(client, consultation, organisation_member):
    client.force_login(organisation_member)
    submission = FormSubmission.objects.filter(page=consultation).first()
    url = reverse("wagtailforms:delete_submissions", args=[consultation.pk])
    response = client.post(f"{url}?selected-submissions={submission.pk}")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert FormSubmission.objects.filter(page=consultation).count() == 3


def test_organisation_members_do_not_see_consultations_among_the_forms(client, consultation, organisation_member):
    client.force_login(organisation_member)
    response = client.get(reverse("wagtailforms:index"))
    assert response.status_code == 200  # the listing itself is open to anyone with page permissions
    assert "Inspel om planen" not in response.content.decode()


def test_arena_editors_find_consultations_among_the_forms(client, consultation, arena_editor):
    client.force_login(arena_editor)
    response = client.get(reverse("wagtailforms:index"))
    assert response.status_code == 200
    assert "Inspel om planen" in response.content.decode()


def test_organisation_members_cannot_add_or_edit_consultations(client, consultation, index, organisation_member):
    client.force_login(organisation_member)
    add = client.get(reverse("wagtailadmin_pages:add", args=["arena", "consultationpage", index.pk]))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))
    assert add.status_code == 302
    assert edit.status_code == 302
    assert add["Location"] == edit["Location"] == reverse("wagtailadmin_home")
