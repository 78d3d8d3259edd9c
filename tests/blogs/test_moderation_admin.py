"""The "Kommentarer" moderation admin: scoped to the editor's organisations in every view, hide/restore only."""

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from blogs.models import Comment
from tests.blogs.factories import CommentFactory, create_post

pytestmark = pytest.mark.django_db

INDEX = reverse("kommentarer:index")


def hide_url(comment):
    return reverse("kommentarer:hide", args=(comment.pk,))


def restore_url(comment):
    return reverse("kommentarer:restore", args=(comment.pk,))


def inspect_url(comment):
    return reverse("kommentarer:inspect", args=(comment.pk,))


@pytest.fixture
def post_a(space_a):
    return create_post(space_a, "Digitala kvitton i förskolan")


@pytest.fixture
def post_b(space_b):
    return create_post(space_b, "Bygglov på nätet")


@pytest.fixture
def comment_a(post_a):
    return CommentFactory(post=post_a, body="Unik kommentar om förskolan")


@pytest.fixture
def comment_b(post_b):
    return CommentFactory(post=post_b, body="Kommentar om bygglov")


def login(client, user):
    client.force_login(user)
    return client


def listed_ids(response):
    return {comment.pk for comment in response.context["object_list"]}


class TestMenu:
    def test_editor_sees_the_menu_item(self, client, editor_a):
        response = login(client, editor_a).get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        assert INDEX in response.content.decode()

    def test_writer_does_not(self, client, writer_a):
        response = login(client, writer_a).get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        assert INDEX not in response.content.decode()

    def test_superuser_sees_it(self, client, superuser):
        response = login(client, superuser).get(reverse("wagtailadmin_home"))
        assert INDEX in response.content.decode()


class TestListing:
    def test_editor_lists_only_their_organisations_comments(self, client, editor_a, comment_a, comment_b):
        response = login(client, editor_a).get(INDEX)
        assert response.status_code == 200
        assert listed_ids(response) == {comment_a.pk}
        content = response.content.decode()
        assert "Unik kommentar om förskolan" in content
        assert "Kommentar om bygglov" not in content
        assert hide_url(comment_a) in content

    def test_editor_of_b_lists_only_b(self, client, editor_b, comment_a, comment_b):
        assert listed_ids(login(client, editor_b).get(INDEX)) == {comment_b.pk}

    def test_superuser_lists_all(self, client, superuser, comment_a, comment_b):
        assert listed_ids(login(client, superuser).get(INDEX)) == {comment_a.pk, comment_b.pk}

    def test_results_view_is_scoped_too(self, client, editor_a, comment_a, comment_b):
        response = login(client, editor_a).get(reverse("kommentarer:index_results"))
        assert response.status_code == 200
        assert listed_ids(response) == {comment_a.pk}

    def test_columns(self, client, editor_a, comment_a):
        response = login(client, editor_a).get(INDEX)
        content = response.content.decode()
        assert comment_a.post.title in content
        assert comment_a.author.get_full_name() in content
        names = [column.name for column in response.context["table"].columns.values()]
        assert names == ["body", "post", "organisation", "author", "created_at", "is_hidden", "report_count"]

    def test_search_on_body(self, client, editor_a, post_a):
        wanted = CommentFactory(post=post_a, body="Vi testar e-tjänsten för ansökan")
        CommentFactory(post=post_a, body="Något helt annat")
        response = login(client, editor_a).get(INDEX, {"q": "e-tjänsten"})
        assert listed_ids(response) == {wanted.pk}

    def test_filter_hidden_and_reported(self, client, editor_a, post_a):
        hidden = CommentFactory(post=post_a, is_hidden=True)
        reported = CommentFactory(post=post_a, report_count=2)
        plain = CommentFactory(post=post_a)
        login(client, editor_a)
        assert listed_ids(client.get(INDEX, {"is_hidden": "true"})) == {hidden.pk}
        assert listed_ids(client.get(INDEX, {"is_hidden": "false"})) == {reported.pk, plain.pk}
        assert listed_ids(client.get(INDEX, {"reported": "true"})) == {reported.pk}
        assert listed_ids(client.get(INDEX, {"reported": "false"})) == {hidden.pk, plain.pk}

    def test_organisation_filter_offers_only_own_organisations(
        self, client, editor_a, org_a, org_b, comment_a, comment_b
    ):
        response = login(client, editor_a).get(INDEX)
        choices = set(response.context["filters"].form.fields["organisation"].queryset)
        assert choices == {org_a}
        # Asking for another organisation's comments is an invalid choice: the filter is ignored, scope stays.
        response = client.get(INDEX, {"organisation": org_b.pk})
        assert response.status_code == 200
        assert listed_ids(response) == {comment_a.pk}

    def test_listing_has_no_add_edit_or_delete(self, client, editor_a, comment_a):
        content = login(client, editor_a).get(INDEX).content.decode()
        assert "/admin/kommentarer/new/" not in content
        assert "/edit/" not in content
        assert "/delete/" not in content

    def test_writer_and_staff_are_refused(self, client, writer_a, staff, comment_a):
        response = login(client, writer_a).get(INDEX)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert "object_list" not in (response.context or {})
        response = Client().get(INDEX)
        assert response.status_code == 302
        assert "/konto/login/" in response["Location"]
        response = login(Client(), staff).get(INDEX)
        assert response.status_code == 403  # arena's "no access" page, not a login loop
        assert "object_list" not in (response.context or {})


class TestNoAddEditDelete:
    @pytest.mark.parametrize("name", ["add", "edit", "delete", "copy", "history", "usage"])
    def test_url_names_do_not_exist(self, name):
        with pytest.raises(NoReverseMatch):
            reverse(f"kommentarer:{name}", args=() if name == "add" else (1,))

    @pytest.mark.parametrize("suffix", ["new/", "edit/{pk}/", "delete/{pk}/"])
    def test_paths_are_not_found(self, client, superuser, comment_a, suffix):
        response = login(client, superuser).get(INDEX + suffix.format(pk=comment_a.pk))
        assert response.status_code == 404


class TestInspect:
    def test_own_comment(self, client, editor_a, comment_a):
        response = login(client, editor_a).get(inspect_url(comment_a))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Unik kommentar om förskolan" in content
        assert hide_url(comment_a) in content

    def test_hidden_comment_offers_restore(self, client, editor_a, post_a):
        comment = CommentFactory(post=post_a, is_hidden=True)
        content = login(client, editor_a).get(inspect_url(comment)).content.decode()
        assert restore_url(comment) in content

    def test_other_organisations_comment_is_not_found(self, client, editor_a, comment_b):
        response = login(client, editor_a).get(inspect_url(comment_b))
        assert response.status_code == 404
        assert "Kommentar om bygglov" not in response.content.decode()

    def test_nonexistent(self, client, editor_a):
        assert login(client, editor_a).get(reverse("kommentarer:inspect", args=(999999,))).status_code == 404

    def test_writer_is_refused(self, client, writer_a, comment_a):
        response = login(client, writer_a).get(inspect_url(comment_a))
        assert response.status_code == 404
        assert "Unik kommentar om förskolan" not in response.content.decode()


class TestHideAndRestore:
    def test_confirmation_page(self, client, editor_a, comment_a):
        response = login(client, editor_a).get(hide_url(comment_a))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Unik kommentar om förskolan" in content
        assert 'method="post"' in content
        comment_a.refresh_from_db()
        assert not comment_a.is_hidden  # GET changes nothing

    def test_editor_hides_and_restores(self, client, editor_a, comment_a):
        login(client, editor_a)
        response = client.post(hide_url(comment_a))
        assert response.status_code == 302
        assert response["Location"] == INDEX
        comment_a.refresh_from_db()
        assert comment_a.is_hidden
        assert comment_a.hidden_by == editor_a
        assert comment_a.hidden_at is not None

        response = client.post(restore_url(comment_a))
        assert response.status_code == 302
        comment_a.refresh_from_db()
        assert not comment_a.is_hidden
        assert comment_a.hidden_by is None

    def test_redirects_back_to_a_safe_next(self, client, editor_a, comment_a):
        login(client, editor_a)
        response = client.post(hide_url(comment_a), {"next": f"{INDEX}?is_hidden=false"})
        assert response["Location"] == f"{INDEX}?is_hidden=false"
        response = client.post(restore_url(comment_a), {"next": "https://evil.example/"})
        assert response["Location"] == INDEX

    def test_other_organisations_comment_is_forbidden(self, client, editor_a, comment_b):
        login(client, editor_a)
        assert client.get(hide_url(comment_b)).status_code == 403
        assert client.post(hide_url(comment_b)).status_code == 403
        comment_b.refresh_from_db()
        assert not comment_b.is_hidden

    def test_other_organisations_hidden_comment_cannot_be_restored(self, client, editor_a, editor_b, comment_b):
        Comment.objects.filter(pk=comment_b.pk).update(is_hidden=True, hidden_by=editor_b)
        login(client, editor_a)
        assert client.get(restore_url(comment_b)).status_code == 403
        assert client.post(restore_url(comment_b)).status_code == 403
        comment_b.refresh_from_db()
        assert comment_b.is_hidden

    def test_nonexistent(self, client, editor_a):
        login(client, editor_a)
        assert client.post(reverse("kommentarer:hide", args=(999999,))).status_code == 404
        assert client.post(reverse("kommentarer:restore", args=(999999,))).status_code == 404

    def test_writer_and_staff_are_refused(self, client, writer_a, staff, comment_a):
        assert login(client, writer_a).post(hide_url(comment_a)).status_code == 403
        # Staff without admin access never reach the view: they get arena's "no access" page.
        assert login(Client(), staff).post(hide_url(comment_a)).status_code == 403
        comment_a.refresh_from_db()
        assert not comment_a.is_hidden

    def test_anonymous_goes_to_login(self, comment_a):
        response = Client().post(hide_url(comment_a))
        assert response.status_code == 302
        assert "/konto/login/" in response["Location"]
        comment_a.refresh_from_db()
        assert not comment_a.is_hidden

    def test_csrf_protected(self, editor_a, comment_a):
        client = Client(enforce_csrf_checks=True)
        client.force_login(editor_a)
        assert client.post(hide_url(comment_a)).status_code == 403
        comment_a.refresh_from_db()
        assert not comment_a.is_hidden

    def test_superuser_moderates_any_organisation(self, client, superuser, comment_b):
        assert login(client, superuser).post(hide_url(comment_b)).status_code == 302
        comment_b.refresh_from_db()
        assert comment_b.is_hidden
