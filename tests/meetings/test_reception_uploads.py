"""The letter scan: PDF/JPEG/PNG judged by content, at most 10 MB; the message names the field and the rule."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from bureau.roles import Role
from bureau.validators import UploadValidator, detect_kind
from meetings.models.reception import OfficialLetter
from tests.meetings.factories import JPEG_BYTES, PDF_BYTES, PNG_BYTES

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _post_letter(client, world, upload, number="中教函〔2026〕3号"):
    return client.post(
        reverse("meetings:officialletter_add"),
        {
            "number": number,
            "sending_unit": "洪江市教育局",
            "receiving_department": world.own.pk,
            "date": "2026-04-01",
            "subject": "来访函",
            "scan": upload,
        },
    )


def _zh(msgid):
    with translation.override("zh-hans"):
        return translation.gettext(msgid)


def test_detect_kind_reads_the_magic_bytes():
    assert detect_kind(PDF_BYTES) == "pdf"
    assert detect_kind(PNG_BYTES) == "png"
    assert detect_kind(JPEG_BYTES) == "jpeg"
    assert detect_kind(b"PK\x03\x04zipfile") is None
    assert detect_kind(b"") is None


@pytest.mark.parametrize(
    ("name", "content"),
    [("scan.pdf", PDF_BYTES), ("scan.PNG", PNG_BYTES), ("scan.jpg", JPEG_BYTES), ("scan.jpeg", JPEG_BYTES)],
)
def test_good_files_pass(name, content):
    UploadValidator(field_label="扫描件")(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("scan.pdf", b"MZ\x90\x00 this is an exe" + b"\x00" * 40, "file_type"),  # disguised with a .pdf name
        ("scan.pdf", b"<html><body>not a pdf</body></html>", "file_type"),
        ("scan.pdf", b"PK\x03\x04" + b"\x00" * 40, "file_type"),  # a .docx/.zip
        ("scan.pdf", PNG_BYTES, "file_name_mismatch"),  # real PNG, but named .pdf
        ("scan.gif", b"GIF89a" + b"\x00" * 40, "file_type"),
    ],
)
def test_wrong_types_are_refused(name, content, code):
    with pytest.raises(ValidationError) as exc:
        UploadValidator(field_label="扫描件")(SimpleUploadedFile(name, content))
    assert exc.value.code == code
    assert "扫描件" in exc.value.messages[0]


def test_size_limit_at_and_over():
    validator = UploadValidator(field_label="扫描件", max_mb=10)
    at_limit = PDF_BYTES + b"\x00" * (10 * MB - len(PDF_BYTES))
    validator(SimpleUploadedFile("scan.pdf", at_limit))
    with pytest.raises(ValidationError) as exc:
        validator(SimpleUploadedFile("scan.pdf", at_limit + b"\x00"))
    assert exc.value.code == "file_too_large"


def test_the_page_refuses_a_disguised_file_naming_the_field(world, client):
    client.force_login(world.users[Role.MEETING_CENTRE])
    fake = SimpleUploadedFile("公函.pdf", b"MZ\x90\x00 an executable" + b"\x00" * 64, content_type="application/pdf")
    response = _post_letter(client, world, fake)
    assert response.status_code == 200
    page = response.content.decode()
    label = _zh("scan of the letter")
    rule = _zh(
        "%(field)s: only %(allowed)s files are accepted, judged by the file's content; "
        "this file's content is not one of them, whatever its name says."
    ) % {"field": label, "allowed": "PDF、JPEG、PNG"}
    assert rule in page.replace("&#x27;", "'")
    assert not OfficialLetter.objects.exists()


def test_the_page_refuses_a_file_over_10_mb(world, client):
    client.force_login(world.users[Role.MEETING_CENTRE])
    big = SimpleUploadedFile("公函.pdf", PDF_BYTES + b"\x00" * (10 * MB), content_type="application/pdf")
    response = _post_letter(client, world, big)
    assert response.status_code == 200
    assert "10 MB" in response.content.decode()
    assert not OfficialLetter.objects.exists()


def test_the_page_keeps_a_good_scan_and_serves_it_only_within_scope(world, client):
    client.force_login(world.users[Role.MEETING_CENTRE])
    response = _post_letter(client, world, SimpleUploadedFile("公函.png", PNG_BYTES, content_type="image/png"))
    assert response.status_code == 302
    letter = OfficialLetter.objects.get()
    assert letter.scan.name.endswith(".png")
    scan_url = reverse("meetings:officialletter_scan", args=[letter.pk])
    assert b"".join(client.get(scan_url).streaming_content) == PNG_BYTES
    client.force_login(world.users[Role.EMPLOYEES])  # the letter is addressed to the staff member's department
    assert client.get(scan_url).status_code == 200
    letter.receiving_department = world.other
    letter.save()
    assert client.get(scan_url).status_code == 404
