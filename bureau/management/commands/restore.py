"""`make restore BACKUP=<folder>`: restore a backup folder and check it against its manifest."""

from django.core.management.base import BaseCommand, CommandError

from bureau.backup import BackupError, restore_run


class Command(BaseCommand):
    help = (
        "Restore a backup folder (database and uploaded files) and check the row counts, money totals "
        "and files against its manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder made by `manage.py backup`.")
        parser.add_argument(
            "--database-name",
            help="Restore into this database (PostgreSQL: created if missing; SQLite: a file) "
            "instead of the configured one.",
        )
        parser.add_argument("--media-root", help="Restore the uploaded files here instead of MEDIA_ROOT.")
        parser.add_argument("--yes", action="store_true", help="Don't ask before replacing the configured database.")

    def handle(self, *args, folder, database_name=None, media_root=None, yes=False, **options):
        if database_name is None and not yes and options.get("interactive", True):
            answer = input("This replaces the configured database and adds the backup's files. Type 'yes': ")
            if answer.strip() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = restore_run(folder, database_name=database_name, media_root=media_root)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            f"restored {folder}: {len(manifest['tables'])} tables, {rows} rows, "
            f"{len(manifest['media']['files'])} files; counts, money totals and files match the manifest"
        )
