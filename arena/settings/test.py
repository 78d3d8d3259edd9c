"""pytest: fast hashing, mail kept in memory, eager Celery. DATABASE_URL/REDIS_URL switch to real services."""

from .base import *  # noqa: F403
from .env import env_str

SECRET_KEY = "test-only-key-not-secret-kunskapsarenan-0123456789abcdef"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = BASE_DIR / ".pytest_media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
# Tests count queries and assert on fresh renders; the page cache is tested on its own.
PAGE_CACHE_SECONDS = int(env_str("TEST_PAGE_CACHE_SECONDS", "0"))
