"""Comments over HTTP on the post page: validation with Swedish messages, plain text rendered safely, the flood
limit, spaces with comments switched off, reporting, hidden comments, and the moderation scope."""

import datetime

import pytest
from django.template import Context, Template
from django.test import Client
from django.utils import timezone

from blogs.models import BlogSpacePage, Comment, CommentReport
from blogs.models.comments import COMMENT_MAX_LENGTH
from blogs.services import COMMENT_LIMIT
from tests.blogs.factories import CommentFactory, create_post
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EMPTY_MESSAGE = "Skriv en kommentar innan du skickar."
FLOOD_MESSAGE = "Du har skrivit många kommentarer på kort tid. Vänta några minuter och försök igen."
SWITCHED_OFF_MESSAGE = "Kommentarer är avstängda för den här bloggen."


@pytest.fixture
def post(space_a):
    return create_post(space_a, "Robotar i hemtjänsten")


@pytest.fixture
def staff_client(staff):
    client = Client()
    client.force_login(staff)
    return client


def form_errors(response):
    form = response.context["comment_form"]
    return [str(message) for messages in form.errors.values() for message in messages]


class TestValidation:
    @pytest.mark.parametrize("body", ["", "   \n\t  "], ids=["empty", "whitespace"])
    def test_empty_comment_gets_a_swedish_message(self, staff_client, post, body):
        response = staff_client.post(post.url, {"body": body})

        assert response.status_code == 400
        assert form_errors(response) == [EMPTY_MESSAGE]
        assert EMPTY_MESSAGE in response.content.decode()
        assert Comment.objects.count() == 0

    def test_missing_field(self, staff_client, post):
        response = staff_client.post(post.url, {})
        assert response.status_code == 400
        assert form_errors(response) == [EMPTY_MESSAGE]
        assert Comment.objects.count() == 0

    def test_ten_thousand_characters_is_too_long(self, staff_client, post):
        response = staff_client.post(post.url, {"body": "a" * 10_000})

        assert response.status_code == 400
        [message] = form_errors(response)
        assert "för lång" in message
        assert str(COMMENT_MAX_LENGTH) in message
        assert "10000" in message
        assert message in response.content.decode()
        assert Comment.objects.count() == 0

    def test_the_form_keeps_the_text_on_error(self, staff_client, post):
        response = staff_client.post(post.url, {"body": "b" * (COMMENT_MAX_LENGTH + 1)})
        assert response.status_code == 400
        assert response.context["comment_form"].data["body"] == "b" * (COMMENT_MAX_LENGTH + 1)

    def test_exactly_the_limit_is_accepted(self, staff_client, post):
        response = staff_client.post(post.url, {"body": "c" * COMMENT_MAX_LENGTH})
        assert response.status_code == 302
        assert Comment.objects.get().body == "c" * COMMENT_MAX_LENGTH


class TestPlainText:
    BODY = "<script>alert(1)</script> and https://example.se"

    def test_saved_as_plain_text_and_rendered_escaped(self, staff, staff_client, post):
        response = staff_client.post(post.url, {"body": self.BODY})

        comment = Comment.objects.get()
        assert response.status_code == 302
        assert response["Location"] == post.url
        assert comment.body == self.BODY
        assert comment.author == staff
        assert comment.organisation_id == post.organisation_id

        content = staff_client.get(post.url).content.decode()
        assert "<script>alert(1)</script>" not in content
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
        assert '<a href="https://example.se" rel="nofollow">https://example.se</a>' in content

    def test_the_filter_chain_used_by_the_template(self):
        html = Template("{{ body|urlize|linebreaksbr }}").render(Context({"body": self.BODY + "\nrad två"}))
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert '<a href="https://example.se" rel="nofollow">https://example.se</a>' in html
        assert "<br>rad två" in html

    def test_surrounding_whitespace_is_trimmed(self, staff_client, post):
        staff_client.post(post.url, {"body": "  Bra inlägg!  \n"})
        assert Comment.objects.get().body == "Bra inlägg!"


class TestFloodLimit:
    def test_the_sixth_comment_within_ten_minutes_is_refused(self, staff, staff_client, post):
        for number in range(COMMENT_LIMIT):
            response = staff_client.post(post.url, {"body": f"Kommentar {number}"})
            assert response.status_code == 302
        assert COMMENT_LIMIT == 5

        response = staff_client.post(post.url, {"body": "En till"})

        assert response.status_code == 400
        assert form_errors(response) == [FLOOD_MESSAGE]
        assert FLOOD_MESSAGE in response.content.decode()
        assert Comment.objects.filter(author=staff).count() == COMMENT_LIMIT
        assert not Comment.objects.filter(body="En till").exists()

    def test_the_limit_counts_across_posts(self, staff, staff_client, post, space_a):
        other = create_post(space_a, "Ett annat inlägg")
        CommentFactory.create_batch(COMMENT_LIMIT, post=other, author=staff)
        response = staff_client.post(post.url, {"body": "En till"})
        assert response.status_code == 400
        assert Comment.objects.filter(post=post).count() == 0

    def test_older_comments_do_not_count(self, staff, staff_client, post):
        CommentFactory.create_batch(COMMENT_LIMIT, post=post, author=staff)
        Comment.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=11))
        response = staff_client.post(post.url, {"body": "Nu går det igen"})
        assert response.status_code == 302
        assert Comment.objects.filter(body="Nu går det igen").exists()

    def test_the_limit_is_per_person(self, staff_client, post):
        CommentFactory.create_batch(COMMENT_LIMIT, post=post)  # five different people
        assert staff_client.post(post.url, {"body": "Min första"}).status_code == 302


class TestWhoMayComment:
    def test_switched_off_on_the_space(self, staff_client, post, space_a):
        BlogSpacePage.objects.filter(pk=space_a.pk).update(comments_enabled=False)

        response = staff_client.post(post.url, {"body": "Hej!"})

        assert response.status_code == 400
        assert form_errors(response) == [SWITCHED_OFF_MESSAGE]
        assert Comment.objects.count() == 0

    def test_switched_off_hides_the_form(self, staff_client, post, space_a):
        BlogSpacePage.objects.filter(pk=space_a.pk).update(comments_enabled=False)
        response = staff_client.get(post.url)
        assert response.status_code == 200
        assert response.context["comments_open"] is False
        assert 'name="body"' not in response.content.decode()

    def test_anonymous_is_refused(self, client, post):
        response = client.post(post.url, {"body": "Anonym kommentar"})
        assert response.status_code == 403
        assert Comment.objects.count() == 0

    def test_anonymous_cannot_report(self, client, post):
        comment = CommentFactory(post=post)
        response = client.post(post.url, {"action": "rapportera", "comment": comment.pk})
        assert response.status_code == 403
        assert CommentReport.objects.count() == 0
        comment.refresh_from_db()
        assert comment.report_count == 0

    def test_comment_on_a_draft_is_not_possible(self, staff_client, space_a):
        draft = create_post(space_a, "Utkast", live=False)
        response = staff_client.post(draft.url, {"body": "Hej"})
        assert response.status_code == 404
        assert Comment.objects.count() == 0


class TestReporting:
    def test_reporting_twice_counts_once(self, staff_client, post):
        comment = CommentFactory(post=post)

        first = staff_client.post(post.url, {"action": "rapportera", "comment": comment.pk})
        second = staff_client.post(post.url, {"action": "rapportera", "comment": comment.pk})

        assert first.status_code == 302
        assert second.status_code == 302
        assert first["Location"] == post.url
        comment.refresh_from_db()
        assert comment.report_count == 1
        assert CommentReport.objects.filter(comment=comment).count() == 1

    def test_two_people_count_twice(self, staff_client, post):
        comment = CommentFactory(post=post)
        staff_client.post(post.url, {"action": "rapportera", "comment": comment.pk})
        other = Client()
        other.force_login(UserFactory())
        other.post(post.url, {"action": "rapportera", "comment": comment.pk})
        comment.refresh_from_db()
        assert comment.report_count == 2

    def test_reporting_a_comment_of_another_post_or_a_hidden_one_is_not_found(self, staff_client, post, space_a):
        elsewhere = CommentFactory(post=create_post(space_a, "Annat"))
        hidden = CommentFactory(post=post, is_hidden=True)
        for comment in (elsewhere, hidden):
            response = staff_client.post(post.url, {"action": "rapportera", "comment": comment.pk})
            assert response.status_code == 404
        assert CommentReport.objects.count() == 0

    @pytest.mark.parametrize("comment_id", ["abc", "", "1.5", "-1", "0", "99999999999999999999", "1\x00"])
    def test_a_comment_id_that_is_not_one_is_not_found(self, staff_client, post, comment_id):
        CommentFactory(post=post)
        response = staff_client.post(post.url, {"action": "rapportera", "comment": comment_id})
        assert response.status_code == 404
        assert "Sidan hittades inte" in response.content.decode()
        assert CommentReport.objects.count() == 0

    def test_a_report_without_a_comment_id_is_not_found(self, staff_client, post):
        assert staff_client.post(post.url, {"action": "rapportera"}).status_code == 404

    def test_reporting_does_not_write_a_comment(self, staff_client, post):
        comment = CommentFactory(post=post)
        staff_client.post(post.url, {"action": "rapportera", "comment": comment.pk, "body": "Smuggel"})
        assert Comment.objects.count() == 1


class TestHiddenComments:
    def test_hidden_comment_is_not_shown_or_counted(self, staff_client, post):
        CommentFactory(post=post, body="Synlig kommentar ett")
        CommentFactory(post=post, body="Synlig kommentar två")
        CommentFactory(post=post, body="Dold olämplig kommentar", is_hidden=True)

        response = staff_client.get(post.url)

        assert response.status_code == 200
        assert response.context["comment_count"] == 2
        content = response.content.decode()
        assert "Synlig kommentar ett" in content
        assert "Synlig kommentar två" in content
        assert "Dold olämplig kommentar" not in content

    def test_anonymous_readers_see_the_same(self, client, post):
        CommentFactory(post=post, body="Synlig kommentar")
        CommentFactory(post=post, body="Dold kommentar", is_hidden=True)
        response = client.get(post.url)
        assert response.status_code == 200
        assert response.context["comment_count"] == 1
        assert "Dold kommentar" not in response.content.decode()


class TestModerationScope:
    @pytest.fixture
    def comments(self, space_a, space_b):
        post_a, post_b = create_post(space_a), create_post(space_b)
        return {
            "a": CommentFactory.create_batch(3, post=post_a),
            "b": CommentFactory.create_batch(2, post=post_b),
        }

    def test_editor_sees_only_their_organisation_in_one_query(self, editor_a, comments, django_assert_num_queries):
        with django_assert_num_queries(1):
            visible = list(Comment.objects.moderatable_by(editor_a))
        assert set(visible) == set(comments["a"])

    def test_editor_of_two_organisations_sees_both(self, org_a, org_b, comments):
        from tests.factories import editor_of

        both = editor_of(org_a, org_b)
        assert set(Comment.objects.moderatable_by(both)) == set(comments["a"] + comments["b"])

    def test_writers_staff_anonymous_and_inactive_editors_see_nothing(self, writer_a, staff, editor_a, comments):
        from django.contrib.auth.models import AnonymousUser

        editor_a.is_active = False
        for user in (writer_a, staff, AnonymousUser(), editor_a):
            assert list(Comment.objects.moderatable_by(user)) == []

    def test_superuser_sees_all(self, superuser, comments):
        assert Comment.objects.moderatable_by(superuser).count() == 5

    def test_editors_hold_the_moderation_permission(self, editor_a, writer_a):
        # Editors hold blogs.moderate_comment through their organisation's editor group (provisioning).
        assert editor_a.has_perm("blogs.moderate_comment")
        assert not writer_a.has_perm("blogs.moderate_comment")


def test_report_button_is_offered_on_other_peoples_comments_only(staff, staff_client, post):
    own = CommentFactory(post=post, author=staff, body="Min egen kommentar")
    other = CommentFactory(post=post, body="Någon annans kommentar")
    html = staff_client.get(post.url).content.decode()
    own_article = html.split(f'id="kommentar-{own.pk}"')[1].split("</article>")[0]
    other_article = html.split(f'id="kommentar-{other.pk}"')[1].split("</article>")[0]
    # The buttons submit the page's one report form (with the CSRF token, outside the cached comments).
    assert 'form="kommentar-rapport"' not in own_article
    assert f'form="kommentar-rapport" name="comment" value="{other.pk}"' in other_article
    assert '<form id="kommentar-rapport" method="post"' in html


def test_new_and_hidden_comments_reach_cached_anonymous_pages(
    settings, staff, staff_client, post, editor_a, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from blogs import services

    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    anonymous = Client()
    assert "Nytt perspektiv" not in anonymous.get(post.url).content.decode()
    with_comment = anonymous.get(post.url)
    assert with_comment["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):  # the purge runs once the comment is committed
        staff_client.post(post.url, {"body": "Nytt perspektiv på robotarna"})
    assert "Nytt perspektiv" in anonymous.get(post.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.hide_comment(editor_a, Comment.objects.get(body__startswith="Nytt perspektiv"))
    assert "Nytt perspektiv" not in anonymous.get(post.url).content.decode()
    cache.clear()


class TestReadingScope:
    """Comment.objects.for_user: the shown comments on posts the user may read, plus what they may moderate."""

    @pytest.fixture
    def comments(self, space_a, space_b):
        public, staff_only = create_post(space_a), create_post(space_a, staff_only=True)
        draft, other = create_post(space_a, live=False), create_post(space_b)
        return {
            "public": CommentFactory(post=public),
            "hidden": CommentFactory(post=public, is_hidden=True),
            "staff_only": CommentFactory(post=staff_only),
            "draft": CommentFactory(post=draft),
            "other": CommentFactory(post=other),
            "other_hidden": CommentFactory(post=other, is_hidden=True),
        }

    def readable(self, user, comments):
        ids = set(Comment.objects.for_user(user).values_list("pk", flat=True))
        return {name for name, comment in comments.items() if comment.pk in ids}

    def test_anonymous_readers_get_shown_comments_on_public_live_posts(self, comments):
        from django.contrib.auth.models import AnonymousUser

        assert self.readable(AnonymousUser(), comments) == {"public", "other"}

    def test_staff_also_get_staff_only_posts(self, staff, comments):
        assert self.readable(staff, comments) == {"public", "staff_only", "other"}

    def test_editors_also_get_every_comment_they_may_moderate(self, editor_a, comments):
        assert self.readable(editor_a, comments) == {"public", "hidden", "staff_only", "draft", "other"}

    def test_superusers_get_everything(self, superuser, comments):
        assert self.readable(superuser, comments) == set(comments)

    def test_moderatable_comments_are_readable(self, editor_a, editor_b, comments):
        for user in (editor_a, editor_b):
            assert set(Comment.objects.moderatable_by(user)) <= set(Comment.objects.for_user(user))


def test_moderators_do_not_see_hidden_comments_on_the_post_page(client, editor_a, post):
    # They may read them (in the admin), but the post page shows what everyone sees.
    CommentFactory(post=post, body="Dold för alla läsare", is_hidden=True)
    client.force_login(editor_a)
    response = client.get(post.url)
    assert response.status_code == 200
    assert response.context["comment_count"] == 0
    assert "Dold för alla läsare" not in response.content.decode()
