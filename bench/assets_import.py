"""Excel import of asset cards: a generated workbook of BENCH_IMPORT_ROWS rows (default 100,000) checked
and imported in-process (the task's own code, without the broker), timed by phase. Heavy: run it
alone (`python -m bench assets_import`)."""

import datetime
import io
import os
import time

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from assets import services_import
from assets.models import AssetImport
from bureau.models import Department

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))


def workbook(rows):
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(services_import.COLUMNS))
    for n in range(rows):
        sheet.append(
            [
                f"BENCH-IMP-{n:07d}",
                "办公桌",
                "5010200",
                "BENCH-IMP",
                "",
                datetime.date(2020, 1, 2),
                "购置",
                1200,
                1,
                "张",
                None,
                "",
                "",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run():
    Department.objects.get_or_create(code="BENCH-IMP", defaults={"name": "导入测试单位", "kind": "gov_department"})
    user, _created = get_user_model().objects.get_or_create(username="bench-root", defaults={"is_superuser": True})
    started = time.perf_counter()
    data = workbook(ROWS)
    made = AssetImport(file=SimpleUploadedFile("bench.xlsx", data), created_by=user)
    made.save()
    built = time.perf_counter()
    services_import.assetimport_check(assetimport=made)
    checked = time.perf_counter()
    services_import.assetimport_run(assetimport=made)
    done = time.perf_counter()
    made.refresh_from_db()
    print(
        f"\nImport of {ROWS:,} rows: workbook {built - started:.1f} s, check {checked - built:.1f} s, "
        f"import {done - checked:.1f} s ({made.imported_rows:,} imported, {len(made.errors)} rows with errors)"
    )
