"""One room, one department per day, enforced by the database itself.

PostgreSQL: an exclusion constraint over (room, date range) for live (not voided) rows.
SQLite: triggers that abort an insert or update which would overlap a live row.
Other databases rely on the form check (RoomOccupancy.clean).
"""
from django.db import migrations

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """
    ALTER TABLE bureau_roomoccupancy ADD CONSTRAINT roomoccupancy_no_overlap
    EXCLUDE USING gist (
        room_id WITH =,
        daterange(start_date, end_date, '[]') WITH &&
    ) WHERE (voided_at IS NULL)
    """,
]
PG_BACKWARD = ["ALTER TABLE bureau_roomoccupancy DROP CONSTRAINT IF EXISTS roomoccupancy_no_overlap"]

_SQLITE_CLASH = """
    SELECT RAISE(ABORT, 'roomoccupancy_no_overlap')
    WHERE NEW.voided_at IS NULL AND EXISTS (
        SELECT 1 FROM bureau_roomoccupancy o
        WHERE o.room_id = NEW.room_id AND o.id IS NOT NEW.id AND o.voided_at IS NULL
          AND (o.end_date IS NULL OR o.end_date >= NEW.start_date)
          AND (NEW.end_date IS NULL OR o.start_date <= NEW.end_date)
    );
"""
SQLITE_FORWARD = [
    f"CREATE TRIGGER roomoccupancy_no_overlap_insert BEFORE INSERT ON bureau_roomoccupancy BEGIN {_SQLITE_CLASH} END",
    f"CREATE TRIGGER roomoccupancy_no_overlap_update BEFORE UPDATE ON bureau_roomoccupancy BEGIN {_SQLITE_CLASH} END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS roomoccupancy_no_overlap_insert",
    "DROP TRIGGER IF EXISTS roomoccupancy_no_overlap_update",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("bureau", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
