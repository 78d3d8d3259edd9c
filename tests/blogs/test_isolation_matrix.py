"""The isolation matrix (issue 3, Acceptance): role × action on organisation A's posts, over HTTP through the
Wagtail admin and the public site. Every cell is its own test id and asserts both the response and the database.

Roles: anonymous, staff (logged in, no organisation), writer/editor of A, writer/editor of B, superuser.
Wagtail's own answers to a refusal: anonymous users and staff without admin access are sent to the login page;
admin users without the page permission are sent to the dashboard with a message ("permission denied").
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from blogs.models import BlogPostPage, Comment
from tests.blogs.factories import CommentFactory, PersonFactory, create_post
from tests.helpers.blog_forms import edit_data

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "staff", "writer_a", "editor_a", "writer_b", "editor_b", "superuser"]
LOGIN_URL = "/konto/login/"

# Who may do what to organisation A's content. Everyone else is refused.
ALLOWED = {
    "view_draft_in_admin": {"writer_a", "editor_a", "superuser"},
    "view_draft_publicly": set(),  # a draft is never served on the public site, not even to its editors
    "edit": {"writer_a", "editor_a", "superuser"},
    "publish": {"editor_a", "superuser"},
    # Wagtail: "change" without "publish" may delete only when nothing in the subtree is live.
    "delete_live_post": {"editor_a", "superuser"},
    "delete_draft": {"writer_a", "editor_a", "superuser"},
    "moderate_comment": {"editor_a", "superuser"},
    "see_staff_only_post": {"staff", "writer_a", "editor_a", "writer_b", "editor_b", "superuser"},
}


def cells(action):
    return pytest.mark.parametrize(
        "role, allowed",
        [(role, role in ALLOWED[action]) for role in ROLES],
        ids=[f"{role}-{'allowed' if role in ALLOWED[action] else 'denied'}" for role in ROLES],
    )


@pytest.fixture
def as_role(request):
    """A test client logged in as the role's user (or anonymous)."""

    def make(role):
        client = Client()
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return make


@pytest.fixture
def everyone(staff, writer_a, editor_a, writer_b, editor_b, superuser):
    """Create every role's user up front, so each cell runs against the same population."""


@pytest.fixture
def live_post(space_a, everyone):
    return create_post(space_a, "Publicerat om förskolans lärplattor")


@pytest.fixture
def draft(space_a, everyone, org_a):
    return create_post(
        space_a, "Hemligt utkast om förskolans budget", live=False, authors=[PersonFactory(organisation=org_a)]
    )


@pytest.fixture
def staff_only_post(space_a, everyone):
    return create_post(space_a, "Internt om förskolans nätverk", staff_only=True)


@pytest.fixture
def comment(live_post):
    return CommentFactory(post=live_post, body="En kommentar som någon vill dölja")


def assert_refused(response, role, secret=None, admin_status=302):
    """Refusals: the login page for anonymous users, arena's "no access" page (403) for staff; for admin users
    the dashboard (302), or admin_status where the view answers otherwise (the comment views scope their queryset,
    so another's comment is a 404)."""
    if role == "anonymous":
        assert response.status_code == 302, response.status_code
        assert response["Location"].startswith(LOGIN_URL), response["Location"]
    elif role == "staff":  # logged in without admin rights: arena's Swedish "no access" page
        assert response.status_code == 403, response.status_code
        assert "Du har inte behörighet till administrationen" in response.content.decode()
    else:
        assert response.status_code == admin_status, response.status_code
        if admin_status == 302:
            assert response["Location"] == reverse("wagtailadmin_home"), response["Location"]
    if secret:
        assert secret not in response.content.decode()


# --- View a draft ---------------------------------------------------------------------------------------------


@cells("view_draft_in_admin")
def test_view_draft_in_admin_edit_view(as_role, draft, role, allowed):
    response = as_role(role).get(reverse("wagtailadmin_pages:edit", args=(draft.id,)))
    if allowed:
        assert response.status_code == 200
        assert "Hemligt utkast om förskolans budget" in response.content.decode()
    else:
        assert_refused(response, role, secret="Hemligt utkast om förskolans budget")
    draft.refresh_from_db()
    assert not draft.live


@cells("view_draft_in_admin")
def test_view_draft_preview(as_role, draft, role, allowed):
    response = as_role(role).get(reverse("wagtailadmin_pages:view_draft", args=(draft.id,)))
    if allowed:
        assert response.status_code == 200
        assert "Hemligt utkast om förskolans budget" in response.content.decode()
    else:
        assert_refused(response, role, secret="Hemligt utkast om förskolans budget")


@cells("view_draft_publicly")
def test_view_draft_on_the_public_site(as_role, draft, role, allowed):
    assert not allowed
    response = as_role(role).get(draft.url)
    assert response.status_code == 404
    assert "Hemligt utkast om förskolans budget" not in response.content.decode()


# --- Edit ------------------------------------------------------------------------------------------------------


@cells("edit")
def test_edit_post(as_role, live_post, role, allowed):
    url = reverse("wagtailadmin_pages:edit", args=(live_post.id,))
    response = as_role(role).post(url, edit_data(live_post, title="Ny titel från redigering"))
    latest = BlogPostPage.objects.get(pk=live_post.pk).get_latest_revision_as_object()
    if allowed:
        assert response.status_code == 302
        assert latest.title == "Ny titel från redigering"
    else:
        assert_refused(response, role)
        assert latest.title == "Publicerat om förskolans lärplattor"
    live_post.refresh_from_db()
    assert live_post.title == "Publicerat om förskolans lärplattor"  # saving a draft never changes the live page


# --- Publish ---------------------------------------------------------------------------------------------------


@cells("publish")
def test_publish_post(as_role, draft, role, allowed):
    url = reverse("wagtailadmin_pages:edit", args=(draft.id,))
    response = as_role(role).post(url, edit_data(draft, **{"action-publish": "Publicera"}))
    draft.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert draft.live
        assert draft.live_revision is not None
    else:
        if role == "writer_a":
            # Wagtail ignores "publish" from a writer, saves a draft instead and redirects back to the editor.
            assert response.status_code == 302
            assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(draft.id,))
        else:
            assert_refused(response, role)
        assert not draft.live
        assert draft.first_published_at is None


# --- Delete ----------------------------------------------------------------------------------------------------


@cells("delete_live_post")
def test_delete_live_post(as_role, live_post, role, allowed):
    response = as_role(role).post(reverse("wagtailadmin_pages:delete", args=(live_post.id,)))
    if allowed:
        assert response.status_code == 302
        assert not Page.objects.filter(pk=live_post.pk).exists()
    else:
        assert_refused(response, role)
        assert Page.objects.filter(pk=live_post.pk, live=True).exists()


@cells("delete_draft")
def test_delete_draft(as_role, draft, role, allowed):
    response = as_role(role).post(reverse("wagtailadmin_pages:delete", args=(draft.id,)))
    if allowed:
        assert response.status_code == 302
        assert not Page.objects.filter(pk=draft.pk).exists()
    else:
        assert_refused(response, role)
        assert Page.objects.filter(pk=draft.pk).exists()


# --- Moderate a comment ----------------------------------------------------------------------------------------


@cells("moderate_comment")
def test_hide_comment(as_role, comment, role, allowed):
    response = as_role(role).post(reverse("kommentarer:hide", args=(comment.pk,)))
    comment.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert comment.is_hidden
        assert not Comment.objects.visible().filter(pk=comment.pk).exists()
    else:
        if role == "anonymous":
            assert response.status_code == 302
            assert response["Location"].startswith(LOGIN_URL)
        else:  # staff without admin rights get arena's "no access" page, writers and other editors Wagtail's 403
            assert response.status_code == 403
        assert not comment.is_hidden
        assert Comment.objects.visible().filter(pk=comment.pk).exists()


@cells("moderate_comment")
def test_inspect_comment_in_admin(as_role, comment, role, allowed):
    response = as_role(role).get(reverse("kommentarer:inspect", args=(comment.pk,)))
    if allowed:
        assert response.status_code == 200
        assert "En kommentar som någon vill dölja" in response.content.decode()
    else:
        assert_refused(response, role, secret="En kommentar som någon vill dölja", admin_status=404)


# --- Staff-only post -------------------------------------------------------------------------------------------


@cells("see_staff_only_post")
def test_see_staff_only_post(as_role, staff_only_post, role, allowed):
    response = as_role(role).get(staff_only_post.url)
    if allowed:
        assert response.status_code == 200
        assert "Internt om förskolans nätverk" in response.content.decode()
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN_URL)
        assert "Internt om förskolans nätverk" not in response.content.decode()


# --- The API ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "writer_a", "superuser"])
def test_api_never_shows_drafts_or_staff_only_posts(as_role, live_post, draft, staff_only_post, role):
    client = as_role(role)
    response = client.get("/api/v2/pages/", {"type": "blogs.BlogPostPage"})
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert live_post.id in ids
    assert draft.id not in ids
    assert staff_only_post.id not in ids

    response = client.get("/api/v2/pages/", {"search": "förskolans"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Hemligt utkast" not in content
    assert "Internt om förskolans nätverk" not in content

    assert client.get(f"/api/v2/pages/{live_post.id}/").status_code == 200
    for hidden in (draft, staff_only_post):
        response = client.get(f"/api/v2/pages/{hidden.id}/")
        assert response.status_code == 404
        assert hidden.title not in response.content.decode()
