"""One asset, one live lease or loan per day, enforced by the database itself (as room occupancy).

PostgreSQL: an exclusion constraint over (asset, date range) for live (not voided) rows.
SQLite: triggers that abort an insert or update which would overlap a live row.
"""

from django.db import migrations

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """
    ALTER TABLE assets_lease ADD CONSTRAINT lease_no_overlap
    EXCLUDE USING gist (
        asset_id WITH =,
        daterange(start_date, end_date, '[]') WITH &&
    ) WHERE (voided_at IS NULL)
    """,
]
PG_BACKWARD = ["ALTER TABLE assets_lease DROP CONSTRAINT IF EXISTS lease_no_overlap"]

_SQLITE_CLASH = """
    SELECT RAISE(ABORT, 'lease_no_overlap')
    WHERE NEW.voided_at IS NULL AND EXISTS (
        SELECT 1 FROM assets_lease o
        WHERE o.asset_id = NEW.asset_id AND o.id IS NOT NEW.id AND o.voided_at IS NULL
          AND o.end_date >= NEW.start_date AND o.start_date <= NEW.end_date
    );
"""
SQLITE_FORWARD = [
    f"CREATE TRIGGER lease_no_overlap_insert BEFORE INSERT ON assets_lease BEGIN {_SQLITE_CLASH} END",
    f"CREATE TRIGGER lease_no_overlap_update BEFORE UPDATE ON assets_lease BEGIN {_SQLITE_CLASH} END",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS lease_no_overlap_insert", "DROP TRIGGER IF EXISTS lease_no_overlap_update"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("assets", "0002_gbt14885_classes")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
