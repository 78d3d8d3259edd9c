"""The first hour of every role in the admin is in Swedish: each role's main screens, rendered from the demo, show none
of a list of English strings that used to leak through (Wagtail's untranslated messages, our own unlabelled fields
and blocks, raw True/False/None), and every screen has a non-empty h1.

"Visible" means the text a reader sees or hears: the page text outside scripts, styles, templates and hidden
elements, plus the accessible names in aria-label, title, placeholder and alt, and the labels of the StreamField
blocks (Wagtail puts their definitions in a data attribute, and the block chooser shows them).
"""

import datetime
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings

from arena.demo.seed import seed
from arena.models import HomePage, StandardPage
from blogs.models import BlogPostPage, BlogSpacePage, Comment
from conferences.models import (
    ConferenceEditionPage,
    ConferenceSeriesPage,
    Recording,
    Registration,
    Session,
    SessionChange,
)
from maturity.models import ImportJob, MaturityModel, NationalReference, Round
from tests.helpers.demo import DEMO_PASSWORD, E2E_ORGANISATIONS

pytestmark = pytest.mark.django_db

User = get_user_model()
WRITER_ORGANISATION = "Stadsledningskontoret"

# Whole words or phrases (case-sensitive) that are English and do not occur in Swedish text or in the demo content.
# Words that are the same in both languages (Status, Video, Text, Filter, System) cannot be told apart and are left
# out.
ENGLISH = [
    "Exploring",
    "Autosave",
    "Saved",
    "Save draft",
    "Side panel",
    "Side panels",
    "Minimap",
    "Show issue",
    "Date updated",
    "Actions",
    "Add child page",
    "Moderators approval",
    "Moderators",
    "Heading",
    "Paragraph",
    "Image",
    "Document",
    "Edit",
    "Delete",
    "Publish",
    "Unpublish",
    "Search",
    "Dashboard",
    "Pages",
    "Images",
    "Documents",
    "Snippets",
    "Settings",
    "Reports",
    "Help",
    "History",
    "Preview",
    "Cancel",
    "Create",
    "Choose",
    "Upload",
    "Previous",
    "Next",
    "Any",
    "There are no",
    "Workflow",
    "Approve",
    "Comments",
    "Old start",
    "Changed at",
    "True",
    "False",
    "None",
]
ENGLISH_PATTERNS = [re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])") for phrase in ENGLISH] + [
    re.compile(r"\d+\s*[-–]\s*\d+ of \d+"),  # Wagtail's "1-4 of 4 sidor"
]
ACCESSIBLE_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
SKIPPED_ELEMENTS = ("script", "style", "template")


class VisibleText(HTMLParser):
    """Collects what a reader of the page sees or hears, and the texts of its h1 elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.headings = []
        self.skipping = None  # [tag, depth] of the hidden element being skipped
        self.in_h1 = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping[1] += 1
            return
        if tag in SKIPPED_ELEMENTS or "hidden" in attributes:
            self.skipping = [tag, 1]
            return
        self.parts += [attributes[name] for name in ACCESSIBLE_ATTRIBUTES if attributes.get(name)]
        if "data-w-block-data-value" in attributes:
            self.parts += block_labels(json.loads(attributes["data-w-block-data-value"]))
        if tag == "h1":
            self.in_h1 = True
            self.headings.append("")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping[1] -= 1
                if not self.skipping[1]:
                    self.skipping = None
            return
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.skipping or not data.strip():
            return
        self.parts.append(data.strip())
        if self.in_h1:
            self.headings[-1] += data.strip()


def block_labels(definition):
    """Every "label" in a StreamField's block definition (Wagtail's telepath JSON)."""
    if isinstance(definition, dict):
        labels = [definition["label"]] if isinstance(definition.get("label"), str) else []
        return labels + [label for value in definition.values() for label in block_labels(value)]
    if isinstance(definition, list):
        return [label for value in definition for label in block_labels(value)]
    return []


def read_page(html):
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return parser


def english_in(texts):
    """The English strings found in `texts`, each with the text it was found in."""
    found = []
    for text in texts:
        for pattern in ENGLISH_PATTERNS:
            match = pattern.search(text)
            if match:
                found.append(f"{match.group(0)!r} in {text[:120]!r}")
    return found


# --- The demo, seeded once for the module ------------------------------------------------------------------------


@dataclass(frozen=True)
class Demo:
    users: dict
    urls: dict


def in_moderation(post, writer):
    """A new version of a post, submitted by its writer to the organisation's review workflow."""
    post.title = f"{post.title} (uppdaterad)"
    post.save_revision(user=writer)
    post.get_workflow().start(post, writer)
    return post


def first_pk(model):
    return model.objects.order_by("pk").values_list("pk", flat=True).first()


def screen_urls(writer, analyst):
    space = BlogSpacePage.objects.get(organisation__name=WRITER_ORGANISATION)
    posts = BlogPostPage.objects.child_of(space).order_by("path")
    post, moderated = posts[0], in_moderation(posts[1].specific, writer)
    comment = Comment.objects.filter(post__in=posts).order_by("pk").first()
    series = ConferenceSeriesPage.objects.get()
    edition = ConferenceEditionPage.objects.order_by("-year").first()
    change = SessionChange.objects.order_by("pk").first()
    job = ImportJob.objects.create(
        kind=ImportJob.Kind.RESPONSES,
        status=ImportJob.Status.DONE,
        original_name="svar-2021.csv",
        total_rows=12,
        processed_rows=12,
        summary="12 svar importerade.",
        created_by=analyst,
    )
    home = HomePage.objects.get()
    return {
        "dashboard": "/admin/",
        "account": "/admin/account/",
        "search": "/admin/pages/search/?q=digital",
        "images": "/admin/images/",
        "documents": "/admin/documents/",
        "blog space": f"/admin/pages/{space.pk}/",
        "new post": f"/admin/pages/add/blogs/blogpostpage/{space.pk}/",
        "post": f"/admin/pages/{post.pk}/edit/",
        "post history": f"/admin/pages/{post.pk}/history/",
        "post in moderation": f"/admin/pages/{moderated.pk}/edit/",
        "workflow history": f"/admin/pages/{moderated.pk}/workflow_history/",
        "comments": "/admin/kommentarer/",
        "comment": f"/admin/kommentarer/{comment.pk}/",
        "hide comment": f"/admin/kommentarer/{comment.pk}/dolj/",
        "conference": f"/admin/pages/{series.pk}/",
        "edition": f"/admin/pages/{edition.pk}/edit/",
        "programme items": "/admin/snippets/conferences/session/",
        "new programme item": "/admin/snippets/conferences/session/add/",
        "programme item": f"/admin/snippets/conferences/session/edit/{change.session_id}/",
        "programme changes": "/admin/sessionchange/",
        "programme change": f"/admin/sessionchange/inspect/{change.pk}/",
        "registrations": "/admin/anmalningar/",
        "registrations per day": "/admin/anmalningar/per-dag/",
        "registration": f"/admin/anmalningar/{first_pk(Registration)}/",
        "recordings": "/admin/snippets/conferences/recording/",
        "new recording": "/admin/snippets/conferences/recording/add/",
        "recording": f"/admin/snippets/conferences/recording/edit/{first_pk(Recording)}/",
        "rounds": "/admin/mognad/omgangar/",
        "round": f"/admin/mognad/omgangar/edit/{first_pk(Round)}/",
        "national values": "/admin/mognad/nationella-varden/",
        "national value": f"/admin/mognad/nationella-varden/edit/{first_pk(NationalReference)}/",
        "models": "/admin/mognad/modeller/",
        "model": f"/admin/mognad/modeller/inspect/{first_pk(MaturityModel)}/",
        "import": "/admin/mognad/import/",
        "import job": f"/admin/mognad/import/{job.pk}/",
        "home": f"/admin/pages/{home.pk}/",
        "standard page": f"/admin/pages/{first_pk(StandardPage)}/edit/",
        "organisations": "/admin/snippets/arena/organisation/",
    }


ROLES = {
    "writer": "skribent.slk",
    "editor": "redaktor.slk",
    "organiser": "arrangor",
    "analyst": "analytiker",
    "arena editor": "redaktor",
}
WRITING = ["dashboard", "account", "search", "images", "documents", "blog space", "new post", "post", "post history"]
MODERATION = ["post in moderation", "workflow history"]
SCREENS = {
    "writer": [*WRITING, *MODERATION],
    "editor": [*WRITING, *MODERATION, "comments", "comment", "hide comment"],
    "organiser": [
        "dashboard",
        "conference",
        "edition",
        "programme items",
        "new programme item",
        "programme item",
        "programme changes",
        "programme change",
        "registrations",
        "registrations per day",
        "registration",
        "recordings",
        "new recording",
        "recording",
    ],
    "analyst": [
        "dashboard",
        "rounds",
        "round",
        "national values",
        "national value",
        "models",
        "model",
        "import",
        "import job",
    ],
    "arena editor": ["dashboard", "home", "standard page", "search", "organisations"],
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo with a few organisations and all app content, seeded once and rolled back after the module."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
        seed(DEMO_PASSWORD, organisation_names=E2E_ORGANISATIONS)
        users = {role: User.objects.get(username=username) for role, username in ROLES.items()}
        yield Demo(users=users, urls=screen_urls(users["writer"], users["analyst"]))
        transaction.set_rollback(True)


@pytest.mark.parametrize("role, screen", [(role, screen) for role, screens in SCREENS.items() for screen in screens])
def test_main_admin_screens_are_in_swedish(client, demo, role, screen):
    client.force_login(demo.users[role])

    response = client.get(demo.urls[screen])

    assert response.status_code == 200, f"{role} {screen}: {demo.urls[screen]}"
    page = read_page(response.content.decode())
    assert not english_in(page.parts), f"{role} {screen} ({demo.urls[screen]}):\n" + "\n".join(english_in(page.parts))
    assert page.headings and all(page.headings), f"{role} {screen}: h1 {page.headings}"


# --- What the fixes do, one by one ---------------------------------------------------------------------------------


def test_programme_item_and_recording_forms_have_an_h1(client, demo):
    client.force_login(demo.users["organiser"])
    session = Session.objects.get(pk=SessionChange.objects.order_by("pk").first().session_id)
    recording = Recording.objects.select_related("session").order_by("pk").first()

    headings = {
        name: read_page(client.get(demo.urls[name]).content.decode()).headings
        for name in ("new programme item", "programme item", "new recording", "recording")
    }

    assert headings == {
        "new programme item": ["Ny: Programpunkt"],
        "programme item": [f"Redigerar: {session.title}"],
        "new recording": ["Ny: Inspelning"],
        "recording": [f"Redigerar: {recording}"],
    }


def test_inspect_view_shows_times_in_stockholm(client, demo):
    change = SessionChange.objects.order_by("pk").first()
    change.old_start = datetime.datetime(2021, 10, 20, 9, 0, tzinfo=datetime.UTC)  # 11:00 in Stockholm (CEST)
    change.save(update_fields=["old_start"])
    client.force_login(demo.users["organiser"])

    page = read_page(client.get(demo.urls["programme change"]).content.decode())

    row = page.parts[page.parts.index("Tidigare start") + 1]
    assert row == "20 oktober 2021 11:00"


def test_yes_no_and_nothing_read_as_swedish(client, demo):
    comment = Comment.objects.get(pk=int(demo.urls["comment"].strip("/").split("/")[-1]))
    client.force_login(demo.users["editor"])

    inspected = read_page(client.get(demo.urls["comment"]).content.decode()).parts
    listed = read_page(client.get(demo.urls["comments"]).content.decode()).parts

    assert not comment.is_hidden and comment.hidden_by is None
    assert inspected[inspected.index("Dold") + 1] == "Nej"
    assert inspected[inspected.index("Dold av") + 1] == "–"
    assert "Nej" in listed and "False" not in listed


def test_the_arena_pages_use_the_default_workflow_under_a_swedish_name(client, demo):
    client.force_login(demo.users["arena editor"])

    content = client.get(demo.urls["standard page"]).content.decode()

    assert "Moderatorernas granskning" in content or "Moderatorernas godkännande" in content
    assert "Moderators approval" not in content


def test_the_check_finds_english():
    """The helpers above notice the strings this work removed, and skip what nobody sees."""
    html = """
        <h1></h1>
        <p>Exploring: Stadsledningskontoret</p><p>1-4 of 4 sidor</p><td>True</td>
        <button aria-label="Side panels"></button>
        <div data-w-block-data-value='{"_args": [{"label": "Heading"}]}'></div>
        <div hidden><div><p>None</p></div></div><script>var x = "Edit";</script>
        <p>Publicerad</p>
    """
    page = read_page(html)

    found = [item.split(" in ")[0] for item in english_in(page.parts)]

    assert found == ["'Exploring'", "'1-4 of 4'", "'True'", "'Side panels'", "'Heading'"]
    assert page.headings == [""]
