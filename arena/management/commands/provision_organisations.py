from django.core.management.base import BaseCommand

from arena.models import Organisation
from arena.provisioning import provision_organisation


class Command(BaseCommand):
    help = "Create or repair every organisation's collection, groups and app parts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these organisations (default: all).")

    def handle(self, *args, slugs, **options):
        organisations = Organisation.objects.all()
        if slugs:
            organisations = organisations.filter(slug__in=slugs)
        count = 0
        for organisation in organisations:
            provision_organisation(organisation)
            count += 1
        self.stdout.write(self.style.SUCCESS(f"{count} organisationer provisionerade."))
