"""/healthz: is the database, the cache and the broker reachable? 503 when the database is not."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

OK = "ok"
ERROR = "error"


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return OK
    except Exception:
        return ERROR


def check_cache():
    try:
        # Bypass IGNORE_EXCEPTIONS: ask the client directly when the cache is django-redis.
        client = getattr(cache, "client", None)
        if client is not None:
            client.get_client(write=True).ping()
        else:
            cache.set("healthz", "1", 5)
            if cache.get("healthz") != "1":
                return ERROR
        return OK
    except Exception:
        return ERROR


def check_broker(app=None):
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    if app is None:
        from arena.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return OK
    except Exception:
        return ERROR


@never_cache
@require_GET
def healthz(request):
    checks = {"database": check_database(), "cache": check_cache(), "broker": check_broker()}
    healthy = checks["database"] == OK
    status = 200 if healthy else 503
    return JsonResponse({"status": OK if healthy else ERROR, **checks}, status=status)
