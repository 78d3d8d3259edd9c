from django.core.management.base import BaseCommand

from arena.translation_gaps import missing_messages


class Command(BaseCommand):
    help = (
        "List the messages of Wagtail and the other packages we use that have no translation, as .po entries to "
        "translate in locale_packages/<language>/LC_MESSAGES/<domain>.po."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", default=None, help="Language code (default: LANGUAGE_CODE).")

    def handle(self, *args, locale, **options):
        missing = missing_messages(locale)
        for domain in sorted({domain for domain, _message in missing}):
            self.stdout.write(f"# --- {domain}.po\n")
            for message_domain, message in missing:
                if message_domain == domain:
                    self.stdout.write(message.as_po() + "\n\n")
        self.stderr.write(f"{len(missing)} meddelanden saknar översättning.")
