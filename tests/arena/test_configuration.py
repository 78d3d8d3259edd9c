"""Bad configuration stops start-up with one Swedish line, never a traceback."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean_env, capture_output=True, text=True, timeout=120
    )


def assert_one_line_error(result, expected):
    assert result.returncode != 0
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Konfigurationsfel:")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_production_without_secret_key_stops_with_one_line():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="arena.settings.production", ALLOWED_HOSTS="arena.example.se")
    assert_one_line_error(result, "SECRET_KEY")


def test_production_without_allowed_hosts_stops_with_one_line():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="arena.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="",
    )
    assert_one_line_error(result, "ALLOWED_HOSTS")


@pytest.mark.parametrize(
    ("url", "expected"),
    [("postgres://host:notaport/db", "går inte att tolka"), ("mongodb://host/db", "okänd databastyp")],
)
def test_malformed_database_url_stops_with_one_line(url, expected):
    result = run_manage("check", DJANGO_SETTINGS_MODULE="arena.settings.dev", DATABASE_URL=url)
    assert_one_line_error(result, expected)


def test_bad_boolean_is_explained():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="arena.settings.dev", DEBUG="kanske")
    assert_one_line_error(result, "DEBUG")


def test_an_unknown_open_data_licence_is_refused():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="arena.settings.dev", OPEN_DATA_LICENSE="GPL")
    assert_one_line_error(result, "OPEN_DATA_LICENSE")


def test_sso_needs_secret_and_server_when_client_id_is_set():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="arena.settings.dev", OIDC_CLIENT_ID="arena")
    assert_one_line_error(result, "OIDC_CLIENT_SECRET")


def test_production_passes_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="arena.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="arena.example.se",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_wsgi_refuses_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run(
        [sys.executable, "-c", "import arena.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 4
    assert result.stderr.strip().startswith("Konfigurationsfel:")
    assert "Traceback" not in result.stderr


def test_s3_media_storage_is_switched_on_by_environment():
    script = (
        "import django; django.setup();"
        "from django.core.files.storage import default_storage;"
        "default_storage._setup();"
        "print(type(default_storage._wrapped).__name__, default_storage.bucket_name, default_storage.endpoint_url)"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="arena.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="arena.example.se",
        AWS_STORAGE_BUCKET_NAME="arena-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.se",
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["S3Storage", "arena-media", "https://s3.example.se"], result.stderr
