"""blogs.queries.closed_paths: the tree paths whose view restriction an audience does not pass, the one input of the
post visibility rule (posts_visible_to). Wagtail's rule: a login restriction passes any signed-in user, a groups
restriction its members and superusers, and a listing passes no password."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.cache import cache

from blogs.queries import closed_paths, posts_visible_to
from tests.blogs.factories import create_post, restrict
from tests.factories import SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(space_a, space_b):
    group = Group.objects.create(name="Projektgruppen")
    posts = {
        "login": create_post(space_a, "Internt"),
        "groups": create_post(space_a, "Projektgruppens"),
        "password": create_post(space_a, "Lösenordsskyddat"),
    }
    restrict(posts["login"], "login")
    restrict(posts["groups"], "groups", groups=[group])
    restrict(posts["password"], "password")
    create_post(space_a, "Öppet")
    return posts, group


def titles(user):
    return set(posts_visible_to(user).values_list("title", flat=True))


def test_each_audience_passes_what_wagtail_lets_it_see(restricted):
    _posts, group = restricted
    member = UserFactory()
    member.groups.add(group)
    assert titles(AnonymousUser()) == {"Öppet"}
    assert titles(UserFactory()) == {"Öppet", "Internt"}
    assert titles(member) == {"Öppet", "Internt", "Projektgruppens"}
    assert titles(SuperUserFactory()) == {"Öppet", "Internt", "Projektgruppens"}


def test_a_restricted_space_closes_its_posts_and_paths_below_it_are_left_out(restricted, space_a):
    posts, _group = restricted
    restrict(space_a, "groups", groups=[Group.objects.create(name="Ledningen")])
    assert closed_paths(UserFactory()) == [space_a.path]  # the post's own groups restriction lies below it
    assert titles(UserFactory()) == set()
    assert posts["groups"].path.startswith(space_a.path)


def test_no_restriction_no_filter(space_a):
    create_post(space_a, "Öppet")
    assert closed_paths(UserFactory()) == []
    assert "LIKE" not in str(posts_visible_to(UserFactory()).query)


@pytest.mark.redis
def test_cached_per_audience_until_a_restriction_changes(settings, space_a, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    try:
        post = create_post(space_a, "Snart begränsat")
        staff = UserFactory()
        assert closed_paths(staff) == []
        with django_assert_num_queries(0):
            assert closed_paths(staff) == []
        restrict(post, "groups", groups=[Group.objects.create(name="Projektgruppen")])
        assert closed_paths(staff) == [post.path]
        assert closed_paths(AnonymousUser()) == [post.path]
    finally:
        cache.clear()
