"""Who sees which registrations (Registration.objects.for_user, the one place that decides it) and which organisation
a registration is made for: someone in several organisations is asked which one, and only their own are accepted;
someone in one organisation is not asked."""

import csv
import io

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

from arena.roles import ORGANISERS
from conferences.models import Registration
from conferences.registration import rules
from tests.factories import OrganisationFactory, SuperUserFactory, UserFactory, add_editor, add_writer
from tests.helpers.registrations import create_workshop, open_edition

pytestmark = pytest.mark.django_db

QUESTION = "Vilken organisation registrerar du dig för?"


@pytest.fixture
def upcoming(series):
    return open_edition(series)


@pytest.fixture
def url(upcoming):
    return f"/motesplats/{upcoming.year}/anmalan/"


@pytest.fixture
def org_c(db):
    return OrganisationFactory(name="Kretslopp och vatten")


@pytest.fixture
def in_two(client, org_a, org_b):
    """Someone who writes for org_a and edits for org_b, signed in."""
    user = UserFactory(first_name="Maja", last_name="Lind")
    add_writer(user, org_a)
    add_editor(user, org_b)
    client.force_login(user)
    return user


@pytest.fixture
def everyone(upcoming, org_a, org_b, in_two):
    """A registration each for two people in org_a and org_b, and one for the person in both."""
    colleague_a, colleague_b = add_writer(UserFactory(), org_a), add_writer(UserFactory(), org_b)
    return {
        "a": rules.register_for_day(colleague_a, upcoming, organisation=org_a),
        "b": rules.register_for_day(colleague_b, upcoming, organisation=org_b),
        "mine": rules.register_for_day(in_two, upcoming, organisation=org_a),
    }


def organiser():
    user = UserFactory()
    user.groups.add(Group.objects.get(name=ORGANISERS))
    return user


class TestWhoSeesWhich:
    def test_organisers_and_superusers_see_every_registration(self, series, everyone):
        from conferences.admin.roles import grant_organiser_permissions

        grant_organiser_permissions(series)
        every = set(Registration.objects.values_list("pk", flat=True))
        assert len(every) == 3
        for user in (organiser(), SuperUserFactory()):
            assert set(Registration.objects.for_user(user).values_list("pk", flat=True)) == every

    def test_anyone_else_sees_only_their_own_even_in_their_own_organisation(self, everyone, in_two, writer_a):
        assert list(Registration.objects.for_user(in_two)) == [everyone["mine"]]
        # writer_a is in org_a like two of the attendees, and registered for nothing: they see nothing.
        assert not Registration.objects.for_user(writer_a).exists()

    def test_an_anonymous_visitor_sees_none(self, everyone):
        assert not Registration.objects.for_user(AnonymousUser()).exists()

    def test_own_is_what_an_organiser_registered_themselves_not_everyone(self, series, upcoming, everyone):
        from conferences.admin.roles import grant_organiser_permissions

        grant_organiser_permissions(series)
        user = organiser()
        theirs = rules.register_for_day(user, upcoming)
        assert list(upcoming.registrations.own(user)) == [theirs]
        assert Registration.objects.for_user(user).count() == 4

    def test_the_attendee_page_lists_and_cancels_only_their_own(self, client, url, everyone):
        content = client.get(url).content.decode()
        assert f"avboka/{everyone['mine'].pk}/" in content
        assert f"avboka/{everyone['a'].pk}/" not in content and f"avboka/{everyone['b'].pk}/" not in content
        assert client.post(f"{url}avboka/{everyone['a'].pk}/").status_code == 404
        assert Registration.objects.get(pk=everyone["a"].pk).status == Registration.Status.CONFIRMED

    def test_the_admin_list_export_and_overview_count_through_for_user(self, client, series, everyone):
        from conferences.admin.roles import grant_organiser_permissions

        grant_organiser_permissions(series)
        client.force_login(organiser())
        export = client.get(reverse("anmalningar:index"), {"export": "csv"})
        assert export.status_code == 200
        rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8"))))
        assert len(rows) == 1 + 3  # the headings and every registration
        overview = client.get(reverse("anmalningar:overview"))
        assert overview.status_code == 200
        assert [row["day"]["confirmed"] for row in overview.context["editions"]] == [3]


class TestWhichOrganisation:
    def test_someone_in_one_organisation_is_not_asked(self, client, url, upcoming, org_a):
        user = add_writer(UserFactory(), org_a)
        client.force_login(user)
        assert QUESTION not in client.get(url).content.decode()
        response = client.post(url, {"attend_day": "on"})
        assert response.status_code == 302
        assert Registration.objects.get(user=user).organisation == org_a

    def test_someone_in_no_organisation_is_not_asked_either(self, client, url, staff):
        client.force_login(staff)
        assert QUESTION not in client.get(url).content.decode()
        assert client.post(url, {"attend_day": "on"}).status_code == 302
        assert Registration.objects.get(user=staff).organisation is None

    def test_someone_in_several_is_asked_among_their_own_only(self, client, url, in_two, org_a, org_b, org_c):
        content = client.get(url).content.decode()
        assert QUESTION in content
        assert f'name="organisation" value="{org_a.pk}"' in content
        assert f'name="organisation" value="{org_b.pk}"' in content
        assert f'value="{org_c.pk}"' not in content and org_c.name not in content

    def test_the_chosen_organisation_goes_on_the_day_and_the_workshops(self, client, url, upcoming, in_two, org_b):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=5)
        response = client.post(url, {"attend_day": "on", "organisation": org_b.pk, "sessions": [workshop.pk]})
        assert response.status_code == 302
        registrations = Registration.objects.filter(user=in_two)
        assert registrations.count() == 2
        assert {registration.organisation for registration in registrations} == {org_b}

    def test_not_answering_is_a_swedish_error_and_saves_nothing(self, client, url, in_two):
        response = client.post(url, {"attend_day": "on"})
        assert response.status_code == 400
        assert "Välj den organisation du registrerar dig för." in response.content.decode()
        assert not Registration.objects.filter(user=in_two).exists()

    def test_a_forged_organisation_is_a_swedish_error_and_saves_nothing(self, client, url, upcoming, in_two, org_c):
        workshop = create_workshop(upcoming, "AI-verkstad", 10, 11, capacity=5)
        response = client.post(url, {"attend_day": "on", "organisation": org_c.pk, "sessions": [workshop.pk]})
        assert response.status_code == 400
        assert "Välj en av dina egna organisationer." in response.content.decode()
        assert not Registration.objects.exists()

    def test_the_question_starts_at_the_day_registrations_organisation(self, client, url, upcoming, in_two, org_b):
        rules.register_for_day(in_two, upcoming, organisation=org_b)
        form = client.get(url).context["form"]
        assert form["organisation"].value() == org_b.pk
