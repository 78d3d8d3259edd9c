"""The Content-Security-Policy in Chromium: no page type of the public site and no main screen of the Wagtail admin
makes the browser block anything, in the page or in a frame inside it.

The browser reports every blocked script, style, image, frame or form target as a `securitypolicyviolation` event
(and a console error); a listener installed before any page script sends each one back here. JSON-LD blocks
(<script type="application/ld+json">) are data: the public pages that carry them show that the strict policy leaves
them alone. Errors about the Permissions-Policy header (an unknown feature) are collected the same way.

One test seeds the demo once (every app's content, a few organisations) and opens every page, then lists everything
that was blocked.
"""

from urllib.parse import urlsplit

import pytest

from tests.helpers.demo import DEMO_ADMIN_EMAIL, DEMO_PASSWORD, E2E_ORGANISATIONS, ensure_wagtail_baseline
from tests.helpers.demo_pages import demo_paths

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANALYST_EMAIL = "analytiker@kunskapsarenan.local"
PUBLIC_PAGE_TYPES = [
    "start page",
    "blog index",
    "blog space",
    "post with a table",
    "post with an image",
    "change-project index",
    "change project",
    "library",
    "conference edition",
    "programme",
    "session with a recording",
    "speaker",
    "recordings archive",
    "open consultation",
    "search with results",
    "accessibility statement",
    "open data",
    "login",
]
ANALYST_PAGE_TYPES = ["maturity dashboard", "organisation dashboard"]
# Runs in every frame before the page's own scripts. `reportViolation` is bound by the test.
LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportViolation({
        page: event.documentURI,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
        sample: event.sample,
    });
});
"""
CONSOLE_WORDS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy", "Permissions policy")


@pytest.fixture
def full_demo(live_server):
    from wagtail.models import Site

    from arena.demo.seed import seed

    ensure_wagtail_baseline()
    seed(DEMO_PASSWORD, organisation_names=E2E_ORGANISATIONS)
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port or 80)
    return address.hostname


def session_cookie(email, host):
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": session, "domain": host, "path": "/"}


class Watcher:
    """Collects what the browser blocked, per page opened."""

    def __init__(self):
        self.current = None
        self.found = []

    def watch(self, context):
        context.add_init_script(LISTENER)
        context.expose_binding("reportViolation", lambda source, report: self.found.append((self.current, report)))
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                any(word in message.text for word in CONSOLE_WORDS) and self.found.append((self.current, message.text))
            ),
        )
        return page

    def open(self, page, label, path, status=200, wait_until="load"):
        self.current = label
        response = page.goto(path, wait_until=wait_until)
        assert response.status == status, f"{label}: {path} answered {response.status}"
        assert response.headers.get("content-security-policy"), f"{label}: no Content-Security-Policy"

    def report(self):
        return "\n".join(f"- {label}: {report}" for label, report in self.found)


def admin_paths():
    from django.urls import reverse
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Workflow

    from arena.models import Person
    from blogs.models import BlogPostPage

    posts = BlogPostPage.objects.live().order_by("path")
    # A post with rich text, a table and a hero image: StreamField, Draftail, the table editor and a chooser.
    post = next(post for post in posts if post.hero_image_id and any(b.block_type == "table" for b in post.body))
    first = {model: model.objects.order_by("pk").first().pk for model in (get_image_model(), get_document_model())}
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "page explorer": reverse("wagtailadmin_explore", args=[Page.objects.get(depth=2).pk]),
        "page editor": reverse("wagtailadmin_pages:edit", args=[post.pk]),
        "images": reverse("wagtailimages:index"),
        "image editor": reverse("wagtailimages:edit", args=[first[get_image_model()]]),
        "documents": reverse("wagtaildocs:index"),
        "document editor": reverse("wagtaildocs:edit", args=[first[get_document_model()]]),
        "snippets": reverse("wagtailsnippets:index"),
        "snippet editor": reverse("wagtailsnippets_arena_person:edit", args=[Person.objects.order_by("pk").first().pk]),
        "workflows": reverse("wagtailadmin_workflows:index"),
        "workflow editor": reverse("wagtailadmin_workflows:edit", args=[Workflow.objects.order_by("pk").first().pk]),
        "workflow tasks": reverse("wagtailadmin_workflows:task_index"),
        "workflow report": reverse("wagtailadmin_reports:workflow"),
    }


def open_image_chooser(watcher, page):
    """Opens the hero image's chooser: the modal's HTML and scripts arrive after the page has loaded."""
    watcher.current = "image chooser"
    chooser = page.locator(".chooser:not(.blank)").first
    chooser.locator(".w-dropdown__toggle").click()
    chooser.locator(".chosen [data-chooser-action-choose]").click()
    page.locator(".modal-content [data-chooser-modal-choice]").first.wait_for()
    page.wait_for_load_state("networkidle")


def assert_blocked_style_is_reported(watcher, page):
    """The control: an inline <style> on a public page is blocked and reported here, so an empty list means that
    nothing else was."""
    watcher.current = "control"
    page.evaluate("() => document.head.append(Object.assign(document.createElement('style'), {textContent: 'a {}'}))")
    reports = []
    for _attempt in range(50):
        reports = [report for _label, report in watcher.found if isinstance(report, dict)]
        if reports:
            break
        page.wait_for_timeout(100)
    assert [report["directive"] for report in reports] == ["style-src-elem"], watcher.report()
    watcher.found.clear()


def test_no_page_has_anything_blocked(new_context, full_demo):
    watcher = Watcher()
    paths = demo_paths()

    visitor = watcher.watch(new_context(bypass_csp=False))
    json_ld_blocks = 0
    for page_type in PUBLIC_PAGE_TYPES:
        watcher.open(visitor, page_type, paths[page_type])
        json_ld_blocks += visitor.locator('script[type="application/ld+json"]').count()
    assert json_ld_blocks > 0
    watcher.open(visitor, "page not found", paths["page not found"], status=404)
    assert_blocked_style_is_reported(watcher, visitor)

    analyst = new_context(bypass_csp=False)
    analyst.add_cookies([session_cookie(ANALYST_EMAIL, full_demo)])
    analyst_page = watcher.watch(analyst)
    for page_type in ANALYST_PAGE_TYPES:
        watcher.open(analyst_page, page_type, paths[page_type])

    admin = new_context(bypass_csp=False)
    admin.add_cookies([session_cookie(DEMO_ADMIN_EMAIL, full_demo)])
    editor = watcher.watch(admin)
    # Editors see the public site with Wagtail's user bar, which loads the admin's scripts and styles.
    watcher.open(editor, "post with the user bar", paths["post with an image"], wait_until="networkidle")
    assert editor.locator("wagtail-userbar").count() == 1
    for label, path in admin_paths().items():
        watcher.open(editor, label, path, wait_until="networkidle")
        if label == "page editor":
            open_image_chooser(watcher, editor)

    assert not watcher.found, f"blocked by the browser:\n{watcher.report()}"
