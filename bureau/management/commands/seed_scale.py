"""Build a data set of DESIGN.md §9 for benchmarks: bureau's part, then each centre's `scale.py`."""

import time
from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bureau import scale
from bureau.models import Department


class Command(BaseCommand):
    help = "Create a benchmark data set (DESIGN.md §9): tiny (tests), county or city. Use a database of its own."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=sorted(scale.PLANS), default="county")

    def handle(self, *args, size, **options):
        if Department.objects.filter(code__startswith=scale.CODE_PREFIX).exists():
            raise CommandError("This database already has a scale data set; build another one in a fresh database.")
        plan = scale.PLANS[size]
        writer = scale.ScaleWriter()
        started = time.perf_counter()
        built = {}
        with transaction.atomic():
            for config in apps.get_app_configs():
                if config.name == "bureau":
                    built["bureau"] = scale.build(plan, writer, self.stdout)
                    continue
                try:
                    module = import_module(f"{config.name}.scale")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.scale":
                        raise
                    continue
                built[config.label] = module.build(plan, writer, self.stdout, built)
            writer.finish()
        self.stdout.write(self.style.SUCCESS(f"{plan.name} data set built in {time.perf_counter() - started:.0f} s"))
