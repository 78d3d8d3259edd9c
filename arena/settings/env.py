"""Reading configuration from environment variables.

Every setting that differs between machines comes from the environment (see .env.example).
Errors are raised as ConfigurationError so manage.py and wsgi.py can report them in one line.
"""

import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on", "ja"}
FALSE_WORDS = {"0", "false", "no", "off", "nej", ""}


class ConfigurationError(ImproperlyConfigured):
    """The environment does not describe a working configuration."""


def env_str(name, default=None):
    return os.environ.get(name, default)


def env_required(name, why):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ConfigurationError(f"miljövariabeln {name} saknas ({why}).")
    return value


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigurationError(f"{name}={raw!r} är inte ett sant/falskt-värde (använd true eller false).")


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(f"{name}={raw!r} är inte ett heltal.") from None


def env_choice(name, choices, default):
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    if raw.strip() not in choices:
        raise ConfigurationError(f"{name}={raw!r} är inget av de tillåtna värdena: {', '.join(choices)}.")
    return raw.strip()


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_base_url(names, default):
    """The site's public address (scheme and host, optionally a port; no path), from the first of `names` that
    is set. Wagtail's Site stores only a host and a port and derives https from port 443, so https on another
    port cannot be represented and is refused here rather than producing http:// links."""
    name, raw = next(((name, os.environ[name]) for name in names if os.environ.get(name, "").strip()), (None, default))
    label = name or names[0]
    url = urlsplit(raw.strip())
    try:
        port = url.port
    except ValueError:
        raise ConfigurationError(f"{label}={raw!r} har en ogiltig port.") from None
    if url.scheme not in ("http", "https") or not url.hostname:
        raise ConfigurationError(f"{label}={raw!r} ska vara en adress som https://kunskapsarenan.goteborg.se.")
    if url.path.strip("/") or url.query or url.fragment:
        raise ConfigurationError(f"{label}={raw!r} ska vara bara schema och värd, utan sökväg.")
    if url.scheme == "https" and port not in (None, 443):
        raise ConfigurationError(f"{label}={raw!r}: https stöds bara på port 443.")
    default_port = 443 if url.scheme == "https" else 80
    netloc = url.hostname if port in (None, default_port) else f"{url.hostname}:{port}"
    return f"{url.scheme}://{netloc}"


# SQLite as a web server's database (the embedded default): several requests write at once, e.g. Wagtail's autosave
# and a writer's "submit for moderation". WAL lets readers work while one connection writes; IMMEDIATE takes the
# write lock when a transaction begins, so a transaction that reads and then writes waits for the lock (up to the
# busy timeout) instead of failing at once with "database is locked" when it tries to upgrade its read lock.
SQLITE_BUSY_TIMEOUT_SECONDS = 20


def sqlite_database(path):
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


def database_from_env(sqlite_path):
    """DATABASE_URL when set (PostgreSQL in production and CI), else a local SQLite file."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return sqlite_database(sqlite_path)
    scheme = url.split("://", 1)[0] if "://" in url else ""
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))
    except dj_database_url.UnknownSchemeError:
        raise ConfigurationError(
            f"DATABASE_URL har en okänd databastyp {scheme!r}; använd postgres://användare@värd:port/databas."
        ) from None
    except Exception:  # dj-database-url raises several types for malformed URLs
        raise ConfigurationError(
            "DATABASE_URL går inte att tolka; formen är postgres://användare:lösenord@värd:port/databas."
        ) from None
    if not config.get("ENGINE") or not config.get("NAME"):
        raise ConfigurationError("DATABASE_URL saknar databastyp eller databasnamn.")
    config["CONN_HEALTH_CHECKS"] = True
    return config
