"""Thin Celery tasks of change projects: load the project, call arena.projects.mails. Imported when arena is
ready (arena.projects.signals), so workers know them."""

from celery import shared_task

from arena import mail_delivery
from arena.models import ChangeProjectPage
from arena.projects import mails


@shared_task(bind=True, name="arena.projects.mail_proposal_to_editors")
def mail_proposal_to_editors(self, project_id):
    project = ChangeProjectPage.objects.select_related("owner").filter(pk=project_id).first()
    if project is None:
        return 0
    # One message to all editors, so a retry after a refusal sends nobody a copy twice.
    what = f"the proposal mail of project {project_id}"
    return mail_delivery.send_or_retry(self, lambda: mails.send_proposal_mail(project), what)


@shared_task(name="arena.projects.mail_project_update")
def mail_project_update(project_id):
    project = ChangeProjectPage.objects.filter(pk=project_id).first()
    return mails.send_update_mails(project) if project is not None else 0
