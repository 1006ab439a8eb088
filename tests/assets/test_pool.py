"""The idle pool 公物仓: hand-in with photos, 调剂 approved by the asset managers, loans, and the
advice a procurement request gets before buying what waits in the pool."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from assets import selectors, services
from assets.choices import AssetStatus, MovementKind, PoolRequestStatus
from assets.models import PoolRequest
from bureau.roles import Role
from procurement.hooks import advise_request
from tests.assets.factories import AssetFactory, asset_class, manager
from tests.factories import DepartmentFactory, make_user
from tests.helpers import error_codes

d = datetime.date
pytestmark = pytest.mark.django_db


def png(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_hand_in_request_approved_moves_the_asset_and_procurement_is_warned(client):
    finance_bureau = DepartmentFactory(name="县财政局")
    education = DepartmentFactory(name="县教育局")
    laptop = AssetFactory(name="笔记本电脑", owning_unit=finance_bureau, asset_class=asset_class("2010100"))
    boss = manager()

    # Hand-in through the page, with a photo.
    client.force_login(boss)
    response = client.post(
        reverse("assets:asset_hand_in", args=[laptop.pk]),
        {"on": "2025-03-03", "condition": "九成新，可正常使用", "photos": [png()]},
    )
    assert response.status_code == 302
    laptop.refresh_from_db()
    assert laptop.status == AssetStatus.IDLE
    entry = laptop.pool_entries.get()
    assert entry.photos.count() == 1

    # Another unit's head asks for it; the asset managers approve.
    head = make_user(roles=[Role.DEPARTMENT_HEADS], department=education, username="edu-head")
    client.force_login(head)
    response = client.post(reverse("assets:poolentry_request", args=[entry.pk]), {"reason": "新进教师办公"})
    assert response.status_code == 302
    request = PoolRequest.objects.get()
    assert request.department == education
    services.poolrequest_approve(request=request, actor=boss, on=d(2025, 3, 10))
    laptop.refresh_from_db()
    assert (laptop.owning_unit, laptop.using_department, laptop.status) == (education, education, AssetStatus.IN_USE)
    assert laptop.movements.filter(kind=MovementKind.REDEPLOYMENT, to_department=education).exists()
    request.refresh_from_db()
    assert request.status == PoolRequestStatus.APPROVED and request.decided_by == boss

    # With another laptop idle, a procurement request for computers (A02010104) is warned and needs a reason.
    spare = AssetFactory(name="备用电脑", owning_unit=finance_bureau, asset_class=asset_class("2010100"))
    services.asset_hand_in(asset=spare, actor=boss, on=d(2025, 4, 1), condition="良好")
    advice = advise_request(catalogue_code="A02010104", department=education, quantity=2)
    assert len(advice) == 1 and advice[0].requires_reason
    assert "1" in advice[0].message
    assert advice[0].items == ((str(spare), spare.pool_entries.get().get_absolute_url()),)
    # Furniture (A05…) has nothing idle: no advice.
    assert advise_request(catalogue_code="A05010201", department=education, quantity=1) == []


def test_a_file_that_is_not_a_photo_is_refused_on_the_field(client):
    asset = AssetFactory()
    client.force_login(manager())
    fake = SimpleUploadedFile("photo.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = client.post(
        reverse("assets:asset_hand_in", args=[asset.pk]), {"on": "2025-03-03", "condition": "好", "photos": [fake]}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["photos"]
    asset.refresh_from_db()
    assert asset.status == AssetStatus.IN_USE


def test_loan_with_due_date_shows_on_the_overdue_list_until_returned():
    entry = services.asset_hand_in(asset=AssetFactory(), actor=manager(), on=d(2025, 1, 2), condition="好")
    loan = services.poolloan_create(
        entry=entry,
        department=DepartmentFactory(),
        purpose="全县经济工作会议",
        lent_on=d(2025, 1, 5),
        due_on=d(2025, 1, 8),
        actor=manager(),
    )
    entry.asset.refresh_from_db()
    assert entry.asset.status == AssetStatus.LENT
    assert list(selectors.overdue_loans(d(2025, 1, 9))) == [loan]
    assert list(selectors.overdue_loans(d(2025, 1, 8))) == []
    services.poolloan_return(loan=loan, actor=manager(), on=d(2025, 1, 10))
    entry.asset.refresh_from_db()
    assert entry.asset.status == AssetStatus.IDLE
    assert list(selectors.overdue_loans(d(2025, 1, 11))) == []


def test_a_decided_request_cannot_be_decided_again():
    entry = services.asset_hand_in(asset=AssetFactory(), actor=manager(), on=d(2025, 1, 2), condition="好")
    request = services.poolrequest_create(entry=entry, department=DepartmentFactory(), reason="需要", actor=manager())
    services.poolrequest_refuse(request=request, actor=manager(), note="已另行安排")
    with pytest.raises(ValidationError) as caught:
        services.poolrequest_approve(request=request, actor=manager())
    assert error_codes(caught.value) == ["already_decided"]
