"""Cache answers read once per request (arena.request_memo): a signed-in page asks Redis a handful of times, not
once per fragment, and a purge during a request is seen by the rest of that request."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from redis.client import Redis
from wagtail.models import Site

from arena import page_cache, request_memo
from arena.demo.seed import ensure_home_page, seed_arena_pages
from tests.factories import UserFactory

pytestmark = [pytest.mark.usefixtures("caches_on"), pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture
def redis_commands(monkeypatch):
    """The commands sent to Redis (the real client still sends them)."""
    sent = []
    send = Redis.execute_command

    def counting(self, *args, **kwargs):
        sent.append(args[0])
        return send(self, *args, **kwargs)

    monkeypatch.setattr(Redis, "execute_command", counting)
    return sent


def within_a_request(function):
    middleware = request_memo.RequestMemoMiddleware(lambda request: function())
    return middleware(RequestFactory().get("/"))


def test_versions_are_read_once_per_request(redis_commands):
    def read_often():
        redis_commands.clear()
        generations = [page_cache.generation() for _ in range(5)]
        generations += [page_cache.generations("/bloggar/")[0] for _ in range(3)]
        return generations, list(redis_commands)

    generations, commands = within_a_request(read_often)
    assert len(set(generations)) == 1
    assert len(commands) == 2  # the versions together, then the path's generation


def test_a_purge_during_the_request_is_seen_by_the_rest_of_it():
    def purge_in_between():
        before = page_cache.generation()
        page_cache.purge()
        return before, page_cache.generation()

    before, after = within_a_request(purge_in_between)
    assert after != before
    assert after == cache.get(page_cache.GENERATION_KEY)


def test_nothing_is_remembered_outside_a_request():
    first = page_cache.generation()
    cache.set(page_cache.GENERATION_KEY, 12345, None)
    assert page_cache.generation() == 12345 != first


def test_a_signed_in_page_asks_redis_a_few_times(client, redis_commands):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    seed_arena_pages(home)
    client.force_login(UserFactory())
    assert client.get("/om/").status_code == 200
    redis_commands.clear()
    assert client.get("/om/").status_code == 200
    # The session, the versions, the route (site, page, restrictions), the user's rights, the frame: five or six.
    assert len(redis_commands) <= 7, redis_commands


def test_a_key_named_in_advance_comes_with_the_versions(redis_commands):
    def read():
        request_memo.also_fetch(page_cache._path_generation_key("/bloggar/"))  # as the page cache middleware does
        redis_commands.clear()
        page_cache.generation()
        page_cache.generations("/bloggar/")
        return list(redis_commands)

    assert within_a_request(read) == ["MGET"]
