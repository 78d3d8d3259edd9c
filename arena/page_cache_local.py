"""Copies of the hottest cache entries in each web process, dropped the moment any process purges.

A hit in arena.page_cache costs one Redis round trip, and on a busy host that round trip costs as much as all of
Django's own work for the request; a signed-in page reads several cached parts (its route, the site frame, its
fragments), each another round trip. The copies here answer a repeated read with no round trip at all:

- whole anonymous pages (arena.page_cache), whose keys stay the same across a purge;
- values under keys that name their content version (versioned_get, versioned_get_many, versioned_set): a fragment,
  the site frame, a page's route. Such a key never holds two different values, as whatever changes the content
  gives the next request a new key; only a Redis that lost its version keys (emptied, restarted) could bring an
  old key back, and the listener drops everything then (below).

They stay as correct as the Redis entries because every purge (arena.page_cache.purge, purge_urls) is also
published on a Redis channel, and a listener thread in each process drops all of its copies as soon as a message
arrives:

- Copies are kept and served only while the listener is subscribed. When its connection breaks it drops every copy
  and stops serving them, and after it has subscribed again (messages sent meanwhile are lost) it starts afresh.
- A copy is stored only if no purge arrived since the request read the entry from Redis (the epoch below), so an
  entry read just before a purge never outlives it here.
- The purging process drops its own copies at once, before it returns; other processes drop theirs when the
  message arrives, normally within a millisecond.
- Copies also expire after PAGE_CACHE_LOCAL_SECONDS, which bounds what a purge this cannot see would leave behind
  (someone flushing Redis by hand). 0 turns the copies off (the test settings do, except in the tests of this).

Only with the Redis cache: with the local-memory cache of a development machine every process has its own cache
anyway.
"""

import logging
import pickle
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache, caches

logger = logging.getLogger(__name__)

CHANNEL = "page-cache-purges"
RETRY_SECONDS = 1.0


class LocalCopies:
    def __init__(self):
        self._lock = threading.Lock()
        self._copies = OrderedDict()  # key -> (expires at, pickled response), least recently used first
        self._epoch = 0  # bumped by every drop: a read from Redis older than the last purge is not kept
        self._subscribed = False
        self._listener = None

    def serving(self):
        return self._subscribed and settings.PAGE_CACHE_LOCAL_SECONDS > 0

    def epoch(self):
        """Taken before reading from Redis and handed back to keep()."""
        if self._listener is None or not self._listener.is_alive():
            self._start_listener()
        return self._epoch

    def get(self, key):
        """A fresh copy (unpickled for this caller alone: callers change what they get) of the value under `key`, or
        None."""
        if not self.serving():
            return None
        with self._lock:
            found = self._copies.get(key)
            if found is None:
                return None
            expires, pickled = found
            if expires < time.monotonic():
                del self._copies[key]
                return None
            self._copies.move_to_end(key)
        return pickle.loads(pickled)  # noqa: S301 (our own entry, pickled by keep() in this process)

    def keep(self, key, value, epoch):
        """Keep a copy of `value` (just read from or written to Redis) unless a purge came in since `epoch`."""
        if not self.serving():
            return
        pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        lifetime = min(settings.PAGE_CACHE_LOCAL_SECONDS, settings.PAGE_CACHE_SECONDS)
        with self._lock:
            if epoch != self._epoch or not self._subscribed:
                return
            self._copies[key] = (time.monotonic() + lifetime, pickled)
            self._copies.move_to_end(key)
            while len(self._copies) > settings.PAGE_CACHE_LOCAL_ENTRIES:
                self._copies.popitem(last=False)

    def drop_all(self):
        with self._lock:
            self._copies.clear()
            self._epoch += 1

    def announce_purge(self):
        """Drop this process's copies and tell the other processes to drop theirs (called by every purge)."""
        self.drop_all()
        client = _redis()
        if client is None:
            return
        try:
            client.publish(_channel(client), b"")
        except Exception:  # Redis down: the purge itself failed too, and no process serves copies without Redis
            logger.warning("Could not announce a page cache purge", exc_info=True)

    def _start_listener(self):
        if settings.PAGE_CACHE_LOCAL_SECONDS <= 0 or _redis() is None:
            return
        with self._lock:
            if self._listener is not None and self._listener.is_alive():
                return
            self._listener = threading.Thread(target=self._listen, name="page-cache-purges", daemon=True)
            self._listener.start()

    def _listen(self):
        while True:
            try:
                self._listen_once()
            except Exception:
                logger.warning("Page cache purge listener lost Redis; retrying", exc_info=True)
            self._unsubscribed()
            time.sleep(RETRY_SECONDS)

    def _listen_once(self):
        client = _redis()
        pubsub = client.pubsub()
        try:
            pubsub.subscribe(_channel(client))
            while True:
                message = pubsub.get_message(timeout=RETRY_SECONDS)
                if message is None:
                    pubsub.ping()  # a dead connection shows up here rather than by silence
                    continue
                if message["type"] == "subscribe":
                    # Also after a reconnection inside redis-py: purges sent while it was away are lost.
                    self.drop_all()
                    self._subscribed = True
                elif message["type"] == "message":
                    self.drop_all()
        finally:
            pubsub.close()

    def _unsubscribed(self):
        self._subscribed = False
        self.drop_all()


def versioned_get(key):
    """cache.get(key) for a key that names its content version, from this process's copy when it has one."""
    value = copies.get(key)
    if value is None:
        epoch = copies.epoch()
        value = cache.get(key)
        if value is not None:
            copies.keep(key, value, epoch)
    return value


def versioned_get_many(keys):
    """cache.get_many(keys) for keys that name their content version: the copies, the rest in one round trip."""
    found = {}
    for key in keys:
        value = copies.get(key)
        if value is not None:
            found[key] = value
    missing = [key for key in keys if key not in found]
    if missing:
        epoch = copies.epoch()
        from_redis = cache.get_many(missing)
        for key, value in from_redis.items():
            copies.keep(key, value, epoch)
        found.update(from_redis)
    return found


def versioned_set(key, value, timeout):
    epoch = copies.epoch()
    cache.set(key, value, timeout)
    copies.keep(key, value, epoch)


def _redis():
    from django_redis import get_redis_connection
    from django_redis.cache import RedisCache

    if not isinstance(caches["default"], RedisCache):
        return None
    return get_redis_connection("default")


def _channel(client):
    # Channels are shared by all of a server's databases: the database number keeps two sites (or two test
    # processes) on one Redis from dropping each other's copies.
    return f"{cache.make_key(CHANNEL)}:{client.connection_pool.connection_kwargs.get('db', 0)}"


copies = LocalCopies()
