"""Publishing a change project with a new entry in its update log mails its followers (through Celery, once the
publish has committed)."""

from django.db import transaction
from wagtail.signals import page_published

from arena.models import ChangeProjectPage
from arena.projects.tasks import mail_project_update
from arena.tasks import enqueue


def mail_followers_on_publish(sender, instance, **kwargs):
    project_id = instance.pk
    transaction.on_commit(lambda: enqueue(mail_project_update, project_id=project_id))


def connect():
    page_published.connect(mail_followers_on_publish, sender=ChangeProjectPage, dispatch_uid="project_update_mails")
