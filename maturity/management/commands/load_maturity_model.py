"""manage.py load_maturity_model FILE: create or update a maturity model from a YAML or JSON file."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from maturity.loader import ModelFileError, load_model_file


class Command(BaseCommand):
    help = "Load or update a maturity model from a YAML or JSON file (format: maturity/model_files/README.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .yaml, .yml or .json model file.")

    def handle(self, *args, file, **options):
        try:
            result = load_model_file(file)
        except ModelFileError as exc:
            raise CommandError("\n".join([_("The model was not loaded:"), *exc.errors])) from None
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        message = _("Created %(model)s") if result.created else _("Updated %(model)s")
        self.stdout.write(
            self.style.SUCCESS(
                (message + ": " + _("%(dimensions)s dimensions, %(categories)s categories, %(questions)s questions."))
                % {"model": result.model, **result.counts}
            )
        )
        if result.recomputed:
            self.stdout.write(
                _("Scores recomputed for: %(rounds)s.") % {"rounds": ", ".join(str(r) for r in result.recomputed)}
            )
