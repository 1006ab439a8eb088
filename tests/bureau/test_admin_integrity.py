"""The admin is no way around the rules: import only where importing is a real task, through the
model's validation; `check` fails on an admin that would delete a money or legal record; people
who appear in any history are deactivated, never deleted, and history keeps who."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.checks import registry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, models, transaction
from django.db.models import ProtectedError
from django.urls import NoReverseMatch, reverse

from bureau.admin_base import VoidableAdmin
from bureau.checks import admin_delete_errors, no_admin_deletes_money_or_legal_records
from bureau.models import Building, RoomOccupancy
from bureau.services import audited_save
from meetings.admin.core import MeetingAdmin
from meetings.models import BudgetLine, Meeting
from tests.factories import BuildingFactory, UserFactory

User = get_user_model()


@pytest.fixture
def root(world, client):
    client.force_login(world.users["superuser"])
    return client


# ---- import ---------------------------------------------------------------------------------------


def test_import_is_offered_for_registers_only():
    for model in ("department", "building", "room", "staffprofile"):
        reverse(f"admin:bureau_{model}_import")
    reverse("admin:meetings_meetingstandard_import")
    for name in ("meetings_meeting", "meetings_budgetline", "meetings_approvaldecision", "meetings_attendee"):
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:{name}_import")
        reverse(f"admin:{name}_export")  # export stays


def _import(client, csv_text):
    url = reverse("admin:bureau_building_import")
    form = client.get(url).context["form"]
    csv_choice = next(value for value, label in form.fields["format"].choices if str(label).lower() == "csv")
    upload = SimpleUploadedFile("buildings.csv", csv_text.encode("utf-8"), content_type="text/csv")
    return client.post(url, {"import_file": upload, "format": csv_choice})


def test_an_imported_row_goes_through_the_models_validation(root):
    response = _import(root, "id,name,code,address,floors\n,坏楼,BAD-1,,0\n")
    assert response.status_code == 200
    result = response.context["result"]
    assert result.has_validation_errors()
    errors = [str(e) for row in result.invalid_rows for msgs in row.error_dict.values() for e in msgs]
    assert errors  # the floors ≥ 1 rule, as on the page, not a database error later
    assert not Building.objects.filter(code="BAD-1").exists()
    response = _import(root, "id,name,code,address,floors\n,新楼,NEW-1,,5\n")
    assert not response.context["result"].has_validation_errors()
    assert "confirm_form" in response.context  # a valid file goes on to the confirmation step


# ---- the check ------------------------------------------------------------------------------------


def test_check_is_registered_and_the_project_passes_it():
    assert no_admin_deletes_money_or_legal_records in registry.registry.get_checks()
    assert no_admin_deletes_money_or_legal_records() == []


def test_check_fails_on_an_admin_that_deletes_money_or_legal_records():
    site = admin.AdminSite(name="probe")

    class DeletingBudgetAdmin(admin.ModelAdmin):
        pass

    class LegacyInline(admin.TabularInline):
        model = BudgetLine

    class OpenMeetingAdmin(MeetingAdmin):
        inlines = [LegacyInline]

        def has_delete_permission(self, request, obj=None):
            return True

    site.register(BudgetLine, DeletingBudgetAdmin)  # a VoidableModel
    site.register(Meeting, OpenMeetingAdmin)  # marked money_or_legal_record
    site.register(RoomOccupancy, VoidableAdmin)
    errors = admin_delete_errors(site)
    found = {(e.id, e.obj.__name__) for e in errors}
    assert found == {
        ("bureau.E001", "DeletingBudgetAdmin"),
        ("bureau.E001", "OpenMeetingAdmin"),
        ("bureau.E002", "LegacyInline"),
    }
    assert len(errors) == 3


# ---- people stay on the record ---------------------------------------------------------------------


def _user_with_history():
    user = UserFactory(username="leaver")
    building = BuildingFactory()
    building.name = "改名后"
    audited_save(obj=building, actor=user)
    return user, building


def test_every_history_table_protects_its_user():
    tables = [m for m in apps.get_models() if m.__name__.startswith("Historical")]
    assert len(tables) >= 20
    for model in tables:
        field = model._meta.get_field("history_user")
        assert field.remote_field.on_delete is models.PROTECT, model
        assert field.db_constraint, model


def test_a_user_in_the_history_cannot_be_deleted_and_history_keeps_them(world):
    user, building = _user_with_history()
    with pytest.raises(ProtectedError):
        user.delete()
    assert building.history.latest("history_date").history_user == user


def test_history_keeps_the_user_even_when_the_account_is_removed_by_sql(world):
    user, building = _user_with_history()
    with pytest.raises(IntegrityError), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {User._meta.db_table} WHERE id = %s", [user.pk])
        connection.check_constraints()
    assert building.history.latest("history_date").history_user == user


def test_admin_deactivates_instead_of_deleting_a_user_on_the_record(world, root):
    user, _building = _user_with_history()
    delete_url = reverse("admin:auth_user_delete", args=[user.pk])
    assert root.get(delete_url).status_code == 403
    assert root.post(delete_url, {"post": "yes"}).status_code == 403
    change = root.get(reverse("admin:auth_user_change", args=[user.pk])).content.decode()
    assert delete_url not in change
    response = root.post(
        reverse("admin:auth_user_changelist"), {"action": "deactivate_selected", "_selected_action": [user.pk]}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.is_active

    # Someone who never did anything (an account made by mistake) can still be deleted.
    mistake = UserFactory(username="typo")
    assert root.post(reverse("admin:auth_user_delete", args=[mistake.pk]), {"post": "yes"}).status_code == 302
    assert not User.objects.filter(pk=mistake.pk).exists()
