"""The Celery application. Tasks live in each app's tasks.py and are found by autodiscovery."""

from celery import Celery

# No default DJANGO_SETTINGS_MODULE here: this module is imported by every entry point (manage.py
# defaults to dev, wsgi.py to production), so workers set it explicitly (see docker-compose.yml).

app = Celery("arena")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# arena's features keep their tasks beside their rules (arena/<feature>/tasks.py).
app.autodiscover_tasks(["arena.consultations"])
