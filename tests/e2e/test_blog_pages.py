"""Blog pages in a real browser: the blog root (with a filter), a space, a post with comments, commenting with
and without errors, an author page and the start page's blog sections — each with zero axe-core violations."""

import datetime
import io
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import assert_no_axe_violations
from tests.helpers.demo import DEMO_PASSWORD
from tests.helpers.keyboard import (
    active_element_is_error_summary,
    assert_confirmation_focused_in_main,
    by_text,
    tab_to,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STAFF_EMAIL = "medarbetare@kunskapsarenan.local"
COMMENT_FIELD = "Din kommentar"
PUBLISH = "Publicera kommentar"
EMPTY_COMMENT_MESSAGE = "Skriv en kommentar innan du skickar."


@dataclass(frozen=True)
class BlogContent:
    space: object
    post: object
    other_post: object
    author: object


def hero_image():
    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images.models import Image

    buffer = io.BytesIO()
    PillowImage.new("RGB", (960, 540), (31, 59, 115)).save(buffer, "PNG")
    return Image.objects.create(title="Workshop", file=ImageFile(buffer, name="workshop.png"))


@pytest.fixture
def blog(demo_site):
    from arena.models import Organisation
    from tests.blogs.factories import CommentFactory, FocusAreaFactory, PersonFactory, create_post

    organisation = Organisation.objects.get(name="Intraservice")
    space = organisation.blog_space
    author = PersonFactory(
        name="Sara Berglund",
        slug="sara-berglund",
        organisation=organisation,
        job_title="Digitaliseringsstrateg",
        bio="Sara leder arbetet med nya e-tjänster för medarbetarna.",
    )
    today = datetime.date.today()  # newest, so the posts lead every listing whatever the demo content holds
    area = FocusAreaFactory(name="Digital kompetens för alla", slug="e2e-digital-kompetens")
    post = create_post(
        space,
        "Så flyttade vi lönefrågorna till en chattbot",
        tags=["chattbot", "e-tjanster"],
        focus_areas=[area],
        authors=[author],
        published_date=today,
        intro="Vi testade en chattbot för lönefrågor under ett halvår. Här är vad vi lärde oss.",
        body_text="Vi började med de tio vanligaste frågorna till lönesupporten.",
    )
    post.hero_image = hero_image()
    post.hero_image_alt = "Fyra medarbetare vid en whiteboard full av post-it-lappar"
    post.save_revision().publish()
    post.refresh_from_db()
    other_post = create_post(
        space, "Digitala möten som fungerar", tags=["chattbot"], authors=[author], published_date=today
    )
    CommentFactory(post=post, body="Spännande! Vi gör något liknande, se https://goteborg.se/ för mer.")
    CommentFactory(post=post, body="Hur tog ni hand om frågorna som boten inte kunde svara på?\nTack på förhand.")
    CommentFactory(post=post, body="<script>document.title = 'hackad'</script> Bra skrivet.")
    return BlogContent(space=space, post=post, other_post=other_post, author=author)


def assert_page_basics(page, response, status=200):
    assert response is not None, f"no response for {page.url}"
    assert response.status == status, f"{page.url} answered {response.status}, expected {status}"
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_be_visible()


def log_in(page, next_path):
    page.goto(f"/konto/login/?next={next_path}")
    page.locator("input[name=login]").fill(STAFF_EMAIL)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    assert "/konto/login/" not in page.url, "login did not succeed"
    assert urlsplit(page.url).path == next_path, f"login went to {page.url}, not {next_path}"


def comment_form(page):
    return page.locator("form").filter(has=page.get_by_label(COMMENT_FIELD))


def test_blog_root_lists_posts_and_filters_accessibly(page, blog):
    response = page.goto("/bloggar/")
    assert_page_basics(page, response)
    expect(page.locator("h1")).to_have_text("Bloggar")
    expect(page.get_by_role("link", name=blog.post.title)).to_be_visible()
    expect(page.locator("link[rel=alternate][type='application/rss+xml']").first).to_have_attribute(
        "href", "/bloggar/rss/"
    )
    assert_no_axe_violations(page)

    page.get_by_label("Organisation", exact=True).select_option(label="Intraservice")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrera", exact=True).click()
    assert parse_qs(urlsplit(page.url).query).get("organisation") == ["intraservice"]
    expect(page.get_by_role("heading", name="Aktiva filter")).to_be_visible()
    expect(page.get_by_role("link", name="Ta bort filtret för organisation")).to_be_visible()
    expect(page.get_by_role("link", name=blog.post.title)).to_be_visible()
    assert_no_axe_violations(page)


def test_tag_filter_and_its_removal(page, blog):
    response = page.goto("/bloggar/?tagg=e-tjanster")
    assert_page_basics(page, response)
    expect(page.get_by_role("link", name=blog.post.title)).to_be_visible()
    expect(page.get_by_role("link", name=blog.other_post.title)).to_have_count(0)
    expect(page.locator("link[rel=alternate][href='/bloggar/tagg/e-tjanster/rss/']")).to_have_count(1)
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Ta bort filtret för tagg").click()
    assert urlsplit(page.url).query == ""
    expect(page.get_by_role("link", name=blog.other_post.title)).to_be_visible()


def test_blog_space_is_accessible(page, blog):
    response = page.goto(blog.space.url)
    assert_page_basics(page, response)
    expect(page.locator("h1")).to_have_text("Intraservice")
    expect(page.get_by_role("link", name=blog.post.title)).to_be_visible()
    expect(page.get_by_text("3 kommentarer").first).to_be_visible()
    expect(page.locator("link[rel=alternate][type='application/rss+xml']")).to_have_attribute(
        "href", f"{blog.space.url}rss/"
    )
    assert_no_axe_violations(page)


def test_post_with_comments_for_anonymous_visitor(page, blog):
    response = page.goto(blog.post.url)
    assert_page_basics(page, response)
    expect(page.locator("h1")).to_have_text(blog.post.title)
    expect(page.get_by_text("1 min läsning")).to_be_visible()
    expect(page.get_by_role("img", name=blog.post.hero_image_alt)).to_have_count(1)
    expect(page.get_by_role("link", name="Sara Berglund")).to_have_attribute(
        "href", "/bloggar/forfattare/sara-berglund/"
    )
    expect(page.get_by_role("link", name="chattbot")).to_have_attribute("href", "/bloggar/?tagg=chattbot")
    expect(page.get_by_role("link", name=blog.other_post.title)).to_be_visible()  # related by tag

    comments = page.locator("#kommentarer article.comment")
    expect(comments).to_have_count(3)
    expect(page.locator("#kommentarer h2")).to_contain_text("Kommentarer (3)")
    # Plain text: links become clickable, markup is shown, never run.
    expect(comments.first.get_by_role("link", name="https://goteborg.se/")).to_have_attribute(
        "rel", re.compile("nofollow")
    )
    expect(page.get_by_text("<script>document.title = 'hackad'</script> Bra skrivet.")).to_be_visible()
    assert page.title() != "hackad"
    expect(page.get_by_role("button", name=re.compile("^Rapportera"))).to_have_count(0)
    expect(page.get_by_label(COMMENT_FIELD)).to_have_count(0)
    login = page.get_by_role("link", name="Logga in för att kommentera")
    expect(login).to_have_attribute("href", f"/konto/login/?next={blog.post.url}")

    # Sharing: Open Graph with absolute URLs.
    og = {
        prop: page.locator(f"meta[property='{prop}']").get_attribute("content")
        for prop in ("og:type", "og:title", "og:url", "og:image", "og:description")
    }
    assert og["og:type"] == "article"
    assert og["og:title"] == blog.post.title
    assert og["og:url"] == f"{blog_site_url(page)}{blog.post.url}"
    assert og["og:image"].startswith("http"), og["og:image"]
    assert og["og:description"].startswith("Vi testade en chattbot")
    assert_no_axe_violations(page)


def blog_site_url(page):
    parts = urlsplit(page.url)
    return f"{parts.scheme}://{parts.netloc}"


def test_logged_in_staff_sees_comment_form_and_gets_clear_errors(page, blog):
    log_in(page, blog.post.url)
    expect(page.get_by_label(COMMENT_FIELD)).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Rapportera kommentaren från"))).to_have_count(3)
    assert_no_axe_violations(page)

    # Skip the browser's own check of `required` so the server's validation message is what we test.
    page.get_by_label(COMMENT_FIELD).evaluate("field => field.removeAttribute('required')")
    with page.expect_navigation():
        comment_form(page).get_by_role("button", name=PUBLISH).click()
    assert page.title().startswith("Fel:")
    assert active_element_is_error_summary(page)
    expect(page.get_by_role("alert")).to_contain_text(EMPTY_COMMENT_MESSAGE)
    expect(page.get_by_label(COMMENT_FIELD)).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#kommentarer article.comment")).to_have_count(3)
    assert_no_axe_violations(page)


def test_staff_comment_appears_on_the_post(page, blog):
    from blogs.models import Comment

    log_in(page, blog.post.url)
    text = "Tack för ett mycket konkret inlägg.\nVi hör av oss om chattboten!"
    page.get_by_label(COMMENT_FIELD).fill(text)
    with page.expect_navigation():
        comment_form(page).get_by_role("button", name=PUBLISH).click()
    comment = Comment.objects.get(post=blog.post, author__email=STAFF_EMAIL)
    assert comment.body.replace("\r\n", "\n") == text  # browsers send line breaks as CRLF
    assert urlsplit(page.url).fragment == ""
    assert "Tack! Din kommentar är publicerad." in assert_confirmation_focused_in_main(page)
    expect(page.locator(f"#kommentar-{comment.pk}")).to_contain_text("Vi hör av oss om chattboten!")
    expect(page.locator("#kommentarer article.comment")).to_have_count(4)
    expect(page.locator("#kommentarer h2")).to_contain_text("Kommentarer (4)")
    assert_no_axe_violations(page)


def test_comment_field_is_reachable_by_keyboard(page, blog):
    log_in(page, blog.post.url)
    page.locator("body").click(position={"x": 1, "y": 1})
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.name") == "body":
            break
    else:
        pytest.fail("Tab never reached the comment field")
    page.keyboard.type("Skrivet med tangentbordet.")
    expect(page.get_by_label(COMMENT_FIELD)).to_have_value("Skrivet med tangentbordet.")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == PUBLISH, f"Tab after the comment field focused {focused!r}"


def test_reporting_a_comment(page, blog):
    from blogs.models import Comment

    first = Comment.objects.filter(post=blog.post).order_by("created_at").first()
    log_in(page, blog.post.url)
    with page.expect_navigation():
        page.locator(f"#kommentar-{first.pk}").get_by_role("button", name=re.compile("^Rapportera")).click()
    expect(page.get_by_text("Tack. Redaktörerna har fått veta om kommentaren.")).to_be_visible()
    first.refresh_from_db()
    assert first.report_count == 1


def test_author_page_is_accessible(page, blog):
    response = page.goto("/bloggar/forfattare/sara-berglund/")
    assert_page_basics(page, response)
    expect(page.locator("h1")).to_have_text("Sara Berglund")
    expect(page.get_by_text("Digitaliseringsstrateg, Intraservice")).to_be_visible()
    expect(page.get_by_role("link", name=blog.post.title)).to_be_visible()
    expect(page.get_by_role("link", name=blog.other_post.title)).to_be_visible()
    assert_no_axe_violations(page)


def test_home_page_shows_blog_sections(page, blog):
    response = page.goto("/")
    assert_page_basics(page, response)
    latest = page.locator("section").filter(has=page.get_by_role("heading", name="Senaste blogginläggen"))
    expect(latest.get_by_role("link", name=blog.post.title)).to_be_visible()
    expect(latest.get_by_role("link", name="Alla blogginlägg")).to_have_attribute("href", "/bloggar/")
    spaces = page.locator("section").filter(has=page.get_by_role("heading", name="Bloggar i arenan"))
    intraservice = spaces.locator("li").filter(has=page.get_by_role("link", name="Intraservice", exact=True))
    expect(intraservice).to_contain_text("inlägg")
    assert_no_axe_violations(page)


def press_enter_and_wait(page):
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    return navigation.value


def test_comment_by_keyboard(page, blog):
    log_in(page, blog.post.url)
    tab_to(page, by_text(PUBLISH), limit=200)
    response = press_enter_and_wait(page)  # empty: the server refuses it

    assert response.status == 400
    assert active_element_is_error_summary(page)
    expect(page.get_by_label(COMMENT_FIELD)).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(page)

    tab_to(page, lambda state: state["tag"] == "textarea")
    page.keyboard.type("Skrivet med bara tangentbordet.")
    tab_to(page, by_text(PUBLISH))
    press_enter_and_wait(page)

    assert "Tack! Din kommentar är publicerad." in assert_confirmation_focused_in_main(page)
    expect(page.locator("#kommentarer article.comment").last).to_contain_text("Skrivet med bara tangentbordet.")
    assert_no_axe_violations(page)
    tab_to(page, lambda state: state["id"] == "site-search", backwards=True)  # back up to the header
