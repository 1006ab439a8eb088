from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from bureau.admin_base import BureauModelAdmin, ImportableAdmin, VoidableAdmin
from bureau.forms import RoomOccupancyForm, RoomOccupancyInlineFormSet
from bureau.forms_security import AdminUserChangeForm
from bureau.history import appears_in_history
from bureau.models import Building, CalendarDay, CalendarYear, Department, Room, RoomOccupancy, StaffProfile
from bureau.passwords import require_password_change
from bureau.resources import PersonResource

admin.site.site_header = _("Bureau Portal administration")
admin.site.site_title = _("Bureau Portal")
admin.site.index_title = _("Data entry")


class StaffProfileInline(admin.TabularInline):
    model = StaffProfile
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Department)
class DepartmentAdmin(ImportableAdmin):
    list_display = ("code", "name", "short_name", "kind", "parent", "head", "active")
    list_filter = ("kind", "active")
    search_fields = ("code", "name", "short_name")
    autocomplete_fields = ("parent", "head")
    list_select_related = ("parent", "head")
    inlines = [StaffProfileInline]


@admin.register(StaffProfile)
class StaffProfileAdmin(ImportableAdmin):
    """The people register (通讯录) in Excel: imported with a preview, each bad row reported on its own
    line; a new person gets an account that cannot log in (bureau.resources)."""

    resource_classes = [PersonResource]
    list_display = ("user", "department", "title", "rank", "phone")
    list_filter = ("department__kind", "rank")
    search_fields = ("user__username", "user__first_name", "user__last_name", "department__name", "phone")
    autocomplete_fields = ("user", "department")
    list_select_related = ("user", "department")

    def get_resource_kwargs(self, request, *args, **kwargs):
        return {**super().get_resource_kwargs(request, *args, **kwargs), "actor": request.user}


class RoomInline(admin.TabularInline):
    model = Room
    extra = 0
    fields = ("floor", "number", "name", "use", "area", "capacity", "active")
    show_change_link = True


@admin.register(Building)
class BuildingAdmin(ImportableAdmin):
    list_display = ("code", "name", "address", "floors")
    search_fields = ("code", "name", "address")
    inlines = [RoomInline]


class RoomOccupancyInline(admin.TabularInline):
    model = RoomOccupancy
    form = RoomOccupancyForm
    formset = RoomOccupancyInlineFormSet
    extra = 0
    fields = ("department", "start_date", "end_date", "note")
    autocomplete_fields = ("department",)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(voided_at=None)  # a voided period stays as voided


@admin.register(Room)
class RoomAdmin(ImportableAdmin):
    list_display = ("__str__", "building", "floor", "number", "use", "area", "capacity", "active")
    list_filter = ("use", "active")  # no filter over a growing table: search by room number instead
    search_fields = ("=number", "name")
    autocomplete_fields = ("building",)
    list_select_related = ("building",)
    inlines = [RoomOccupancyInline]


@admin.register(RoomOccupancy)
class RoomOccupancyAdmin(VoidableAdmin):
    form = RoomOccupancyForm
    list_display = ("room", "department", "start_date", "end_date", "voided_at")
    list_filter = ("department__kind",)
    search_fields = ("=room__number", "department__name")
    autocomplete_fields = ("room", "department")
    list_select_related = ("room__building", "department")
    date_hierarchy = "start_date"


class UserStaffProfileInline(admin.StackedInline):
    """The user's department, title and phone, on the user's own admin page."""

    model = StaffProfile
    fk_name = "user"
    can_delete = False
    extra = 0
    max_num = 1
    fields = ("department", "title", "rank", "phone")
    autocomplete_fields = ("department",)


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class BureauUserAdmin(UserAdmin):
    """Django's user admin (its own Chinese labels, groups = roles) plus the staff profile."""

    form = AdminUserChangeForm
    inlines = [UserStaffProfileInline]
    list_display = ("username", "last_name", "first_name", "department", "is_staff", "is_active")
    list_filter = ("groups", "is_staff", "is_superuser", "is_active")
    list_select_related = ("profile__department",)
    search_fields = ("username", "first_name", "last_name", "email", "profile__department__name")

    actions = ["deactivate_selected"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            require_password_change(obj)  # the new user chooses their own password at the first login

    def get_readonly_fields(self, request, obj=None):
        """Roles and permissions are the security administrator's, and nobody changes their own."""
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None and (obj.pk == request.user.pk or not request.user.has_perm("bureau.assign_roles")):
            readonly = (*readonly, "groups", "user_permissions", "is_superuser", "is_staff")
        return readonly

    def has_delete_permission(self, request, obj=None):
        if obj is not None and appears_in_history(obj):
            return False  # who made a change stays on the record: deactivate the account instead
        return super().has_delete_permission(request, obj)

    @admin.action(description=_("Deactivate selected users (they can no longer log in; their records keep them)"))
    def deactivate_selected(self, request, queryset):
        count = 0
        for user in queryset.filter(is_active=True):
            user.is_active = False
            user.save(update_fields=["is_active"])
            count += 1
        self.message_user(request, _("%(count)d users deactivated.") % {"count": count}, messages.SUCCESS)

    @admin.display(description=_("department"), ordering="profile__department__sort_order")
    def department(self, obj):
        profile = getattr(obj, "profile", None)  # a user without a profile raises AttributeError
        return profile.department if profile else "—"


class CalendarDayInline(admin.TabularInline):
    model = CalendarDay
    extra = 0
    fields = ("date", "kind", "name")


@admin.register(CalendarYear)
class CalendarYearAdmin(BureauModelAdmin):
    """An administrator enters a year's holidays and make-up working days from the State Council
    notice and marks the year complete; until then its deadlines count weekends only."""

    list_display = ("year", "complete", "source")
    list_filter = ("complete",)
    search_fields = ("year",)
    inlines = [CalendarDayInline]
