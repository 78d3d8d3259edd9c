"""manage.py bench_maturity_import: how fast 100,000 answer rows import (goal: well under 30 s on 2 cores).
Nothing is left in the database."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from maturity.bench_import import run


class Command(BaseCommand):
    help = "Generate an answers file (default 100,000 rows), import it in a rolled-back transaction and time it."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--format", dest="file_format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument(
            "--max-seconds", type=float, default=None, help="Exit with an error when the import takes longer."
        )

    def handle(self, *args, rows, file_format, max_seconds, **options):
        if rows < 1:
            raise CommandError(_("--rows must be at least 1."))
        result = run(rows=rows, file_format=file_format)
        self.stdout.write(
            f"maturity import: {result.rows} rows ({result.file_format}, {result.file_bytes / 1e6:.1f} MB, "
            f"{result.organisations} organisations) in {result.seconds:.2f} s = {result.rows_per_second:,.0f} rows/s"
        )
        if max_seconds is not None and result.seconds > max_seconds:
            raise CommandError(
                _("The import took %(seconds).2f s, more than --max-seconds %(limit)s.")
                % {"seconds": result.seconds, "limit": max_seconds}
            )
