"""Each web process's copies of the page cache's hottest entries (arena/page_cache_local.py), against real Redis:
a repeated hit is answered from the copy, and every purge (in this process or announced by another) drops it.
tests/arena/test_two_web_processes.py shows the same across two gunicorn processes."""

import time

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from arena import page_cache
from arena.page_cache_local import _channel, copies
from arena.search.counting import COUNT_HEADER
from arena.search.statistics import discard_pending_counts
from arena.tasks import flush_search_counts

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

URL = "/om-arenan/"


def wait_until(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the purge listener did not get there in time"
        time.sleep(0.01)


@pytest.fixture
def local_copies(settings):
    assert "RedisCache" in settings.CACHES["default"]["BACKEND"], "the copies need Redis (REDIS_URL)"
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_LOCAL_SECONDS = 30
    cache.clear()
    copies.drop_all()
    copies.epoch()  # starts this process's listener
    wait_until(copies.serving)
    yield
    copies.drop_all()
    cache.clear()


def forget_redis_entries():
    """Delete the Redis entries behind the page cache's back (no purge): only a process copy can still answer."""
    from django_redis import get_redis_connection

    keys = redis_keys(page_cache.ENTRY_PREFIX)
    assert keys
    get_redis_connection("default").delete(*keys)


def test_a_repeated_hit_is_answered_from_the_process_copy(client, local_copies, about_page):
    first = client.get(URL)
    assert first["X-Page-Cache"] == "miss"
    forget_redis_entries()
    second = client.get(URL)
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_publishing_in_this_process_drops_the_copy_at_once(client, local_copies, about_page):
    assert client.get(URL)["X-Page-Cache"] == "miss"
    about_page.intro = "Andra versionen"
    about_page.save_revision().publish()
    response = client.get(URL)  # no waiting: the purging process drops its own copies before it returns
    assert response["X-Page-Cache"] == "miss"
    assert "Andra versionen" in response.content.decode()


def test_a_purge_announced_by_another_process_drops_the_copy(client, local_copies, about_page):
    assert client.get(URL)["X-Page-Cache"] == "miss"
    forget_redis_entries()
    # Another process purges: its own client publishes on the channel; this process's listener hears it.
    other = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    epoch = copies.epoch()
    other.publish(_channel(other), b"")
    other.close()
    wait_until(lambda: copies.epoch() != epoch)
    assert client.get(URL)["X-Page-Cache"] == "miss"


def test_an_entry_read_before_a_purge_is_not_kept_after_it(local_copies):
    epoch = copies.epoch()  # a request reads the entry from Redis ...
    copies.drop_all()  # ... a purge arrives while it answers ...
    copies.keep("page-v2:x", HttpResponse("gammal"), epoch)  # ... and the old entry is not kept
    assert copies.get("page-v2:x") is None
    copies.keep("page-v2:x", HttpResponse("ny"), copies.epoch())
    assert copies.get("page-v2:x").content == b"ny"


def test_copies_expire(local_copies, settings):
    settings.PAGE_CACHE_LOCAL_SECONDS = 1
    copies.keep("page-v2:y", HttpResponse("kort"), copies.epoch())
    assert copies.get("page-v2:y") is not None
    time.sleep(1.1)
    assert copies.get("page-v2:y") is None


def test_a_process_keeps_at_most_the_configured_number(local_copies, settings):
    settings.PAGE_CACHE_LOCAL_ENTRIES = 2
    for name in ("a", "b", "c"):
        copies.keep(f"page-v2:{name}", HttpResponse(name), copies.epoch())
    assert copies.get("page-v2:a") is None  # the least recently used went
    assert copies.get("page-v2:c").content == b"c"


def test_each_hit_gets_its_own_response(local_copies):
    """The middleware sets headers on what it serves: that must never change the copy."""
    copies.keep("page-v2:z", HttpResponse("delad"), copies.epoch())
    served = copies.get("page-v2:z")
    served["X-Page-Cache"] = "hit"
    assert "X-Page-Cache" not in copies.get("page-v2:z")


def test_without_copies_configured_nothing_is_kept(client, local_copies, settings, about_page):
    settings.PAGE_CACHE_LOCAL_SECONDS = 0
    assert client.get(URL)["X-Page-Cache"] == "miss"
    forget_redis_entries()
    assert client.get(URL)["X-Page-Cache"] == "miss"


def test_a_search_answered_from_a_copy_is_counted(client, local_copies, about_page):
    discard_pending_counts()
    assert client.get("/sok/", {"q": "arenan"})["X-Page-Cache"] == "miss"
    forget_redis_entries()
    second = client.get("/sok/", {"q": "arenan"})
    assert second["X-Page-Cache"] == "hit"
    assert COUNT_HEADER not in second  # the counter's mark is taken off a copy too
    assert flush_search_counts() == 2


def redis_keys(*patterns):
    from django_redis import get_redis_connection

    client = get_redis_connection("default")
    return [key for pattern in patterns for key in client.scan_iter(match=f"*{pattern}*", count=1000)]


VERSIONED = ("site-frame:", "page-routing:route:", "page-routing:site:")


def test_a_signed_in_page_reads_its_versioned_parts_from_the_copies(client, local_copies, about_page, staff):
    client.force_login(staff)
    assert client.get(URL).status_code == 200  # computes the route and the site frame and stores them
    stored = redis_keys(*VERSIONED)
    assert len(stored) == 3
    from django_redis import get_redis_connection

    get_redis_connection("default").delete(*stored)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Första versionen" in response.content.decode()
    assert redis_keys(*VERSIONED) == []  # nothing was computed again: the copies answered

    about_page.intro = "Andra versionen"
    about_page.save_revision().publish()
    response = client.get(URL)
    assert "Andra versionen" in response.content.decode()
    assert len(redis_keys(*VERSIONED)) == 3  # a new content version: new keys, computed and stored afresh


def test_a_warm_signed_in_page_asks_redis_only_what_may_have_changed(client, local_copies, about_page, staff):
    from redis.client import Redis

    sent = []
    send = Redis.execute_command

    def counting(self, *args, **kwargs):
        sent.append(args)
        return send(self, *args, **kwargs)

    client.force_login(staff)
    for _ in range(2):
        assert client.get(URL).status_code == 200
    Redis.execute_command = counting
    try:
        assert client.get(URL).status_code == 200
    finally:
        Redis.execute_command = send
    # The session, the version keys with the path's generation, the user's rights, the site's special pages and
    # Wagtail's root paths: the route and the frame come from the copies.
    assert len(sent) <= 5, [args[:2] for args in sent]
    assert not [args for args in sent if any(prefix in str(args) for prefix in VERSIONED)]
