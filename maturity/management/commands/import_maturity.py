"""manage.py import_maturity {responses,results,national} FILE: validated import of a CSV or XLSX file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from maturity.importers import IMPORTERS, ImportFailed, run_import


class Command(BaseCommand):
    help = (
        "Import maturity answers, aggregated results or national reference values from a CSV (comma or semicolon, "
        "UTF-8) or XLSX file. The whole file is checked first; nothing is stored if any row is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[str(kind) for kind in IMPORTERS])
        parser.add_argument("file", help="A .csv or .xlsx file.")

    def handle(self, *args, kind, file, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(_("The file could not be opened: %(error)s") % {"error": exc.strerror}) from None
        try:
            report = run_import(kind, data, path.name)
        except ImportFailed as exc:
            lines = [_("Nothing was imported. %(count)s errors:") % {"count": exc.error_count}]
            for error in exc.errors:
                prefix = _("Row %(row)s") % {"row": error["row"]} if error["row"] else _("File")
                lines.append(f"{prefix}: {error['message']}")
            if exc.error_count > len(exc.errors):
                lines.append(_("… and %(count)s more.") % {"count": exc.error_count - len(exc.errors)})
            raise CommandError("\n".join(lines)) from None
        self.stdout.write(self.style.SUCCESS(report.summary))
