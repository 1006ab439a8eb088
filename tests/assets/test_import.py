"""Excel import of asset cards: a workbook with good and bad rows, checked row by row and imported
through a real Celery worker over the broker (eagerly where no broker is configured)."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from assets import services_import, tasks
from assets.choices import ImportStatus
from assets.models import Asset, AssetImport
from tests.assets.factories import AssetFactory, manager
from tests.factories import DepartmentFactory
from tests.worker import broker_or_fail, running_worker

HEADER = list(services_import.COLUMNS)


def workbook(rows, header=HEADER):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("资产卡片.xlsx", buffer.getvalue())


def good(code, name="办公桌"):
    return [code, name, "5010200", "IMP-U", "", datetime.date(2019, 5, 6), "购置", 1200, 1, "张", None, "", "三楼"]


ROWS = [
    good("ZF-0001"),
    good("ZF-0002", "会议桌"),
    ["ZF-0003", "电脑", "9999999", "IMP-U", "", "2019-05-06", "购置", 5000, 1, "台", None, "", ""],  # no such class
    ["ZF-0004", "椅子", "5010300", "IMP-U", "", "去年", "购置", "贵", 1, "把", None, "", ""],  # wrong types
    good("ZF-0001", "重复"),  # duplicate in the file
    good("OLD-1", "已有卡片"),  # duplicate of a card
]


def upload(rows, *, only_clean_rows=False):
    made = AssetImport(file=workbook(rows), only_clean_rows=only_clean_rows)
    return services_import.assetimport_upload(assetimport=made, actor=manager())


@pytest.mark.django_db
def test_wrong_columns_are_refused_for_the_whole_file():
    made = AssetImport(file=workbook([good("A-1")], header=["编号", "名称"]), created_by=manager())
    made.save()
    services_import.assetimport_check(assetimport=made)
    assert made.errors[0]["row"] == 1 and "资产编号" in made.errors[0]["messages"][0]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_good_and_bad_rows_each_with_its_message_through_a_real_worker(tmp_path):
    DepartmentFactory(code="IMP-U", name="县民政局")
    AssetFactory(code="OLD-1")
    made = AssetImport(file=workbook(ROWS), only_clean_rows=False, created_by=manager())
    made.save()

    def run(task, queue):
        if queue is None:
            task.delay(made.pk).get(timeout=60)
        else:
            task.apply_async(args=[made.pk], queue=queue).get(timeout=120)

    def scenario(queue):
        run(tasks.assetimport_check, queue)
        made.refresh_from_db()
        assert made.status == ImportStatus.CHECKED and made.total_rows == 6
        by_row = {e["row"]: " ".join(e["messages"]) for e in made.errors}
        assert sorted(by_row) == [4, 5, 6, 7]
        assert "9999999" in by_row[4]
        assert "去年" in by_row[5] and "贵" in by_row[5]
        assert "ZF-0001" in by_row[6] and "2" in by_row[6]
        assert "OLD-1" in by_row[7]
        assert [p["code"] for p in made.preview] == ["ZF-0001", "ZF-0002"]
        # Not clean, and only the clean rows were not asked for: nothing is imported.
        run(tasks.assetimport_run, queue)
        made.refresh_from_db()
        assert made.status == ImportStatus.FAILED and not Asset.objects.filter(code__startswith="ZF-").exists()
        # Asked for only the clean rows: those two, with their codes kept, and the progress at 100%.
        AssetImport.objects.filter(pk=made.pk).update(only_clean_rows=True, status=ImportStatus.CHECKED)
        run(tasks.assetimport_run, queue)
        made.refresh_from_db()
        assert (made.status, made.imported_rows, made.progress) == (ImportStatus.DONE, 2, 100)
        assert sorted(Asset.objects.filter(code__startswith="ZF-").values_list("code", flat=True)) == [
            "ZF-0001",
            "ZF-0002",
        ]
        assert Asset.objects.get(code="ZF-0001").history.count() == 1

    if not broker_or_fail():
        scenario(None)
        return
    with running_worker(tmp_path) as worker:
        try:
            scenario(worker.queue)
        except Exception:
            print(worker.log_text())
            raise
