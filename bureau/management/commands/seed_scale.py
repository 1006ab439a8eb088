"""Build a data set of DESIGN.md §9 for benchmarks: bureau's part, then each centre's `scale.py`."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bureau import scale
from bureau.models import Department


class Command(BaseCommand):
    help = "Create a benchmark data set (DESIGN.md §9): tiny (tests), county or city. Use a database of its own."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=list(scale.PLANS), default="county")
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, size, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("DEBUG is off: this looks like production. Add --force to add made-up rows anyway.")
        if Department.objects.filter(code__startswith=scale.CODE_PREFIX).exists():
            raise CommandError("This database already has a scale data set; build another one in a fresh database.")
        plan = scale.PLANS[size]
        started = time.perf_counter()
        scale.build_all(plan, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"{plan.name} data set built in {time.perf_counter() - started:.0f} s"))
