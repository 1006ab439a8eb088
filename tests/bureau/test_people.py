"""The people register (通讯录): ranks with their seniority and history, the page scoped by department
with the phone masked (also in its export, which is audited), people added on the page without a login,
and the admin's Excel import — new people get accounts that cannot log in, a bad row is reported in
Chinese on its own line and nothing of the file is saved."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from tablib import Dataset

from bureau.choices import Rank, rank_seniority
from bureau.models import AuditEntry, StaffProfile, split_person_name
from bureau.resources import PersonResource
from bureau.roles import Role
from bureau.services import person_save
from tests.factories import DepartmentFactory, StaffProfileFactory, make_user
from tests.helpers import field_error

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_ranks_are_the_county_ranks_most_senior_first():
    assert [str(rank.label) for rank in Rank] == ["正县级", "副县级", "正科级", "副科级", "科级以下"]
    assert rank_seniority(Rank.PRINCIPAL) < rank_seniority(Rank.SECTION_CHIEF) < rank_seniority(Rank.BELOW_SECTION)
    assert rank_seniority("") > rank_seniority(Rank.BELOW_SECTION)  # not recorded: after every rank


def test_a_rank_change_is_in_the_history():
    person = StaffProfileFactory(rank=Rank.DEPUTY_SECTION_CHIEF)
    campus = make_user(roles=[Role.ADMIN_CENTRE], department=person.department)
    person.rank = Rank.SECTION_CHIEF
    person_save(profile=person, name="王小明", actor=campus)
    ranks = list(person.history.order_by("history_date").values_list("rank", flat=True))
    assert ranks == [Rank.DEPUTY_SECTION_CHIEF, Rank.SECTION_CHIEF]
    assert person.history.latest().history_user == campus


def test_names_split_as_chinese_names_are_written():
    assert split_person_name("王会务") == ("王", "会务")
    assert split_person_name("欧阳 明") == ("欧阳", "明")


def test_a_department_head_sees_their_own_units_people_with_masked_phones_and_another_units_not():
    own, other = DepartmentFactory(name="教育局"), DepartmentFactory(name="财政局")
    head = make_user(roles=[Role.DEPARTMENT_HEADS], department=own)
    colleague = StaffProfileFactory(department=own, phone="13812345678", rank=Rank.SECTION_CHIEF)
    stranger = StaffProfileFactory(department=other, phone="13900001111")
    client = _client(head)
    page = client.get(reverse("bureau:staffprofile_list")).content.decode()
    assert "138****5678" in page and "13812345678" not in page
    assert "正科级" in page
    assert "139****1111" not in page
    assert client.get(reverse("bureau:staffprofile", args=[colleague.pk])).status_code == 200
    assert client.get(reverse("bureau:staffprofile", args=[stranger.pk])).status_code == 404


def test_the_export_masks_phones_and_is_audited():
    department = DepartmentFactory(name="教育局")
    StaffProfileFactory(department=department, phone="13812345678", rank=Rank.PRINCIPAL)
    leader = make_user(roles=[Role.LEADERSHIP], department=DepartmentFactory())
    response = _client(leader).get(reverse("bureau:staffprofile_list"), {"_export": "xlsx"})
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    cells = {str(cell) for row in rows for cell in row}
    assert "138****5678" in cells and "13812345678" not in cells
    assert "正县级" in cells
    assert AuditEntry.objects.filter(action="export", actor=leader).exists()


def test_the_rank_filter_finds_people_without_a_recorded_rank():
    department = DepartmentFactory()
    StaffProfileFactory(department=department, rank="", user__last_name="赵", user__first_name="无级")
    StaffProfileFactory(department=department, rank=Rank.SECTION_CHIEF, user__last_name="钱", user__first_name="有级")
    campus = make_user(roles=[Role.ADMIN_CENTRE], department=DepartmentFactory())
    page = _client(campus).get(reverse("bureau:staffprofile_list"), {"rank_missing": "true"}).content.decode()
    assert "赵无级" in page and "钱有级" not in page


def test_the_administration_centre_adds_a_person_without_a_login():
    department = DepartmentFactory(name="教育局")
    campus = make_user(roles=[Role.ADMIN_CENTRE], department=DepartmentFactory())
    response = _client(campus).post(
        reverse("bureau:staffprofile_add"),
        {"name": "李 四", "department": department.pk, "title": "副局长", "rank": Rank.DEPUTY_SECTION_CHIEF},
    )
    assert response.status_code == 302
    person = StaffProfile.objects.get(department=department, title="副局长")
    assert (person.user.last_name, person.user.first_name) == ("李", "四")
    assert not person.user.has_usable_password()
    assert person.history.latest().history_user == campus


def test_a_name_too_short_is_refused_on_the_field():
    campus = make_user(roles=[Role.ADMIN_CENTRE], department=DepartmentFactory())
    response = _client(campus).post(
        reverse("bureau:staffprofile_add"), {"name": "李", "department": DepartmentFactory().pk}
    )
    assert "姓名" in field_error(response, "name")
    assert not StaffProfile.objects.filter(department__pk=response.context["form"].data["department"]).exists()


# ---- the Excel import --------------------------------------------------------------------------------


def _dataset(rows):
    return Dataset(*rows, headers=["编号", "姓名", "单位", "职务", "职级", "电话"])


def test_import_creates_people_with_accounts_that_cannot_log_in():
    DepartmentFactory(code="ZF-JYJ", name="中方县教育局", short_name="教育局")
    admin = make_user(username="importer", is_superuser=True, is_staff=True)
    dataset = _dataset(
        [("", "张三", "ZF-JYJ", "局长", "正科级", "13800001111"), ("", "欧阳明", "教育局", "科员", "", "")]
    )
    result = PersonResource(actor=admin).import_data(dataset, dry_run=False, use_transactions=True)
    assert not result.has_errors() and not result.has_validation_errors()
    zhang = StaffProfile.objects.get(user__last_name="张", user__first_name="三")
    assert zhang.rank == Rank.SECTION_CHIEF and zhang.department.code == "ZF-JYJ"
    assert not zhang.user.has_usable_password()
    ouyang = StaffProfile.objects.get(user__last_name="欧阳", user__first_name="明")
    assert ouyang.rank == ""
    assert zhang.history.latest().history_user == admin


def test_an_import_with_a_bad_row_reports_it_in_chinese_and_saves_nothing():
    DepartmentFactory(code="ZF-JYJ", name="中方县教育局")
    before = get_user_model().objects.count()
    dataset = _dataset(
        [
            ("", "张三", "ZF-JYJ", "局长", "正科级", ""),
            ("", "李四", "不存在的单位", "科员", "处级", ""),
            ("", "", "ZF-JYJ", "科员", "", ""),
        ]
    )
    result = PersonResource().import_data(dataset, dry_run=False, use_transactions=True)
    assert result.has_validation_errors()
    invalid = {row.number: row.error_dict for row in result.invalid_rows}
    assert set(invalid) == {2, 3}
    assert "没有单位" in " ".join(invalid[2]["单位"]) or "不存在的单位" in " ".join(invalid[2]["单位"])
    assert "处级" in " ".join(invalid[2]["职级"]) and "正科级" in " ".join(invalid[2]["职级"])
    assert "姓名" in invalid[3]
    assert not StaffProfile.objects.filter(user__last_name="张", user__first_name="三").exists()
    assert get_user_model().objects.count() == before


def test_an_imported_file_updates_the_person_by_number():
    department = DepartmentFactory(code="ZF-CZJ", name="中方县财政局")
    person = StaffProfileFactory(department=department, rank="", user__last_name="王", user__first_name="五")
    dataset = _dataset([(person.pk, "王五", "ZF-CZJ", "副局长", "副科级", "")])
    result = PersonResource().import_data(dataset, dry_run=False, use_transactions=True)
    assert not result.has_validation_errors() and not result.has_errors()
    person.refresh_from_db()
    assert (person.rank, person.title) == (Rank.DEPUTY_SECTION_CHIEF, "副局长")
    assert StaffProfile.objects.filter(department=department).count() == 1


def test_the_admin_import_previews_a_bad_row_in_chinese(client):
    DepartmentFactory(code="ZF-JYJ", name="中方县教育局")
    admin = make_user(username="root-import", is_superuser=True, is_staff=True)
    client.force_login(admin)
    content = "编号,姓名,单位,职务,职级,电话\n,张三,ZF-JYJ,局长,正科级,\n,李四,ZF-XXX,科员,处级,\n"
    upload = io.BytesIO(content.encode("utf-8"))
    upload.name = "people.csv"
    response = client.post(
        reverse("admin:bureau_staffprofile_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "ZF-XXX" in page and "处级" in page
    assert not StaffProfile.objects.filter(user__last_name="张").exists()
