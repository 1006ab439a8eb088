"""Build the demo data set: bureau first, then each centre's `demo.seed()` where it has one."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bureau import demo


class Command(BaseCommand):
    help = "Create the demo data for 中方县 (idempotent) and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("DEBUG is off: this looks like production. Add --force to seed demo data anyway.")
        users = demo.seed(stdout=self.stdout)
        for config in apps.get_app_configs():
            if config.name == "bureau":
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"\nDemo logins (password for all: {demo.DEMO_PASSWORD}):"))
        for username, full_name, role, department in users:
            self.stdout.write(f"  {username:<10} {full_name:<6} {role:<8} {department}")
