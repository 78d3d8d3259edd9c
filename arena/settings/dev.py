"""Local development and the `make run` demo: SQLite, memory cache and eager Celery unless env says otherwise."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
# A fixed key is fine here: dev settings never serve real users (production.py requires SECRET_KEY).
SECRET_KEY = env_str("SECRET_KEY", "") or "dev-only-insecure-key-for-kunskapsarenan-demo-content"
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
