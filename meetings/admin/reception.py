"""Admin for official receptions: letters, and receptions with their guests, escorts, meals and tour stops."""

from django.contrib import admin

from bureau.admin_base import BureauModelAdmin, VoidableAdmin
from meetings.choices import ReceptionStatus
from meetings.forms.reception import MealForm
from meetings.models.reception import (
    OfficialLetter,
    Reception,
    ReceptionEscort,
    ReceptionGuest,
    ReceptionMeal,
    TourStop,
)

CLOSED = (ReceptionStatus.SETTLED, ReceptionStatus.CANCELLED)


class ReceptionGuestInline(admin.TabularInline):
    model = ReceptionGuest
    extra = 0
    fields = ("protocol_order", "name", "title", "unit", "phone")


class ReceptionEscortInline(admin.TabularInline):
    model = ReceptionEscort
    extra = 0
    fields = ("name", "title", "unit", "phone")


class ReceptionMealInline(admin.TabularInline):
    model = ReceptionMeal
    form = MealForm
    extra = 0
    fields = ("date", "kind", "place", "guests", "escorts", "standard_per_person", "amount")


class TourStopInline(admin.TabularInline):
    model = TourStop
    extra = 0
    fields = ("date", "start_time", "end_time", "place", "guide", "notes")


class ReceptionInline(admin.TabularInline):
    model = Reception
    extra = 0
    fields = ("visiting_unit", "host_department", "arrival_date", "status")
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(OfficialLetter)
class OfficialLetterAdmin(VoidableAdmin):
    list_display = ("number", "sending_unit", "receiving_department", "date", "subject", "voided_at")
    list_filter = ("receiving_department__kind",)
    search_fields = ("=number", "sending_unit", "subject")
    autocomplete_fields = ("receiving_department",)
    list_select_related = ("receiving_department",)
    date_hierarchy = "date"
    inlines = [ReceptionInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.registered_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Reception)
class ReceptionAdmin(BureauModelAdmin):
    list_display = (
        "visiting_unit",
        "host_department",
        "letter",
        "arrival_date",
        "departure_date",
        "guest_count",
        "status",
    )
    list_filter = ("status", "host_department__kind")
    search_fields = ("visiting_unit", "=letter__number")
    autocomplete_fields = ("letter", "host_department")
    list_select_related = ("letter", "host_department")
    date_hierarchy = "arrival_date"
    readonly_fields = ("status", "cancel_reason", "created_by", "approved_by", "approved_at", "settled_at")
    inlines = [ReceptionGuestInline, ReceptionEscortInline, ReceptionMealInline, TourStopInline]

    def has_delete_permission(self, request, obj=None):
        return False  # receptions are cancelled with a reason, never deleted

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status in CLOSED:
            return False  # settled or cancelled: the reception list and its amounts stay as closed
        return super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class _ChildAdmin(BureauModelAdmin):
    autocomplete_fields = ("reception",)
    list_select_related = ("reception",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "reception":  # nothing is added to a settled or cancelled reception
            kwargs["queryset"] = Reception.objects.exclude(status__in=CLOSED)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.reception.status in CLOSED:
            return False  # part of a settled or cancelled reception
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.reception.status in CLOSED:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(ReceptionGuest)
class ReceptionGuestAdmin(_ChildAdmin):
    list_display = ("name", "title", "unit", "protocol_order", "reception")
    search_fields = ("name", "unit")


@admin.register(ReceptionEscort)
class ReceptionEscortAdmin(_ChildAdmin):
    list_display = ("name", "title", "unit", "reception")
    search_fields = ("name", "unit")


@admin.register(ReceptionMeal)
class ReceptionMealAdmin(_ChildAdmin):
    form = MealForm
    list_display = ("reception", "date", "kind", "guests", "escorts", "standard_per_person", "amount")
    list_filter = ("kind",)
    search_fields = ("reception__visiting_unit",)
    date_hierarchy = "date"


@admin.register(TourStop)
class TourStopAdmin(_ChildAdmin):
    list_display = ("reception", "date", "start_time", "place", "guide")
    search_fields = ("place", "guide", "reception__visiting_unit")
    date_hierarchy = "date"
