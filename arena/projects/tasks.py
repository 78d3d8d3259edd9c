"""Thin Celery tasks of change projects: load the project, call arena.projects.mails. Imported when arena is
ready (arena.projects.signals), so workers know them."""

from celery import shared_task

from arena.models import ChangeProjectPage
from arena.projects import mails


@shared_task(name="arena.projects.mail_proposal_to_editors")
def mail_proposal_to_editors(project_id):
    project = ChangeProjectPage.objects.select_related("owner").filter(pk=project_id).first()
    return mails.send_proposal_mail(project) if project is not None else 0


@shared_task(name="arena.projects.mail_project_update")
def mail_project_update(project_id):
    project = ChangeProjectPage.objects.filter(pk=project_id).first()
    return mails.send_update_mails(project) if project is not None else 0
