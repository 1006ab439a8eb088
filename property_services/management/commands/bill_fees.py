"""`manage.py bill_fees --month YYYY-MM`: the month's room-based fees, the same billing as the page
and the beat job; prints one line (departments, total)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from property_services import rules
from property_services.services import fees


class Command(BaseCommand):
    help = "Bill a month's room-based fees for every department (safe to repeat)."

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="YYYY-MM, a month that has ended")

    def handle(self, *args, month, **options):
        translation.activate(settings.LANGUAGE_CODE)  # the bureau reads the line in its language
        try:
            run = fees.fee_month_bill(month=rules.month_parse(month), actor=None)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            _("%(month)s: %(departments)s departments, total %(total)s yuan")
            % {"month": run, "departments": run.departments, "total": run.total}
        )
