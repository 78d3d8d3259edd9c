"""The organisation table as CSV (UTF-8 with BOM, semicolons, decimal comma) and XLSX, parsed back: the same rows
as the dashboard, the respondent threshold applied and only the organisations the user may see."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.helpers.maturity_data import analyst_user, scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(org_a, org_b):
    return scenario(org_a, org_b)


@pytest.fixture
def analyst_client(client, db):
    client.force_login(analyst_user(username="analytiker"))
    return client


def csv_rows(response):
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for å, ä, ö
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_csv_for_swedish_excel(data, analyst_client):
    response = analyst_client.get("/mognad/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mognad-2021.csv"'
    assert "private" in response["Cache-Control"]
    rows = csv_rows(response)
    header = rows[0]
    assert header[:8] == [
        "Organisation",
        "Typ",
        "Omgång",
        "Svarande",
        "Inbjudna",
        "Svarsfrekvens (%)",
        "Totalt (%)",
        "Förändring sedan 2020 (procentenheter)",
    ]
    assert header[8:10] == ["Digital förmåga (%)", "Digitalt arv (%)"]
    assert header[10:16] == [
        f"{name} (%)" for name in ("Effektivitet", "Innovation", "Balansering", "Organisation", "Användare", "Teknik")
    ]
    assert header[-1] == "Kommentar"
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert list(by_name) == [
        "Förskoleförvaltningen",
        "Göteborgs Hamn AB",
        "Higab AB",
        "Lilla nämndens förvaltning",
        "Lilla styrelsens förvaltning",
        "Liseberg AB",
        "Stadsbyggnadsförvaltningen",
    ]
    own = by_name["Förskoleförvaltningen"]
    assert own["Typ"] == "Förvaltning"
    assert own["Omgång"] == "2021"
    assert own["Svarande"] == "12"
    assert own["Svarsfrekvens (%)"] == "75,0"
    assert own["Totalt (%)"] == "45,5"
    assert own["Förändring sedan 2020 (procentenheter)"] == "5,5"
    assert own["Effektivitet (%)"] == "39,5"
    assert own["Kommentar"] == ""


def test_csv_never_has_a_score_below_the_threshold(data, analyst_client):
    rows = csv_rows(analyst_client.get("/mognad/export.csv"))
    header = rows[0]
    small = dict(zip(header, next(row for row in rows if row[0] == "Lilla nämndens förvaltning"), strict=True))
    assert small["Kommentar"] == "För få svar"
    assert small["Svarande"] == "3"
    scores = [key for key in header if key.endswith("(%)") and key != "Svarsfrekvens (%)"]
    assert all(small[key] == "" for key in scores)
    assert small["Förändring sedan 2020 (procentenheter)"] == ""


def test_xlsx_holds_numbers(data, analyst_client):
    response = analyst_client.get("/mognad/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="mognad-2021.xlsx"'
    rows = xlsx_rows(response)
    header = rows[0]
    assert header[0] == "Organisation" and header[-1] == "Kommentar"
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    own = by_name["Förskoleförvaltningen"]
    assert own["Totalt (%)"] == 45.5
    assert own["Förändring sedan 2020 (procentenheter)"] == 5.5
    assert own["Svarande"] == 12 and own["Inbjudna"] == 16
    small = by_name["Lilla nämndens förvaltning"]
    assert small["Totalt (%)"] is None
    assert small["Kommentar"] == "För få svar"
    assert load_workbook(io.BytesIO(response.content)).active.title == "Mognad 2021"


def test_older_round_export(data, analyst_client):
    response = analyst_client.get("/mognad/export.csv", {"omgang": "2020"})
    assert response["Content-Disposition"] == 'attachment; filename="mognad-2020.csv"'
    rows = csv_rows(response)
    assert rows[0][7] == "Förändring sedan förra omgången (procentenheter)"
    own = dict(zip(rows[0], next(row for row in rows if row[0] == "Förskoleförvaltningen"), strict=True))
    assert own["Totalt (%)"] == "40,0"
    assert own["Förändring sedan förra omgången (procentenheter)"] == ""


def test_staff_export_has_only_their_organisation(data, client, writer_a):
    client.force_login(writer_a)
    rows = xlsx_rows(client.get("/mognad/export.xlsx"))
    assert [row[0] for row in rows[1:]] == ["Förskoleförvaltningen"]


def test_staff_without_organisation_get_only_the_header(data, client, staff):
    client.force_login(staff)
    assert len(csv_rows(client.get("/mognad/export.csv"))) == 1


def test_unpublished_round_can_not_be_exported(data, analyst_client):
    response = analyst_client.get("/mognad/export.csv", {"omgang": "2022"})
    assert response.status_code == 404
    assert "Det finns ingen publicerad omgång för 2022." in response.content.decode()


def test_bad_round_parameter(data, analyst_client):
    response = analyst_client.get("/mognad/export.xlsx", {"omgang": "förra"})
    assert response.status_code == 400
