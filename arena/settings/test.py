"""pytest: fast hashing, mail kept in memory, eager Celery. DATABASE_URL/REDIS_URL switch to real services."""

from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .env import env_str

SECRET_KEY = "test-only-key-not-secret-kunskapsarenan-0123456789abcdef"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = BASE_DIR / ".pytest_media"  # noqa: F405
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
# Tests count queries and assert on fresh renders; the page cache is tested on its own.
PAGE_CACHE_SECONDS = int(env_str("TEST_PAGE_CACHE_SECONDS", "0"))
# Tests reset the cache with cache.clear(), which no process copy hears of: copies only in their own tests
# (tests/arena/test_page_cache_local.py).
PAGE_CACHE_LOCAL_SECONDS = 0
# Searches reach the Redis counters at once, so a test sees each one (tests/arena/test_search_cache_and_counts.py
# holds them on purpose).
SEARCH_COUNTS_SEND_SECONDS = 0
# Tests never run collectstatic, so staticfiles/ does not exist: without a STATIC_ROOT, WhiteNoise does not look
# for it (and warn on every request). The live server serves static files from the finders.
STATIC_ROOT = None

# pytest-xdist runs the suite in several processes. Each gets its own Redis database, so one worker's
# cache.clear() (a FLUSHDB) never empties another's cache halfway through a test: REDIS_URL's database plus the
# worker's number (redis://…/4 gives gw0 database 4, gw1 database 5), so two runs side by side on one Redis stay
# apart when their REDIS_URLs are far enough apart. PostgreSQL is already separated: pytest-django gives every
# worker its own test database.
_XDIST_WORKER = env_str("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _XDIST_WORKER.startswith("gw"):  # noqa: F405
    _redis_url = urlsplit(REDIS_URL)  # noqa: F405
    _worker_db = int(_redis_url.path.strip("/") or 0) + int(_XDIST_WORKER[2:])
    _worker_redis_url = _redis_url._replace(path=f"/{_worker_db}").geturl()
    for _cache in CACHES.values():  # noqa: F405
        _cache["LOCATION"] = _worker_redis_url

# The test databases are thrown away after the run: PostgreSQL need not wait for the disk on every commit. Each
# transactional (browser) test ends with a flush of every table, and the suite commits thousands of times.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
