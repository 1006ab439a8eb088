"""A meeting room hosts one meeting at a time, and one category has one standard per day:
enforced by the database itself.

PostgreSQL: exclusion constraints (btree_gist) over (room, tstzrange(start, end)) for meetings in a
venue-holding status, and over (category, daterange(valid_from, valid_to)) for standards.
SQLite: triggers that abort an insert or update which would clash.
The status list is frozen here on purpose (meetings.choices.VENUE_HOLDING_STATUSES as of this migration).
"""

from django.db import migrations

HOLDING = "('submitted', 'approved', 'preparing', 'in_progress', 'held', 'settled')"

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    f"""
    ALTER TABLE meetings_meeting ADD CONSTRAINT meeting_venue_no_overlap
    EXCLUDE USING gist (
        venue_room_id WITH =,
        tstzrange(start_at, end_at, '[)') WITH &&
    ) WHERE (venue_room_id IS NOT NULL AND status IN {HOLDING})
    """,
    """
    ALTER TABLE meetings_meetingstandard ADD CONSTRAINT meetingstandard_no_overlap
    EXCLUDE USING gist (
        category WITH =,
        daterange(valid_from, valid_to, '[]') WITH &&
    )
    """,
]
PG_BACKWARD = [
    "ALTER TABLE meetings_meeting DROP CONSTRAINT IF EXISTS meeting_venue_no_overlap",
    "ALTER TABLE meetings_meetingstandard DROP CONSTRAINT IF EXISTS meetingstandard_no_overlap",
]

_SQLITE_VENUE_CLASH = f"""
    SELECT RAISE(ABORT, 'meeting_venue_no_overlap')
    WHERE NEW.venue_room_id IS NOT NULL AND NEW.status IN {HOLDING} AND EXISTS (
        SELECT 1 FROM meetings_meeting m
        WHERE m.venue_room_id = NEW.venue_room_id AND m.id IS NOT NEW.id AND m.status IN {HOLDING}
          AND julianday(m.start_at) < julianday(NEW.end_at) AND julianday(NEW.start_at) < julianday(m.end_at)
    );
"""
_SQLITE_STANDARD_CLASH = """
    SELECT RAISE(ABORT, 'meetingstandard_no_overlap')
    WHERE EXISTS (
        SELECT 1 FROM meetings_meetingstandard s
        WHERE s.category = NEW.category AND s.id IS NOT NEW.id
          AND (s.valid_to IS NULL OR s.valid_to >= NEW.valid_from)
          AND (NEW.valid_to IS NULL OR s.valid_from <= NEW.valid_to)
    );
"""
SQLITE_FORWARD = [
    f"CREATE TRIGGER meeting_venue_no_overlap_insert BEFORE INSERT ON meetings_meeting BEGIN {_SQLITE_VENUE_CLASH} END",
    f"CREATE TRIGGER meeting_venue_no_overlap_update BEFORE UPDATE ON meetings_meeting BEGIN {_SQLITE_VENUE_CLASH} END",
    "CREATE TRIGGER meetingstandard_no_overlap_insert BEFORE INSERT ON meetings_meetingstandard "
    f"BEGIN {_SQLITE_STANDARD_CLASH} END",
    "CREATE TRIGGER meetingstandard_no_overlap_update BEFORE UPDATE ON meetings_meetingstandard "
    f"BEGIN {_SQLITE_STANDARD_CLASH} END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS meeting_venue_no_overlap_insert",
    "DROP TRIGGER IF EXISTS meeting_venue_no_overlap_update",
    "DROP TRIGGER IF EXISTS meetingstandard_no_overlap_insert",
    "DROP TRIGGER IF EXISTS meetingstandard_no_overlap_update",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_core_standards_approval_budget_printing")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
