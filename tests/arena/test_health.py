import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


@pytest.mark.django_db
def test_healthz_reports_database_cache_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["cache"] == "ok"
    assert body["broker"] in {"ok", "eager"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_reports_a_cache_outage_without_failing(client):
    down = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": UNREACHABLE_REDIS,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
    with override_settings(CACHES={"default": down, "renditions": down}):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["cache"] == "error"
    assert response.json()["database"] == "ok"


@pytest.mark.redis
@pytest.mark.django_db
def test_healthz_sees_the_real_redis_broker(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    assert client.get("/healthz").json()["broker"] == "ok"


@pytest.mark.django_db
def test_broker_check_reports_an_unreachable_broker(settings):
    from celery import Celery

    from arena.views.health import check_broker

    settings.CELERY_TASK_ALWAYS_EAGER = False
    # A separate app (not made current) so the project's own Celery app is left untouched.
    app = Celery("healthz-test", broker=UNREACHABLE_REDIS, set_as_current=False)
    try:
        assert check_broker(app) == "error"
    finally:
        app.close()


def test_healthz_answers_503_when_the_database_is_down(tmp_path):
    # A real outage: the process is pointed at a database that cannot be opened.
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client(HTTP_HOST='localhost').get('/healthz');"
        "print(r.status_code, r.json()['database'])"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "arena.settings.test"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/missing-dir/db.sqlite3"
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["503", "error"], result.stderr
