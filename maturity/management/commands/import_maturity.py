"""manage.py import_maturity {responses,results,national} FILE [--confirm]: validated import of a CSV or XLSX file.

A file that would change a published round or replace earlier data is only checked, and what it would replace is
printed, unless --confirm is given (the admin asks the same question on its confirmation step)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from maturity.importers import (
    IMPORTERS,
    ImportFailed,
    check_import,
    needs_confirmation,
    replaced_data,
    replacement_lines,
    store_for_job,
)
from maturity.models import ImportJob


class Command(BaseCommand):
    help = (
        "Import maturity answers, aggregated results or national reference values from a CSV (comma or semicolon, "
        "UTF-8) or XLSX file. The whole file is checked first; nothing is stored if any row is wrong. A file that "
        "would change a published round or replace earlier data needs --confirm."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[str(kind) for kind in IMPORTERS])
        parser.add_argument("file", help="A .csv or .xlsx file.")
        parser.add_argument(
            "--confirm",
            action="store_true",
            help="Import even when the file changes a published round or replaces earlier data.",
        )

    def handle(self, *args, kind, file, confirm, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(_("The file could not be opened: %(error)s") % {"error": exc.strerror}) from None
        try:
            checked = check_import(kind, data, path.name)
        except ImportFailed as exc:
            lines = [_("Nothing was imported. %(count)s errors:") % {"count": exc.error_count}]
            for error in exc.errors:
                prefix = _("Row %(row)s") % {"row": error["row"]} if error["row"] else _("File")
                lines.append(f"{prefix}: {error['message']}")
            if exc.error_count > len(exc.errors):
                lines.append(_("… and %(count)s more.") % {"count": exc.error_count - len(exc.errors)})
            raise CommandError("\n".join(lines)) from None
        replaced = replaced_data(checked)
        if needs_confirmation(replaced) and not confirm:
            lines = [_("Nothing was imported. The file has no errors, but:")]
            lines += [f"- {line}" for line in replacement_lines(replaced)]
            lines.append(_("Run the command again with --confirm to import it."))
            raise CommandError("\n".join(lines))
        # Recorded like an upload, so the admin's import history lists it too.
        job = ImportJob(kind=kind, original_name=path.name, replaces=replaced, confirmed=confirm)
        report = store_for_job(job, checked)
        self.stdout.write(self.style.SUCCESS(report.summary))
