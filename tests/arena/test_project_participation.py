"""Staff and change projects: proposing one (a draft for the arena editors, who are e-mailed through Celery),
following one (update mails, once per update, with a one-click unsubscribe) and what other organisations' writers
and editors may not do to the section in the admin."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from arena.demo.seed import ensure_home_page
from arena.models import ChangeProjectPage, ProjectFollower, ProjectUpdate, ProjectUpdateMailing
from arena.projects import services
from arena.projects.setup import ensure_projects_section
from arena.roles import ARENA_EDITORS, ensure_role_groups
from tests.arena.projects_helpers import create_project
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PROPOSAL_URL = "/forandringsprojekt/foresla/"


@pytest.fixture
def home(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    return home


@pytest.fixture
def index(home):
    return ensure_projects_section(home)


@pytest.fixture
def organisation(index):
    return OrganisationFactory(name="Intraservice")


@pytest.fixture
def arena_editor(index):
    user = UserFactory(username="arenaredaktor", email="redaktor@exempel.test")
    user.groups.add(ensure_role_groups()[ARENA_EDITORS])
    return user


@pytest.fixture
def project(index, organisation):
    return create_project(index, organisation, "E-arkiv för hela staden")


def valid_proposal(organisation, /, **changes):
    data = {
        "title": "Digital nyckelhantering",
        "organisation": organisation.pk,
        "summary": "Nycklar till lokaler lånas ut digitalt.",
        "need": "Vi lägger mycket tid på att lämna ut nycklar.\n\nDe kommer ofta bort.",
    }
    data.update(changes)
    return data


# --- Proposals -------------------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login(client, index):
    response = client.get(PROPOSAL_URL)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next={PROPOSAL_URL}"
    assert client.post(PROPOSAL_URL, {"title": "X"}).status_code == 302
    assert not ChangeProjectPage.objects.exists()


def test_staff_see_the_form(client, index, staff, organisation):
    client.force_login(staff)
    response = client.get(PROPOSAL_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Föreslå ett förändringsprojekt" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'<option value="{organisation.pk}">Intraservice</option>' in html


def test_a_proposal_becomes_a_draft_and_mails_the_arena_editors(
    client, index, staff, organisation, arena_editor, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PROPOSAL_URL, valid_proposal(organisation))
    assert response.status_code == 302
    assert response["Location"] == "/forandringsprojekt/"
    project = ChangeProjectPage.objects.get()
    assert not project.live
    assert project.owner == staff
    assert project.get_parent().pk == index.pk
    assert project.slug == "digital-nyckelhantering"
    assert project.need == "<p>Vi lägger mycket tid på att lämna ut nycklar.</p><p>De kommer ofta bort.</p>"
    assert project.latest_revision is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["redaktor@exempel.test"]
    assert message.subject == "Nytt förslag på förändringsprojekt: Digital nyckelhantering"
    assert f"http://testserver/admin/pages/{project.pk}/edit/" in message.body
    assert "Intraservice" in message.body
    assert client.get(project.url).status_code == 404  # a draft is not public


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"title": "", "summary": "", "need": "", "organisation": ""}, "title", "Ge projektet ett namn."),
        ({"title": "   "}, "title", "Ge projektet ett namn."),
        ({"need": "x" * 10_000}, "need", "Texten är för lång: högst 3000 tecken (den har 10000)."),
        ({"summary": "<script>alert(1)</script>"}, "summary", "Skriv vanlig text utan HTML-kod"),
        ({"title": "Bra <b>idé</b>"}, "title", "Skriv vanlig text utan HTML-kod"),
        ({"organisation": "999999"}, "organisation", "Välj en organisation i listan."),
        ({"organisation": "\x00"}, "organisation", "Null-tecken är inte tillåtna."),
    ],
)
def test_bad_proposals_get_a_swedish_400_and_save_nothing(
    client, index, staff, organisation, arena_editor, changes, field, message, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PROPOSAL_URL, valid_proposal(organisation, **changes))
    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors[field])
    assert message in response.content.decode()
    assert "<script>alert" not in response.content.decode()
    assert not ChangeProjectPage.objects.exists()
    assert mail.outbox == []


def test_a_failing_proposal_leaves_nothing_behind(index, staff, organisation, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("revision store down")

    monkeypatch.setattr(ChangeProjectPage, "save_revision", broken)
    with pytest.raises(RuntimeError):
        services.create_proposal(
            index, staff, title="Halvfärdigt", organisation=organisation, summary="Sammanfattning", need="Behov"
        )
    assert not ChangeProjectPage.objects.exists()
    index.refresh_from_db()
    assert index.numchild == 0


def test_two_proposals_with_one_title_get_their_own_addresses(index, staff, organisation):
    first = services.create_proposal(index, staff, title="Samma", organisation=organisation, summary="A", need="B")
    second = services.create_proposal(index, staff, title="Samma", organisation=organisation, summary="A", need="B")
    assert (first.slug, second.slug) == ("samma", "samma-2")


@pytest.fixture
def proposal_limit(settings):
    """Two proposals per person and hour, counted in the cache from zero."""
    settings.PROPOSAL_RATE_LIMIT = 2
    settings.PROPOSAL_RATE_LIMIT_MINUTES = 60
    cache.clear()
    yield
    cache.clear()


def test_a_third_proposal_within_the_window_is_refused_with_the_text_kept(
    client, index, staff, organisation, arena_editor, proposal_limit, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        for number in (1, 2):
            response = client.post(PROPOSAL_URL, valid_proposal(organisation, title=f"Förslag {number}"))
            assert response.status_code == 302
        response = client.post(PROPOSAL_URL, valid_proposal(organisation, title="Förslag 3"))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert "Du har redan skickat 2 förslag inom 1 timme" in html
    assert 'value="Förslag 3"' in html  # nothing the writer typed is lost
    assert sorted(ChangeProjectPage.objects.values_list("title", flat=True)) == ["Förslag 1", "Förslag 2"]
    assert len(mail.outbox) == 2


def test_invalid_proposals_do_not_use_up_the_limit_and_other_people_have_their_own(
    client, index, staff, organisation, arena_editor, proposal_limit
):
    client.force_login(staff)
    for _attempt in range(3):
        assert client.post(PROPOSAL_URL, valid_proposal(organisation, title="")).status_code == 400
    assert client.post(PROPOSAL_URL, valid_proposal(organisation, title="Första")).status_code == 302
    assert client.post(PROPOSAL_URL, valid_proposal(organisation, title="Andra")).status_code == 302
    assert client.post(PROPOSAL_URL, valid_proposal(organisation, title="Tredje")).status_code == 429
    colleague = Client()
    colleague.force_login(UserFactory(username="kollega"))
    assert colleague.post(PROPOSAL_URL, valid_proposal(organisation, title="Kollegans")).status_code == 302
    assert ChangeProjectPage.objects.count() == 3


def test_no_arena_editors_means_no_mail(index, staff, organisation, django_capture_on_commit_callbacks):
    Group.objects.filter(name=ARENA_EDITORS).delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.create_proposal(index, staff, title="Ensam", organisation=organisation, summary="A", need="B")
    assert mail.outbox == []


# --- Following -------------------------------------------------------------------------------------------------


def follow_url(index, project):
    return index.route_url("follow_route", project.pk)


def test_staff_follow_and_unfollow_a_project(client, index, project, staff):
    client.force_login(staff)
    assert "Följ projektet" in client.get(project.url).content.decode()
    response = client.post(follow_url(index, project))
    assert response.status_code == 302
    assert response["Location"] == project.url
    assert client.post(follow_url(index, project)).status_code == 302  # twice is still one follow
    assert ProjectFollower.objects.for_user(staff).get().project == project
    assert "Sluta följa" in client.get(project.url).content.decode()
    client.post(follow_url(index, project), {"action": "unfollow"})
    assert not ProjectFollower.objects.exists()


def test_following_needs_a_login_and_a_post(client, index, project, staff):
    response = client.post(follow_url(index, project))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    client.force_login(staff)
    assert client.get(follow_url(index, project)).status_code == 405
    assert not ProjectFollower.objects.exists()


def test_following_checks_the_csrf_token(index, project, staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(follow_url(index, project)).status_code == 403
    assert not ProjectFollower.objects.exists()


def test_a_draft_cannot_be_followed(client, index, organisation, staff):
    draft = create_project(index, organisation, "Utkast", live=False)
    client.force_login(staff)
    assert client.post(follow_url(index, draft)).status_code == 404
    assert not ProjectFollower.objects.exists()


def test_follows_are_private(project, staff):
    other = UserFactory()
    ProjectFollower.objects.create(user=other, project=project)
    assert not ProjectFollower.objects.for_user(staff).exists()
    from django.contrib.auth.models import AnonymousUser

    assert not ProjectFollower.objects.for_user(AnonymousUser()).exists()


def publish_with_update(project, text, date=datetime.date(2026, 11, 1)):
    project = ChangeProjectPage.objects.get(pk=project.pk)
    project.updates.add(ProjectUpdate(date=date, text=text))
    project.save_revision().publish()
    return project


def test_a_published_update_mails_each_follower_once(project, staff, django_capture_on_commit_callbacks):
    other = UserFactory(email="annan@exempel.test")
    for user in (staff, other):
        services.follow(user, project)
    with django_capture_on_commit_callbacks(execute=True):
        publish_with_update(project, "Nu är tolv system anslutna.")
    assert sorted(message.to[0] for message in mail.outbox) == sorted([staff.email, other.email])
    message = mail.outbox[0]
    assert message.subject == "Nytt från förändringsprojektet E-arkiv för hela staden"
    assert "Nu är tolv system anslutna." in message.body
    assert f"http://testserver{project.url}" in message.body
    link = re.search(r"http://testserver/bevakning/avsluta/\S+/", message.body).group(0)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert ProjectUpdateMailing.objects.get().recipient_count == 2

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ChangeProjectPage.objects.get(pk=project.pk).save_revision().publish()  # republished, nothing new
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        publish_with_update(project, "Projektet är avslutat.", date=datetime.date(2026, 11, 20))
    assert len(mail.outbox) == 2
    assert "Projektet är avslutat." in mail.outbox[0].body
    assert "Nu är tolv system anslutna." not in mail.outbox[0].body


def test_updates_from_before_anyone_followed_are_never_mailed(project, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish_with_update(project, "Gammal nyhet.")
    services.follow(staff, project)
    with django_capture_on_commit_callbacks(execute=True):
        ChangeProjectPage.objects.get(pk=project.pk).save_revision().publish()
    assert mail.outbox == []


def unsubscribe_link(user, project):
    return reverse("project_unsubscribe", args=[services.unsubscribe_token(user.pk, project.pk)])


def test_unsubscribe_link_asks_first_then_ends_the_follow_without_login(client, project, staff):
    services.follow(staff, project)
    link = unsubscribe_link(staff, project)
    response = client.get(link)
    assert response.status_code == 200
    assert (
        "Vill du sluta få e-post när ”E-arkiv för hela staden” publicerar en uppdatering?" in response.content.decode()
    )
    assert ProjectFollower.objects.filter(user=staff).exists()  # a GET (a mail scanner) changes nothing
    response = Client(enforce_csrf_checks=True).post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Du får inte längre e-post om ”E-arkiv för hela staden”." in response.content.decode()
    assert not ProjectFollower.objects.filter(user=staff).exists()


@pytest.mark.parametrize("token", ["fel", "eyJ1IjoxLCJwIjoyfQ:1abc:forfalskad", "a%00b"])
def test_a_bad_unsubscribe_token_is_a_swedish_400(client, project, staff, token):
    services.follow(staff, project)
    response = client.post(f"/bevakning/avsluta/{token}/")
    assert response.status_code == 400
    assert "Länken är inte giltig." in response.content.decode()
    assert ProjectFollower.objects.filter(user=staff).exists()


def test_a_token_only_ends_its_own_follow(client, project, index, organisation, staff):
    other_project = create_project(index, organisation, "Annat projekt")
    services.follow(staff, project)
    services.follow(staff, other_project)
    client.post(unsubscribe_link(staff, project))
    assert [follow.project_id for follow in ProjectFollower.objects.filter(user=staff)] == [other_project.pk]


# --- Tenancy in the admin ----------------------------------------------------------------------------------------


@pytest.fixture
def others(index):
    """A writer and an editor of another organisation (they have a blog space, not the projects section)."""
    from tests.factories import add_editor, add_writer

    other = OrganisationFactory(name="Stadsbyggnadsförvaltningen")
    return {
        "writer": add_writer(UserFactory(username="skribent_annan"), other),
        "editor": add_editor(UserFactory(username="redaktor_annan"), other),
    }


@pytest.mark.parametrize("role", ["writer", "editor"])
def test_other_organisations_cannot_edit_or_publish_projects(index, project, others, role):
    client = Client()
    client.force_login(others[role])
    edit = reverse("wagtailadmin_pages:edit", args=[project.pk])
    assert client.get(edit).status_code == 302
    response = client.post(edit, {"title": "Kapad", "action-publish": "Publicera"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    add = reverse("wagtailadmin_pages:add", args=["arena", "changeprojectpage", index.pk])
    assert client.get(add).status_code == 302
    assert client.post(reverse("wagtailadmin_pages:delete", args=[project.pk])).status_code == 302
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=[project.pk])).status_code == 302
    project.refresh_from_db()
    assert project.title == "E-arkiv för hela staden"
    assert project.live
    assert ChangeProjectPage.objects.count() == 1


def test_arena_editors_may_edit_projects(index, project, arena_editor):
    client = Client()
    client.force_login(arena_editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[project.pk])).status_code == 200
    add = reverse("wagtailadmin_pages:add", args=["arena", "changeprojectpage", index.pk])
    assert client.get(add).status_code == 200


def test_api_shows_no_draft_to_anyone(client, index, organisation, arena_editor):
    draft = create_project(index, organisation, "Utkast i API:t", live=False)
    client.force_login(arena_editor)
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    titles = [item["title"] for item in client.get("/api/v2/pages/?type=arena.ChangeProjectPage").json()["items"]]
    assert "Utkast i API:t" not in titles
