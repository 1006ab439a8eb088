"""`make backup`: one backup folder (database, uploaded files, manifest); prints its path."""

from django.core.management.base import BaseCommand, CommandError

from bureau.backup import BackupError, backup_run


class Command(BaseCommand):
    help = "Back up the database and the uploaded files, with a manifest of row counts, money totals and checksums."

    def add_arguments(self, parser):
        parser.add_argument("--directory", help="Where the backup folder goes (default: BUREAU_BACKUP_DIR).")

    def handle(self, *args, directory=None, **options):
        try:
            folder = backup_run(directory=directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(folder))
