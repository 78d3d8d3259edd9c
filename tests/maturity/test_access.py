"""Who sees what, over HTTP: anonymous users go to the login page, a staff member of organisation A sees A and
gets a Swedish 403 for B, staff without an organisation see the group figures only, analysts and superusers see
every organisation. The same rules hold for the exports."""

import pytest
from django.contrib.auth.models import AnonymousUser

from maturity import access
from maturity.models import OrganisationScore, Question, Response, RoundParticipant
from tests.factories import UserFactory, add_editor
from tests.helpers.maturity_data import analyst_user, scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(org_a, org_b):
    return scenario(org_a, org_b)


def organisation_names_in_table(response):
    html = response.content.decode()
    if 'class="organisation-table"' not in html:
        return []
    body = html.split('class="organisation-table"', 1)[1].split("</table>", 1)[0]
    return [
        name
        for name in ("Förskoleförvaltningen", "Stadsbyggnadsförvaltningen", "Higab AB", "Lilla nämndens förvaltning")
        if f">{name}</a>" in body
    ]


@pytest.mark.parametrize(
    "path", ["/mognad/", "/mognad/forskoleforvaltningen/", "/mognad/export.csv", "/mognad/export.xlsx"]
)
def test_anonymous_users_are_sent_to_login(client, data, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=")


def test_staff_of_a_sees_a_but_not_b(client, data, writer_a):
    client.force_login(writer_a)
    own = client.get(f"/mognad/{data.org_a.slug}/")
    assert own.status_code == 200
    assert "45,5\u00a0%" in own.content.decode()
    other = client.get(f"/mognad/{data.org_b.slug}/")
    assert other.status_code == 403
    html = other.content.decode()
    assert "Du har inte tillgång till den här organisationens resultat" in html
    assert "52,3" not in html  # not even org B's total leaks into the refusal
    assert "private" in other["Cache-Control"]


def test_staff_overview_lists_only_their_organisations_and_the_aggregates(client, data, editor_a):
    client.force_login(editor_a)
    response = client.get("/mognad/")
    assert response.status_code == 200
    assert organisation_names_in_table(response) == ["Förskoleförvaltningen"]
    html = response.content.decode()
    assert "52,3\u00a0% (n = 7)" in html  # the group figures
    assert "Analytiker ser alla organisationer." in html


def test_staff_in_two_organisations_see_both(client, data, writer_a):
    add_editor(writer_a, data.company)
    client.force_login(writer_a)
    assert organisation_names_in_table(client.get("/mognad/")) == ["Förskoleförvaltningen", "Higab AB"]
    assert client.get(f"/mognad/{data.company.slug}/").status_code == 200


def test_staff_without_organisation_see_only_aggregates(client, data, staff):
    client.force_login(staff)
    response = client.get("/mognad/")
    assert response.status_code == 200
    assert organisation_names_in_table(response) == []
    assert "Det finns inga organisationsresultat att visa för dig i den här omgången." in response.content.decode()
    for organisation in (data.org_a, data.org_b, data.company):
        assert client.get(f"/mognad/{organisation.slug}/").status_code == 403


@pytest.mark.parametrize("who", ["analyst", "superuser"])
def test_analysts_and_superusers_see_every_organisation(client, data, superuser, who):
    user = analyst_user(username="analytiker") if who == "analyst" else superuser
    client.force_login(user)
    assert organisation_names_in_table(client.get("/mognad/")) == [
        "Förskoleförvaltningen",
        "Stadsbyggnadsförvaltningen",
        "Higab AB",
        "Lilla nämndens förvaltning",
    ]
    for organisation in (data.org_a, data.org_b, data.company, data.small):
        assert client.get(f"/mognad/{organisation.slug}/").status_code == 200


def test_unknown_organisation_is_404(client, data):
    client.force_login(analyst_user())
    response = client.get("/mognad/finns-inte/")
    assert response.status_code == 404
    assert "Sidan hittades inte" in response.content.decode()


def test_inactive_user_with_the_permission_sees_nothing(data):
    user = analyst_user()
    user.is_active = False
    assert not access.sees_all_organisations(user)


def organisations_seen(model, user):
    return set(model.objects.for_user(user).values_list("organisation_id", flat=True))


@pytest.mark.parametrize("model", [OrganisationScore, RoundParticipant])
def test_results_querysets_apply_the_access_rule(data, writer_a, staff, superuser, model):
    everyone = {data.org_a.pk, data.org_b.pk, data.company.pk, data.small.pk, data.small_2.pk}
    everyone |= {company.pk for company in data.companies}
    assert set(model.objects.values_list("organisation_id", flat=True)) == everyone
    assert organisations_seen(model, analyst_user()) == everyone
    assert organisations_seen(model, superuser) == everyone
    assert organisations_seen(model, writer_a) == {data.org_a.pk}
    assert organisations_seen(model, staff) == set()
    assert organisations_seen(model, AnonymousUser()) == set()
    add_editor(writer_a, data.company)
    assert organisations_seen(model, writer_a) == {data.org_a.pk, data.company.pk}


def test_single_answers_are_for_analysts_only(data, writer_a, superuser):
    question = Question.objects.create(category=data.categories[0], code="Q1", text="Påstående")
    Response.objects.create(round=data.round_2021, organisation=data.org_a, respondent="r1", question=question, value=3)
    assert Response.objects.for_user(analyst_user()).count() == 1
    assert Response.objects.for_user(superuser).count() == 1
    # Not even the organisation's own staff: with few respondents an answer can point to a person.
    assert not Response.objects.for_user(writer_a).exists()
    assert not Response.objects.for_user(AnonymousUser()).exists()


def test_organisation_pages_follow_the_same_rule(data, writer_a, staff):
    analyst = analyst_user()
    assert access.may_view_organisation(writer_a, data.org_a)
    assert not access.may_view_organisation(writer_a, data.org_b)
    assert not access.may_view_organisation(staff, data.org_a)
    assert not access.may_view_organisation(AnonymousUser(), data.org_a)
    assert access.may_view_organisation(analyst, data.org_b)


def test_exports_follow_the_same_rules(client, data, writer_a):
    client.force_login(writer_a)
    csv_text = client.get("/mognad/export.csv").content.decode("utf-8-sig")
    assert "Förskoleförvaltningen" in csv_text
    assert "Stadsbyggnadsförvaltningen" not in csv_text
    assert "Higab AB" not in csv_text


def test_a_user_can_not_widen_access_through_parameters(client, data, writer_a):
    client.force_login(writer_a)
    response = client.get("/mognad/", {"organisation": data.org_b.slug, "sort": "total", "dir": "desc"})
    assert organisation_names_in_table(response) == ["Förskoleförvaltningen"]


def test_writer_of_another_tenant_with_no_rights_gets_403_everywhere(client, data):
    outsider = UserFactory(username="utomstaende")
    client.force_login(outsider)
    assert client.get(f"/mognad/{data.small.slug}/").status_code == 403
