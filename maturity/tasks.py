"""Thin Celery tasks: load the import job and let the importers do the work."""

from celery import shared_task

from maturity.importers import run_job
from maturity.models import ImportJob


@shared_task
def run_import_job(job_id):
    # Claiming the job with a conditional update means a redelivered message never imports a file twice.
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.PENDING).update(
        status=ImportJob.Status.RUNNING
    )
    if claimed:
        run_job(ImportJob.objects.get(pk=job_id))
