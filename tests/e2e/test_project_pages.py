"""Change projects in a real browser: the index (also filtered), a project page, the proposal form with a
validation error, following and the unsubscribe page — each with zero axe-core violations — and an arena editor
who creates a project in the admin, links a document and a post, publishes it and finds it on the start page,
while a follower of another project gets its update mail."""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.demo import DEMO_PASSWORD
from tests.helpers.keyboard import active_element_is_error_summary
from tests.helpers.mfa import app_secret_for, enter_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STAFF_EMAIL = "medarbetare@kunskapsarenan.local"
EDITOR_EMAIL = "redaktor@kunskapsarenan.local"


@dataclass(frozen=True)
class Projects:
    index: object
    archive: object
    sensors: object
    post: object


@pytest.fixture
def projects(demo_site):
    from arena.models import ChangeProjectIndexPage, Organisation, ProjectStatus
    from tests.arena.projects_helpers import create_project
    from tests.blogs.factories import FocusAreaFactory, create_post

    index = ChangeProjectIndexPage.objects.get()
    intraservice = Organisation.objects.get(name="Intraservice")
    higab = Organisation.objects.get(name="Higab AB")
    area = FocusAreaFactory(name="Data och digital infrastruktur", slug="data-och-digital-infrastruktur")
    archive = create_project(
        index,
        intraservice,
        "E-arkiv för hela staden",
        status=ProjectStatus.MAINTENANCE,
        start=datetime.date(2021, 3, 1),
        end=datetime.date(2024, 6, 30),
        partners=[higab],
        focus_areas=[area],
        tags=["e-arkiv"],
        updates=[(datetime.date(2024, 6, 28), "Projektet är avslutat och e-arkivet förvaltas nu av Intraservice.")],
        benefits=[("Anslutna verksamhetssystem", "20")],
    )
    sensors = create_project(index, higab, "Sensorer i kulturhistoriska byggnader", start=datetime.date(2023, 4, 1))
    post = create_post(intraservice.blog_space, "E-arkivet ett år senare")
    return Projects(index=index, archive=archive, sensors=sensors, post=post)


def assert_page_basics(page, response, status=200):
    assert response is not None, f"no response for {page.url}"
    assert response.status == status, f"{page.url} answered {response.status}, expected {status}"
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("h1")).to_have_count(1)


def log_in(page, email, next_path):
    secret = app_secret_for(email)
    page.goto(f"/konto/login/?next={next_path}")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    enter_code(page, secret)
    assert urlsplit(page.url).path == next_path, f"login went to {page.url}, not {next_path}"


def test_index_and_its_filters_are_accessible(page, projects):
    response = page.goto("/forandringsprojekt/")
    assert_page_basics(page, response)
    expect(page.locator("h1")).to_have_text("Förändringsprojekt")
    expect(page.get_by_role("link", name="E-arkiv för hela staden")).to_be_visible()
    expect(page.get_by_role("link", name="Sensorer i kulturhistoriska byggnader")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Status", exact=True).select_option(label="i förvaltning")
    page.get_by_label("Organisation", exact=True).select_option(label="Higab AB")  # as a partner
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrera", exact=True).click()
    query = parse_qs(urlsplit(page.url).query)
    assert query["status"] == ["forvaltning"] and query["organisation"] == ["higab-ab"]
    expect(page.get_by_role("heading", name="1 projekt matchar filtret")).to_be_visible()
    expect(page.get_by_role("link", name="E-arkiv för hela staden")).to_be_visible()
    expect(page.get_by_role("link", name="Sensorer i kulturhistoriska byggnader")).to_have_count(0)
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Ta bort filtret för status").click()
    expect(page.get_by_role("link", name="Sensorer i kulturhistoriska byggnader")).to_be_visible()


def test_a_bad_filter_is_explained_accessibly(page, projects):
    response = page.goto("/forandringsprojekt/?status=okand&ar=2022")
    assert_page_basics(page, response, status=400)
    assert active_element_is_error_summary(page)
    expect(page.get_by_role("alert")).to_contain_text("Välj ett giltigt alternativ.")
    expect(page.get_by_role("link", name="E-arkiv för hela staden")).to_be_visible()
    assert_no_axe_violations(page)


def test_project_page_is_accessible(page, projects):
    response = page.goto(projects.archive.url)
    assert_page_basics(page, response)
    expect(page.locator("h1")).to_have_text("E-arkiv för hela staden")
    expect(page.get_by_text("I förvaltning")).to_be_visible()
    expect(page.get_by_role("cell", name="ännu inte känt")).to_be_visible()
    expect(page.get_by_text("Projektet är avslutat och e-arkivet förvaltas nu av Intraservice.")).to_be_visible()
    expect(page.get_by_role("link", name="Logga in för att följa projektet")).to_be_visible()
    assert_no_axe_violations(page)


def test_proposal_form_shows_errors_accessibly_then_saves_a_draft(page, projects):
    from django.core import mail

    from arena.models import ChangeProjectPage

    log_in(page, STAFF_EMAIL, "/forandringsprojekt/foresla/")
    expect(page.locator("h1")).to_have_text("Föreslå ett förändringsprojekt")
    assert_no_axe_violations(page)
    page.get_by_label("Sammanfattning").fill("<script>alert('x')</script>")
    with page.expect_navigation():
        page.get_by_role("button", name="Skicka förslaget").click()
    assert active_element_is_error_summary(page)
    expect(page.get_by_role("alert")).to_contain_text("Ge projektet ett namn.")
    expect(page.get_by_role("alert")).to_contain_text("Skriv vanlig text utan HTML-kod")
    assert page.title().startswith("Fel:")
    assert_no_axe_violations(page)
    assert not ChangeProjectPage.objects.filter(live=False).exists()

    page.get_by_label("Projektets namn").fill("Digital nyckelhantering")
    page.get_by_label("Ägande organisation").select_option(label="Intraservice")
    page.get_by_label("Sammanfattning").fill("Nycklar lånas ut digitalt.")
    page.get_by_label("Behov eller problem").fill("Nycklar kommer bort.")
    with page.expect_navigation():
        page.get_by_role("button", name="Skicka förslaget").click()
    expect(page.get_by_text("Tack! Ditt förslag har skickats till arenaredaktörerna")).to_be_visible()
    draft = ChangeProjectPage.objects.get(title="Digital nyckelhantering")
    assert not draft.live
    assert [message.to for message in mail.outbox] == [[EDITOR_EMAIL]]


def test_following_and_the_unsubscribe_page(page, projects):
    from django.urls import reverse

    from arena.models import ProjectFollower
    from arena.projects import services

    log_in(page, STAFF_EMAIL, projects.archive.url)
    with page.expect_navigation():
        page.get_by_role("button", name="Följ projektet").click()
    expect(page.get_by_text("Du följer ”E-arkiv för hela staden”.")).to_be_visible()
    expect(page.get_by_role("button", name="Sluta följa")).to_be_visible()
    assert_no_axe_violations(page)
    follower = ProjectFollower.objects.get()

    anonymous = page.context.browser.new_context(
        locale="sv-SE", base_url=page.url.split("/forandring")[0], bypass_csp=True
    ).new_page()
    token = services.unsubscribe_token(follower.user_id, projects.archive.pk)
    response = anonymous.goto(reverse("project_unsubscribe", args=[token]))
    assert_page_basics(anonymous, response)
    assert_no_axe_violations(anonymous)
    with anonymous.expect_navigation():
        anonymous.get_by_role("button", name="Sluta följa").click()
    expect(anonymous.get_by_text("Du får inte längre e-post om ”E-arkiv för hela staden”.")).to_be_visible()
    assert not ProjectFollower.objects.exists()
    anonymous.context.close()


def add_inline_form(page, button, field):
    """Press an inline panel's add button until its first form is there (a click while the admin's scripts are
    still starting is lost)."""
    for _attempt in range(3):
        page.get_by_role("button", name=re.compile(button, re.I)).click()
        if page.locator(field).count():
            return
        page.wait_for_timeout(500)
        if page.locator(field).count():
            return
    expect(page.locator(field)).to_be_attached()


def set_hidden(page, selector, value):
    page.locator(selector).evaluate("(input, value) => { input.value = value; }", str(value))


def test_arena_editor_creates_links_and_publishes_a_project(page, projects):
    """Through the admin's own forms: a new project with a document and a blog post, published, then on the start
    page, the project page and in search; a member of staff follows it and gets the mail of its next update."""
    from django.contrib.auth import get_user_model
    from django.core import mail

    from arena.models import ChangeProjectPage, ProjectFollower, ProjectUpdate
    from tests.factories import DocumentFactory

    document = DocumentFactory(title="Plan för digitalisering 2022–2025")

    log_in(page, EDITOR_EMAIL, "/admin/")
    page.goto(f"/admin/pages/add/arena/changeprojectpage/{projects.index.pk}/")
    page.wait_for_load_state("networkidle")  # the admin's controllers (inline panels) are connected
    page.locator("#id_title").fill("Digitala nycklar")
    page.locator("#id_summary").fill("Nycklar till stadens lokaler lånas ut digitalt.")
    # Snippet and document choosers are Wagtail's own modal widgets; the test fills their hidden inputs.
    set_hidden(page, "#id_organisation", projects.archive.organisation_id)
    page.locator("#id_status").select_option(value="pagaende")
    page.locator("#id_start_date").fill("2026-01-15")
    page.locator("#id_end_date").fill("2025-12-31")  # before the start: refused
    page.locator("#id_end_date").press("Escape")  # close the date picker before clicking elsewhere
    add_inline_form(page, "Lägg till dokument", "#id_related_documents-0-document")
    set_hidden(page, "#id_related_documents-0-document", document.pk)
    add_inline_form(page, "Lägg till relaterat innehåll", "#id_content_links-0-item")
    page.locator("#id_content_links-0-item").select_option(label=projects.post.title)
    page.get_by_role("button", name="Fler åtgärder").click()
    page.get_by_role("button", name="Publicera").click()
    expect(page.get_by_text("Slutdatumet kan inte vara före startdatumet.")).to_be_visible()
    page.locator("#id_end_date").fill("2026-12-31")
    page.get_by_role("button", name="Fler åtgärder").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publicera").click()

    project = ChangeProjectPage.objects.get(title="Digitala nycklar")
    assert project.live
    page.goto(project.url)
    expect(page.get_by_role("link", name=document.title)).to_be_visible()
    expect(page.get_by_role("link", name=projects.post.title)).to_have_attribute("href", projects.post.url)
    page.goto("/")
    expect(page.locator("#featured-projects-heading")).to_have_text("Förändringsprojekt")
    expect(page.get_by_role("link", name="Digitala nycklar")).to_be_visible()
    assert_no_axe_violations(page)

    page.goto("/sok/?q=nycklar")
    expect(page.get_by_role("link", name="Digitala nycklar")).to_be_visible()

    staff = get_user_model().objects.get(email=STAFF_EMAIL)
    ProjectFollower.objects.create(user=staff, project=project)
    mail.outbox.clear()
    project = ChangeProjectPage.objects.get(pk=project.pk)
    project.updates.add(ProjectUpdate(date=datetime.date(2026, 11, 30), text="Tio lokaler har digitala lås."))
    project.save_revision().publish()
    mails = [message for message in mail.outbox if message.to == [staff.email]]
    assert len(mails) == 1 and "Tio lokaler har digitala lås." in mails[0].body
