from django.db import migrations

from bureau.history import record_seeded_creation


def record_useful_lives(apps, schema_editor):
    """The useful lives loaded with the classes get the creation history every seeded row has."""
    UsefulLife = apps.get_model("assets", "UsefulLife")
    recorded = apps.get_model("assets", "HistoricalUsefulLife").objects.values("id")
    rows = list(UsefulLife.objects.exclude(id__in=recorded))
    record_seeded_creation(apps, "assets", "UsefulLife", rows, "政府会计准则第3号应用指南")


class Migration(migrations.Migration):
    dependencies = [("assets", "0003_lease_no_overlap")]

    operations = [migrations.RunPython(record_useful_lives, migrations.RunPython.noop)]
