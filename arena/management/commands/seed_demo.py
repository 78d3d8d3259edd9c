import os

from django.core.management.base import BaseCommand

from arena.demo.seed import seed

DEFAULT_DEMO_PASSWORD = "Arena-demo-2026"


class Command(BaseCommand):
    help = "Load Swedish demo content and one demo user per role. Safe to run again: nothing is duplicated."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=os.environ.get("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD),
            help="Password for new demo users (default: $DEMO_PASSWORD or %(default)s).",
        )

    def handle(self, *args, password, **options):
        result = seed(password, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demoinnehåll klart: {len(result['organisations'])} organisationer, "
                f"{len(result['users'])} demoanvändare."
            )
        )
        self.stdout.write("\nLogga in på http://127.0.0.1:8000/admin/ (eller /konto/login/) med:")
        for user in result["users"]:
            where = f" ({user.organisation})" if user.organisation else ""
            self.stdout.write(f"  {user.email:<42} {user.role}{where}")
        self.stdout.write(f"Lösenord för alla demoanvändare: {password}\n")
