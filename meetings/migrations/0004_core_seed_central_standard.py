"""Seed the central meeting standard 财行〔2016〕214号 (in force from 2016-07-01).

Quota per person-day (lodging / meals / other): 一类 500/150/110 = 760, 二类 400/150/100 = 650,
三类、四类 340/130/80 = 550. Limits: 214号 leaves the days and size of 一类 meetings to the approving
document; 二、三、四类 meetings last at most 2 days; 二类 ≤ 300 participants, 三类 ≤ 150, 四类 ≤ 50.
The 一类 day limit (4) and the staff shares are this project's configured defaults (see the report);
a county edits them in the admin or loads its province's table as a new dated standard.
"""

import datetime
from decimal import Decimal

from django.db import migrations

DOCUMENT = "财行〔2016〕214号《中央和国家机关会议费管理办法》"
VALID_FROM = datetime.date(2016, 7, 1)
# category: (lodging, meals, other, max_days, max_attendees, max_staff_ratio %)
CENTRAL_2016 = {
    "1": (500, 150, 110, 4, None, 10),
    "2": (400, 150, 100, 2, 300, 10),
    "3": (340, 130, 80, 2, 150, 10),
    "4": (340, 130, 80, 2, 50, 15),
}


def seed(apps, schema_editor):
    from django.utils import timezone

    MeetingStandard = apps.get_model("meetings", "MeetingStandard")
    HistoricalMeetingStandard = apps.get_model("meetings", "HistoricalMeetingStandard")
    for category, (lodging, meals, other, days, attendees, staff) in CENTRAL_2016.items():
        standard, created = MeetingStandard.objects.get_or_create(
            category=category,
            valid_from=VALID_FROM,
            defaults={
                "document": DOCUMENT,
                "lodging": Decimal(lodging),
                "meals": Decimal(meals),
                "other": Decimal(other),
                "max_days": days,
                "max_attendees": attendees,
                "max_staff_ratio": Decimal(staff),
            },
        )
        if created:  # the seeded rows keep a history like every other write
            fields = {f.attname: getattr(standard, f.attname) for f in MeetingStandard._meta.concrete_fields}
            HistoricalMeetingStandard.objects.create(
                **fields, history_date=timezone.now(), history_type="+", history_change_reason=DOCUMENT[:100]
            )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_core_sql_venue_no_overlap")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
