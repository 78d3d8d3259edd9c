"""The start page's sections are cached as HTML fragments (arena.home_sections), per audience where they depend on
what the visitor may read: staff-only and group-restricted posts never reach another audience through the cache,
and publishing a post or writing a comment shows on the start page at once for everyone."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from blogs.services import add_comment
from tests.blogs.factories import create_post, restrict
from tests.factories import UserFactory

pytestmark = [pytest.mark.usefixtures("caches_on"), pytest.mark.django_db, pytest.mark.redis]


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def start_page(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_staff_only_posts_never_reach_anonymous_visitors(space_a):
    create_post(space_a, title="Öppet inlägg")
    create_post(space_a, title="Internt inlägg", staff_only=True)
    assert "Internt inlägg" in start_page(signed_in(UserFactory()))
    anonymous = start_page(Client())
    assert "Öppet inlägg" in anonymous
    assert "Internt inlägg" not in anonymous


def test_group_restricted_posts_reach_only_the_groups_members(space_a):
    create_post(space_a, title="Öppet inlägg")
    secret = create_post(space_a, title="Bara för projektgruppen")
    group = Group.objects.create(name="Projektgruppen")
    restrict(secret, "groups", groups=[group])
    member = UserFactory()
    member.groups.add(group)
    assert "Bara för projektgruppen" in start_page(signed_in(member))
    other = start_page(signed_in(UserFactory()))
    assert "Öppet inlägg" in other
    assert "Bara för projektgruppen" not in other
    assert "Bara för projektgruppen" not in start_page(Client())


def test_a_user_added_to_a_group_sees_its_posts_at_once(space_a):
    secret = create_post(space_a, title="Bara för projektgruppen")
    group = Group.objects.create(name="Projektgruppen")
    restrict(secret, "groups", groups=[group])
    user = UserFactory()
    client = signed_in(user)
    assert "Bara för projektgruppen" not in start_page(client)
    user.groups.add(group)
    assert "Bara för projektgruppen" in start_page(client)


def test_a_published_post_shows_at_once_for_everyone(space_a):
    create_post(space_a, title="Första inlägget")
    staff, anonymous = signed_in(UserFactory()), Client()
    start_page(staff), start_page(anonymous)
    create_post(space_a, title="Nytt inlägg om AI")
    assert "Nytt inlägg om AI" in start_page(staff)
    assert "Nytt inlägg om AI" in start_page(anonymous)


def test_a_new_comment_counts_at_once(space_a, django_capture_on_commit_callbacks):
    post = create_post(space_a, title="Inlägg att kommentera")
    reader = UserFactory()
    staff = signed_in(reader)
    assert "0 kommentarer" in start_page(staff)
    with django_capture_on_commit_callbacks(execute=True):  # the purge waits for the comment's commit
        add_comment(reader, post, "Bra skrivet!")
    assert "1 kommentar" in start_page(staff)


def test_a_staff_members_start_page_costs_few_queries_however_many_posts(space_a, django_assert_max_num_queries):
    create_post(space_a)
    staff = signed_in(UserFactory())
    start_page(staff)
    with django_assert_max_num_queries(8) as few:
        start_page(staff)
    queries = len(few)  # now: the next request empties Django's query log
    for _ in range(8):
        create_post(space_a)
    start_page(staff)  # publishing purged the fragments: the first visit renders them again
    with django_assert_max_num_queries(queries):
        start_page(staff)
