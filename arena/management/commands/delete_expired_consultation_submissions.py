"""Delete consultation answers whose retention time (CONSULTATION_RETENTION_DAYS after closing) has passed. Celery
beat runs the same every night; this is for running it by hand or from cron."""

from django.core.management.base import BaseCommand

from arena.consultations import services


class Command(BaseCommand):
    help = "Delete consultation answers kept longer than CONSULTATION_RETENTION_DAYS after the consultation closed."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only say how many answers would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            count = services.expired_submissions().count()
            self.stdout.write(f"{count} svar skulle raderas.")
            return
        count = services.delete_expired_submissions()
        self.stdout.write(f"{count} svar raderade.")
