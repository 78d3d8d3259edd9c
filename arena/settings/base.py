"""Settings shared by every environment. Values that differ between machines come from env.py."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .env import database_from_env, env_base_url, env_bool, env_choice, env_int, env_list, env_str
from .security_headers import admin_policy, origins, permissions_policy, public_policy

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "arena",
    "blogs",
    "conferences",
    "maturity",
    "csp",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.mfa",
    "allauth.socialaccount.providers.openid_connect",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "arena.request_memo.RequestMemoMiddleware",  # cache answers read once per request
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so searches it answers are counted too (arena/search/counting.py).
    "arena.search.counting.SearchCountMiddleware",
    "arena.page_cache.AnonymousPageCacheMiddleware",
    # Inside the page cache: a cached page is stored with its policy headers, so a hit does not build them again
    # (the policies are the same for every anonymous page, and a page's HTML and its CSP stay together).
    "arena.csp.AreaCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "arena.csrf.OriginCheckedFormsMiddleware",  # anonymous forms on cached pages: see arena/csrf.py
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "arena.admin_access.AdminAccessDeniedMiddleware",
    "arena.mfa_policy.MFASetUpRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "arena.page_routing.CachedSiteMiddleware",
]

ROOT_URLCONF = "arena.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "arena.wsgi.application"

DATABASES = {"default": database_from_env(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USING_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

# Cache: Redis when REDIS_URL is set, otherwise memory. IGNORE_EXCEPTIONS keeps pages answering
# (uncached) while Redis is down instead of turning every view into a 500.
REDIS_URL = env_str("REDIS_URL", "").strip()
if REDIS_URL:
    _redis_options = {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 1,
        "SOCKET_TIMEOUT": 1,
    }
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "arena",
            "OPTIONS": _redis_options,
        },
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "renditions",
            "TIMEOUT": 60 * 60 * 24,
            "OPTIONS": _redis_options,
        },
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "arena"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
        },
    }

# How long anonymous page responses stay in the cache; publishing anything clears them.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Each web process's copies of the page cache's hottest entries (arena/page_cache_local.py): how long a copy is kept
# at most (0: no copies) and how many a process keeps (about 30 KB each).
PAGE_CACHE_LOCAL_SECONDS = env_int("PAGE_CACHE_LOCAL_SECONDS", 10)
PAGE_CACHE_LOCAL_ENTRIES = env_int("PAGE_CACHE_LOCAL_ENTRIES", 500)

# Sessions are written to the database and to the cache, and read from the cache: a logged-in request costs no
# session query, logins survive a cache outage (the database copy is read then) and web processes stay stateless.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Celery: Redis as broker when configured; otherwise tasks run in-process so one command runs the demo.
# "memory://localhost/" rather than "memory://": kombu warns on every task when the URL names no host.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL or "memory://localhost/")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not (REDIS_URL or env_str("CELERY_BROKER_URL")))
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Europe/Stockholm"
# Fail fast when the broker is down; arena.tasks.enqueue then does the work in the request instead.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {"task": "arena.tasks.publish_scheduled_pages", "schedule": 60.0},
    "clear-expired-sessions": {"task": "arena.tasks.clear_expired_sessions", "schedule": 60.0 * 60 * 24},
    "delete-old-form-submissions": {"task": "arena.tasks.delete_old_form_submissions", "schedule": 60.0 * 60 * 24},
    "delete-expired-consultation-submissions": {
        "task": "arena.consultations.tasks.delete_expired_consultation_submissions",
        "schedule": 60.0 * 60 * 24,
    },
    # Hourly, so a worker that was down at one hour still reminds the conference's attendees the day before.
    "send-registration-reminders": {"task": "conferences.tasks.send_registration_reminders", "schedule": 60.0 * 60},
    # Searches are counted in Redis and moved into the editors' statistics here (and when a report is opened).
    "flush-search-counts": {"task": "arena.tasks.flush_search_counts", "schedule": 60.0 * 5},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# django-allauth: e-mail login, rate-limited (allauth keeps the counters in the cache).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ALLOW_SIGNUPS = env_bool("ACCOUNT_ALLOW_SIGNUPS", False)
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_RATE_LIMIT", "10/m/ip,5/5m/key"),
    "reset_password": "20/m/ip,5/m/key",
}
# Whose address a limit counts (failed logins above, consultation answers): behind a reverse proxy every request
# comes from the proxy, so one visitor's failed logins would lock everyone out. TRUSTED_PROXY_COUNT=N takes the Nth
# address from the right of X-Forwarded-For (with one proxy that appends the address it saw, N=1); or
# TRUSTED_CLIENT_IP_HEADER names a header the proxy sets (e.g. X-Real-IP). 0 and empty (default): the connection's
# own address, for a site that no proxy fronts, where X-Forwarded-For is whatever the client made up.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER", "").strip()
ACCOUNT_ADAPTER = "arena.accounts.ArenaAccountAdapter"
ACCOUNT_FORMS = {"login": "arena.account_forms.ArenaLoginForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kunskapsarenan] "
SOCIALACCOUNT_ADAPTER = "arena.accounts.ArenaSocialAccountAdapter"
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_STORE_TOKENS = False

# Two-factor authentication (allauth.mfa): an authenticator app (TOTP) with recovery codes. Whoever can reach the
# admin and logs in with a password must set it up before anything else (arena/mfa_policy.py); single sign-on
# logins rely on the identity provider's.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kunskapsarenan"
# allauth refuses TOTP while an address is unverified, against someone who signs up with another's address. Here
# sign-up is closed and addresses are never verified (ACCOUNT_EMAIL_VERIFICATION = "none"): the check would only
# lock an editor who added a second address out of the set-up the admin demands.
MFA_ALLOW_UNVERIFIED_EMAIL = True

# OpenID Connect single sign-on (e.g. the city's Entra ID), switched on by environment alone.
OIDC_CLIENT_ID = env_str("OIDC_CLIENT_ID", "").strip()
SOCIALACCOUNT_PROVIDERS = {}
if OIDC_CLIENT_ID:
    from .env import env_required

    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": env_str("OIDC_PROVIDER_ID", "stadens-sso"),
                "name": env_str("OIDC_PROVIDER_NAME", "Logga in med stadens konto"),
                "client_id": OIDC_CLIENT_ID,
                "secret": env_required("OIDC_CLIENT_SECRET", "krävs när OIDC_CLIENT_ID är satt"),
                "settings": {
                    "server_url": env_required("OIDC_SERVER_URL", "krävs när OIDC_CLIENT_ID är satt"),
                },
            }
        ],
        "OAUTH_PKCE_ENABLED": True,
    }
    SOCIALACCOUNT_AUTO_SIGNUP = True
    SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
    SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish"))]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
# Ours first, then the Swedish for package strings whose own catalogues lack it (see README, "Translations"):
# both come before the packages' catalogues, and ours wins where the two share a message.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_packages"]

STATIC_URL = "/static/"
# Where collectstatic gathers the static files that WhiteNoise serves (the image build uses the default).
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Let Django itself serve uploaded files (fine for one server; off when S3 or a web server does it).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: Wagtail checks type and size of images and documents with these limits.
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 20)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = MAX_UPLOAD_MB * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "arena.image_forms.ArenaImageForm"
# 80 million pixels (e.g. 10000×8000) stays below Pillow's own decompression-bomb warning at 89 million.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 80_000_000
# The material library (arena/library): the arena's document model and admin form. Uploads are checked by content,
# not by name (arena/library/validation.py); the extensions below are only the first gate.
WAGTAILDOCS_DOCUMENT_MODEL = "arena.ArenaDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "arena.library.forms.ArenaDocumentForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp"]
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 25) * 1024 * 1024
# Office files are zip archives: what one may hold once unpacked, and in how many parts, before it counts as a bomb.
DOCUMENT_MAX_UNPACKED_BYTES = env_int("DOCUMENT_MAX_UNPACKED_MB", 200) * 1024 * 1024
DOCUMENT_MAX_ARCHIVE_ENTRIES = 5000
DOCUMENT_MAX_COMPRESSION_RATIO = 100
WAGTAILDOCS_SERVE_METHOD = "serve_view"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Kunskapsarenan <noreply@kunskapsarenan.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds to wait for the SMTP server; without a limit a server that never answers would hold a worker forever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
# Mail the SMTP server cannot take now is sent again by Celery (arena.mail_delivery): first after
# MAIL_RETRY_BACKOFF_SECONDS, then twice as long each time, up to MAIL_MAX_RETRIES more attempts (defaults: about
# three hours in all). The longest wait stays under the Redis broker's one-hour visibility timeout, after which a
# task still waiting would be delivered a second time.
MAIL_RETRY_BACKOFF_SECONDS = env_int("MAIL_RETRY_BACKOFF_SECONDS", 60)
MAIL_RETRY_BACKOFF_MAX_SECONDS = 30 * 60
MAIL_MAX_RETRIES = env_int("MAIL_MAX_RETRIES", 10)

# Wagtail
WAGTAIL_SITE_NAME = "Kunskapsarenan"
# The one public address of the site. Every absolute link (feeds, sitemap, API, e-mails, calendar files, Open Graph)
# is built from it, never from the request's Host header, and the default Wagtail Site is kept in step with it on
# every migrate and seed_demo (arena.site_url). WAGTAILADMIN_BASE_URL is still read for older environments.
PUBLIC_BASE_URL = env_base_url(["PUBLIC_BASE_URL", "WAGTAILADMIN_BASE_URL"], "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
# One login for the site and the admin: allauth's, which is rate-limited and offers SSO.
WAGTAILADMIN_LOGIN_URL = "/konto/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/konto/login/"
WAGTAIL_I18N_ENABLED = False
# ASCII addresses (så gick införandet → sa-gick-inforandet), for pages and tags alike (arena/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
# One time zone for everyone in the admin: Wagtail otherwise lets each user pick their own and reads the times they
# type in it, so an organiser set to New York typing 09:00 for a session (under "Time (Europe/Stockholm)") would
# store 15:00 Swedish time. With a single zone the choice disappears from the account settings.
WAGTAIL_USER_TIME_ZONES = ["Europe/Stockholm"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
# How long a process holds the searches it counted before adding them to Redis in one round trip
# (arena.search.statistics): editors' reports lag by at most this much from what other processes hold.
SEARCH_COUNTS_SEND_SECONDS = env_int("SEARCH_COUNTS_SEND_SECONDS", 2)

WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL's Swedish snowball config stems "digitaliseringen" to match "digitalisering".
        "SEARCH_CONFIG": "swedish",
        "AUTOCOMPLETE_SEARCH_CONFIG": "simple",
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_MODERATION_ENABLED = True
# GDPR: form submissions (e.g. accessibility reports) are deleted after this many days.
FORM_SUBMISSION_RETENTION_DAYS = env_int("FORM_SUBMISSION_RETENTION_DAYS", 365)
# Consultations (/inspel/) keep their answers this many days after the consultation closed, then delete them.
CONSULTATION_RETENTION_DAYS = env_int("CONSULTATION_RETENTION_DAYS", 365)
# At most this many answers per client (IP address) and consultation in this many minutes.
CONSULTATION_RATE_LIMIT = env_int("CONSULTATION_RATE_LIMIT", 5)
CONSULTATION_RATE_LIMIT_MINUTES = env_int("CONSULTATION_RATE_LIMIT_MINUTES", 10)
# At most this many change-project proposals per person in this many minutes (each one e-mails every arena editor).
PROPOSAL_RATE_LIMIT = env_int("PROPOSAL_RATE_LIMIT", 5)
PROPOSAL_RATE_LIMIT_MINUTES = env_int("PROPOSAL_RATE_LIMIT_MINUTES", 24 * 60)
# Conference recordings uploaded to the site (a one-hour 720p talk is well under 1 GB).
RECORDING_MAX_UPLOAD_BYTES = env_int("RECORDING_MAX_UPLOAD_MB", 2048) * 1024 * 1024

# Open data (/oppna-data/): the licence of every dataset, and the publisher and contact point named in its
# DCAT-AP-SE catalogue (without an e-mail address the contact point is the landing page).
OPEN_DATA_LICENSE = env_choice("OPEN_DATA_LICENSE", ("CC0", "CC-BY-4.0"), "CC0")
OPEN_DATA_PUBLISHER = env_str("OPEN_DATA_PUBLISHER", "Göteborgs Stad")
OPEN_DATA_CONTACT_EMAIL = env_str("OPEN_DATA_CONTACT_EMAIL", "")

REST_FRAMEWORK = {"DEFAULT_THROTTLE_RATES": {}}
WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy and Permissions-Policy (arena/settings/security_headers.py, README "Security headers").
# CSP_MEDIA_ORIGINS: other origins that serve images, video and caption files (a CDN); CSP_EMBED_ORIGINS: the video
# players that video blocks embed. production.py adds the S3 media host and upgrade-insecure-requests.
CSP_MEDIA_ORIGINS = origins(env_list("CSP_MEDIA_ORIGINS"), "CSP_MEDIA_ORIGINS")
CSP_EMBED_ORIGINS = origins(
    env_list(
        "CSP_EMBED_ORIGINS", ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    ),
    "CSP_EMBED_ORIGINS",
)
CSP_FORM_ORIGINS = origins([env_str("OIDC_SERVER_URL", "")] if OIDC_CLIENT_ID else [], "OIDC_SERVER_URL")
CONTENT_SECURITY_POLICY = public_policy(CSP_MEDIA_ORIGINS, CSP_EMBED_ORIGINS, CSP_FORM_ORIGINS)
ADMIN_CONTENT_SECURITY_POLICY = admin_policy(CONTENT_SECURITY_POLICY)
PERMISSIONS_POLICY = permissions_policy(CSP_EMBED_ORIGINS)
# Wagtail would load editors' avatars from gravatar.com, telling it who opens the admin: its default icon instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django_redis": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
