"""One reception from 公函 to 接待清单, each step by the role that does it, through the pages."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from bureau.models import person_name
from bureau.roles import Role
from meetings.choices import ReceptionStatus
from meetings.models.reception import OfficialLetter, Reception
from tests.helpers import formset_data, pdf_fonts, pdf_text
from tests.meetings.factories import PDF_BYTES
from tests.meetings.reception_helpers import has_embedded_cjk_font

pytestmark = pytest.mark.django_db


def _t(msgid):
    """The text as the page language (the default, zh-hans) prints it."""
    with translation.override("zh-hans"):
        return translation.gettext(msgid)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_reception_from_letter_to_reception_list(world, client, tmp_path):
    centre = world.users[Role.MEETING_CENTRE]
    leader = world.users[Role.LEADERSHIP]

    # 1. The meeting centre registers the official letter with its scan.
    client.force_login(centre)
    response = client.post(
        reverse("meetings:officialletter_add"),
        {
            "number": "怀教函〔2026〕18号",
            "sending_unit": "怀化市教育局",
            "receiving_department": world.own.pk,
            "date": "2026-05-06",
            "subject": "关于赴中方县考察义务教育均衡发展的函",
            "scan": SimpleUploadedFile("公函.pdf", PDF_BYTES, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    letter = OfficialLetter.objects.get(number="怀教函〔2026〕18号")
    assert letter.registered_by == centre
    assert client.get(reverse("meetings:officialletter_scan", args=[letter.pk])).status_code == 200

    # 2. … and the reception, on that letter.
    response = client.post(
        reverse("meetings:reception_add"),
        {
            "letter": letter.pk,
            "host_department": world.own.pk,
            "visiting_unit": "怀化市教育局考察组",
            "purpose": "考察义务教育均衡发展工作",
            "arrival_date": "2026-05-20",
            "departure_date": "2026-05-21",
            "guest_count": "12",
            "lodging": "中方县宾馆",
            "lodging_amount": "1800.00",
            "transport_amount": "0",
            "other_amount": "200.00",
            "contact_name": "王会务",
            "contact_phone": "0745-1234567",
            "notes": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    reception = Reception.objects.get(letter=letter)
    assert reception.status == ReceptionStatus.DRAFT
    assert reception.created_by == centre

    # 3. Guests and escorts.
    guests = [
        {"protocol_order": i + 1, "name": name, "title": "处长", "unit": "怀化市教育局", "phone": ""}
        for i, name in enumerate(["欧阳明", "司马青", "诸葛亮", "上官云"])
    ]
    response = client.post(reverse("meetings:reception_guests", args=[reception.pk]), formset_data("guests", guests))
    assert response.status_code == 302, response.content.decode()[:3000]
    escorts = [{"name": "周陪同", "title": "副局长", "unit": "中方县教育局", "phone": "13800000000"}]
    response = client.post(reverse("meetings:reception_escorts", args=[reception.pk]), formset_data("escorts", escorts))
    assert response.status_code == 302
    assert reception.guests.count() == 4 and reception.escorts.count() == 1

    # 4. Submit; the meeting centre cannot approve its own request.
    client.post(reverse("meetings:reception_submit", args=[reception.pk]))
    reception.refresh_from_db()
    assert reception.status == ReceptionStatus.SUBMITTED
    assert client.post(reverse("meetings:reception_approve", args=[reception.pk])).status_code == 403

    # 5. Leadership approves.
    client.force_login(leader)
    client.post(reverse("meetings:reception_approve", args=[reception.pk]))
    reception.refresh_from_db()
    assert reception.status == ReceptionStatus.APPROVED
    assert reception.approved_by == leader

    # 6. The meeting centre records the meals (12 guests allow 4 escorts) and marks the reception done.
    client.force_login(centre)
    meals = [
        {
            "date": "2026-05-20",
            "kind": "working",
            "place": "机关食堂",
            "guests": 12,
            "escorts": 4,
            "standard_per_person": "40",
            "amount": "",
        },
        {
            "date": "2026-05-20",
            "kind": "dinner",
            "place": "机关食堂",
            "guests": 12,
            "escorts": 3,
            "standard_per_person": "50",
            "amount": "700.00",
        },
    ]
    response = client.post(reverse("meetings:reception_meals", args=[reception.pk]), formset_data("meals", meals))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert sorted(reception.meals.values_list("amount", flat=True)) == [Decimal("640.00"), Decimal("700.00")]
    client.post(reverse("meetings:reception_complete", args=[reception.pk]))
    reception.refresh_from_db()
    assert reception.status == ReceptionStatus.DONE

    # 7. … and prints the reception list for signature: 640 + 700 + 1800 + 200 = 3340.
    response = client.get(reverse("meetings:reception_list_pdf", args=[reception.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    for expected in (
        _t("Official reception list"),
        "欧阳明",
        "上官云",
        "周陪同",
        "怀教函〔2026〕18号",
        "3,340.00",
        "人民币叁仟叁佰肆拾元整",
    ):
        assert expected in text, expected
    for signature in ("Handled by", "Approved by", "Head of the receiving unit"):  # 经办人 审批人 接待单位负责人
        assert _t(signature) in text
    assert has_embedded_cjk_font(pdf_fonts(response.content, tmp_path))

    # 8. Settled; the history shows every step.
    client.post(reverse("meetings:reception_settle", args=[reception.pk]))
    reception.refresh_from_db()
    assert reception.status == ReceptionStatus.SETTLED
    statuses = list(reception.history.order_by("history_date").values_list("status", flat=True))
    for status in ("draft", "submitted", "approved", "done", "settled"):
        assert status in statuses
    page = client.get(reverse("meetings:reception_history", args=[reception.pk]))
    assert page.status_code == 200
    assert person_name(centre) in page.content.decode()
