"""The office standard in force: 党政机关办公用房建设标准 (发改投资〔2014〕2674号, in force from
2014-11-27), usable office area per person at county level. The 1999 standard's smaller figures
(20/12/9/6 m²) are superseded and not loaded."""

import datetime
from decimal import Decimal

from django.db import migrations

SOURCE = "党政机关办公用房建设标准（发改投资〔2014〕2674号）县级机关"
VALID_FROM = datetime.date(2014, 11, 27)
# rank → usable m² per person (county level): 县级正职 30, 县级副职 24, 正科 18, 副科 12, 科级以下 9.
AREAS = {
    "principal": Decimal("30"),
    "deputy": Decimal("24"),
    "section_chief": Decimal("18"),
    "deputy_section_chief": Decimal("12"),
    "below_section": Decimal("9"),
}


def seed(apps, schema_editor):
    from django.utils import timezone

    OfficeStandard = apps.get_model("property_services", "OfficeStandard")
    Historical = apps.get_model("property_services", "HistoricalOfficeStandard")
    now = timezone.now()
    for rank, area in AREAS.items():
        standard, created = OfficeStandard.objects.get_or_create(
            rank=rank, valid_from=VALID_FROM, defaults={"area_per_person": area, "source": SOURCE}
        )
        if created:  # its creation history row, as a save would have written
            Historical.objects.create(
                id=standard.pk,
                rank=rank,
                area_per_person=area,
                valid_from=VALID_FROM,
                source=SOURCE,
                created_at=standard.created_at,
                updated_at=standard.updated_at,
                history_date=now,
                history_type="+",
                history_change_reason="发改投资〔2014〕2674号",
            )


def unseed(apps, schema_editor):
    apps.get_model("property_services", "OfficeStandard").objects.filter(valid_from=VALID_FROM, source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("property_services", "0006_office_space_and_conduct")]

    operations = [migrations.RunPython(seed, unseed)]
