"""The dashboards' cached bodies and exports (maturity.views, maturity.results_version) with the real Redis cache and
the page caches on: an import and a round's publication show at once, and a cached body or file never reaches
anyone the access rule (maturity.access) would not show it to, whoever asked first."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from maturity.importers import run_import
from maturity.models import Round
from tests.factories import UserFactory, add_writer
from tests.helpers.maturity_data import STRUCTURE, analyst_user, scenario
from tests.maturity.factories import csv_bytes

pytestmark = [pytest.mark.usefixtures("caches_on"), pytest.mark.django_db, pytest.mark.redis]

A_TOTAL = "45,5\u00a0%"  # org_a's own total in 2021 (scenario())
A_ROW = ">Förskoleförvaltningen</a></th>"
B_ROW = ">Stadsbyggnadsförvaltningen</a></th>"
TABLE = 'class="organisation-table"'


@pytest.fixture
def data(org_a, org_b):
    return scenario(org_a, org_b)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status
    return response.content.decode()


def results_file(organisation, score):
    rows = [["round", "organisation", "category", "score", "respondents"]]
    for categories in STRUCTURE.values():
        rows += [["2021", organisation.name, code, str(score), "12"] for code, _name, _tag in categories]
    return csv_bytes(rows)


def test_an_import_shows_at_once_on_both_dashboards(data, writer_a, django_capture_on_commit_callbacks):
    analyst = signed_in(analyst_user())
    own = signed_in(writer_a)
    organisation_page = f"/mognad/{data.org_a.slug}/"
    for client in (analyst, own):
        assert A_TOTAL in page(client, organisation_page)
    assert A_TOTAL in page(analyst, "/mognad/?sort=total&dir=desc")
    assert ";45,5;" in page(analyst, "/mognad/export.csv")
    with django_capture_on_commit_callbacks(execute=True):
        run_import("results", results_file(data.org_a, 81), "resultat.csv")
    for client in (analyst, own):
        html = page(client, organisation_page)
        assert "81,0\u00a0%" in html
        assert A_TOTAL not in html
    assert "81,0\u00a0%" in page(analyst, "/mognad/?sort=total&dir=desc")
    assert ";81,0;" in page(analyst, "/mognad/export.csv")


def test_publishing_and_unpublishing_a_round_show_at_once(data, writer_a, django_capture_on_commit_callbacks):
    analyst, own = signed_in(analyst_user()), signed_in(writer_a)
    organisation_page = f"/mognad/{data.org_a.slug}/"
    for client in (analyst, own):
        assert "?omgang=2022" not in page(client, "/mognad/")
        assert "90,0\u00a0%" not in page(client, organisation_page)
    round_ = data.unpublished
    with django_capture_on_commit_callbacks(execute=True):
        round_.status, round_.published_at = Round.Status.PUBLISHED, timezone.now()
        round_.save()
    for client in (analyst, own):
        assert f'href="/mognad/{data.org_a.slug}/?omgang=2022"' in page(client, "/mognad/")
        assert "90,0\u00a0%" in page(client, organisation_page)
    with django_capture_on_commit_callbacks(execute=True):
        round_.status = Round.Status.CLOSED
        round_.save()
    for client in (analyst, own):
        assert f'href="/mognad/{data.org_a.slug}/?omgang=2021"' in page(client, "/mognad/")
        html = page(client, organisation_page)
        assert "90,0\u00a0%" not in html
        assert A_TOTAL in html
    assert page(analyst, "/mognad/?omgang=2022", status=404)


def test_one_organisations_dashboard_never_reaches_another_organisations_staff(data, writer_a, writer_b):
    staff_a, staff_b = signed_in(writer_a), signed_in(writer_b)
    a_page, b_page = f"/mognad/{data.org_a.slug}/", f"/mognad/{data.org_b.slug}/"
    overview_a = page(staff_a, "/mognad/")
    assert A_ROW in overview_a and B_ROW not in overview_a
    assert A_TOTAL in page(staff_a, a_page)
    # B asks for the same URLs, with A's versions in the cache.
    overview_b = page(staff_b, "/mognad/")
    assert B_ROW in overview_b and A_ROW not in overview_b
    refused = page(staff_b, a_page, status=403)
    assert A_TOTAL not in refused
    assert page(staff_b, b_page)
    assert page(staff_a, b_page, status=403)
    csv_b = page(staff_b, "/mognad/export.csv")
    assert "Stadsbyggnadsförvaltningen" in csv_b and "Förskoleförvaltningen" not in csv_b
    # And the other way round, with B's versions cached.
    assert B_ROW not in page(staff_a, "/mognad/")
    assert "Stadsbyggnadsförvaltningen" not in page(staff_a, "/mognad/export.csv")
    assert page(signed_in(UserFactory()), "/mognad/nope/", status=404)


def test_an_analysts_table_never_reaches_staff(data, writer_a):
    analyst = signed_in(analyst_user())
    for path in ("/mognad/", "/mognad/?sort=total&dir=desc", "/mognad/export.csv"):
        html = page(analyst, path)
        assert "Förskoleförvaltningen" in html and "Stadsbyggnadsförvaltningen" in html
    nobodys = page(signed_in(UserFactory()), "/mognad/")
    assert TABLE not in nobodys
    assert "Förskoleförvaltningen" not in page(signed_in(UserFactory()), "/mognad/export.csv")
    own = page(signed_in(writer_a), "/mognad/?sort=total&dir=desc")
    assert A_ROW in own and B_ROW not in own


def test_an_analyst_by_a_permission_of_their_own_shares_nothing_with_staff_without_groups(data):
    """Both have no groups (the arena's audience is the same), but the access rule tells them apart."""
    analyst = UserFactory()
    analyst.user_permissions.add(Permission.objects.get(codename="view_maturity_results"))
    assert B_ROW in page(signed_in(analyst), "/mognad/")
    assert page(signed_in(analyst), f"/mognad/{data.org_b.slug}/")
    other = signed_in(UserFactory())
    assert TABLE not in page(other, "/mognad/")
    assert page(other, f"/mognad/{data.org_b.slug}/", status=403)
    assert "Stadsbyggnadsförvaltningen" not in page(other, "/mognad/export.csv")


def test_joining_and_leaving_an_organisation_show_at_once(data, writer_b):
    client = signed_in(writer_b)
    a_page = f"/mognad/{data.org_a.slug}/"
    assert page(client, a_page, status=403)
    assert A_ROW not in page(client, "/mognad/")
    add_writer(writer_b, data.org_a)
    assert A_TOTAL in page(client, a_page)
    assert A_ROW in page(client, "/mognad/")
    writer_b.groups.clear()
    assert page(client, a_page, status=403)
    assert TABLE not in page(client, "/mognad/")
