"""Excel import and export of the people register (通讯录) in the admin (django-import-export).

One row a person: 编号 (empty for a new person), 姓名, 单位 (code or name), 职务, 职级, 电话. A new person
gets an account that cannot log in (no usable password). Every row is checked before anything is
saved and a bad row is reported on its own line, in Chinese, with the column it concerns; the preview
shows each row as new, changed or invalid.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from bureau.choices import Rank
from bureau.models import Department, StaffProfile, person_name, split_person_name
from bureau.services import person_save

# The spreadsheet's columns, as a bureau's own 通讯录 names them.
ID, NAME, DEPARTMENT, TITLE, RANK, PHONE = "编号", "姓名", "单位", "职务", "职级", "电话"
COLUMNS = {"id": ID, "name": NAME, "department": DEPARTMENT, "title": TITLE, "rank": RANK, "phone": PHONE}


class DepartmentWidget(widgets.ForeignKeyWidget):
    """A unit by its code or its full or short name."""

    def __init__(self):
        super().__init__(Department, field="code")

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            raise ValueError(_("Each person needs a department (its code or name)."))
        found = list(Department.objects.filter(Q(code=text) | Q(name=text) | Q(short_name=text))[:2])
        if len(found) != 1:
            if found:
                raise ValueError(_("“%(value)s” names more than one department: use its code.") % {"value": text})
            raise ValueError(_("No department has the code or name “%(value)s”.") % {"value": text})
        return found[0]

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class RankWidget(widgets.Widget):
    """A rank by its Chinese name (正科级) or its code (section_chief); empty: not recorded."""

    def clean(self, value, row=None, **kwargs):
        text = "".join(str(value or "").split())
        if not text:
            return ""
        for rank in Rank:
            if text in (rank.value, str(rank.label)):
                return rank.value
        raise ValueError(
            _("Unknown rank “%(value)s”: use one of %(ranks)s, or leave it empty.")
            % {"value": text, "ranks": "、".join(str(rank.label) for rank in Rank)}
        )

    def render(self, value, obj=None, **kwargs):
        return str(Rank(value).label) if value else ""


class PersonResource(resources.ModelResource):
    id = fields.Field(attribute="id", column_name=ID, widget=widgets.IntegerWidget())
    name = fields.Field(column_name=NAME)
    department = fields.Field(attribute="department", column_name=DEPARTMENT, widget=DepartmentWidget())
    title = fields.Field(attribute="title", column_name=TITLE)
    rank = fields.Field(attribute="rank", column_name=RANK, widget=RankWidget())
    phone = fields.Field(attribute="phone", column_name=PHONE)

    class Meta:
        model = StaffProfile
        fields = ("id", "name", "department", "title", "rank", "phone")
        import_id_fields = ("id",)
        clean_model_instances = True
        skip_unchanged = True
        use_bulk = False  # each person through person_save: their account, their history

    def __init__(self, actor=None, **kwargs):
        super().__init__(**kwargs)
        self.actor = actor

    def import_data(self, dataset, **kwargs):
        # A file is imported whole or not at all: a bad row rolls back the good ones too.
        return super().import_data(dataset, **{**kwargs, "rollback_on_validation_errors": True})

    def get_queryset(self):
        return StaffProfile.objects.select_related("user", "department")

    def dehydrate_name(self, profile):
        return person_name(profile.user)

    def get_instance(self, instance_loader, row):
        raw = row.get(ID)
        if raw in (None, ""):
            return None
        try:
            return StaffProfile.objects.select_related("user").get(pk=int(str(raw).strip()))
        except (ValueError, StaffProfile.DoesNotExist):
            # Reported on the row by import_instance (an id that is no person's is an error, not a new person).
            return None

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        raw_id = row.get(ID)
        if raw_id not in (None, "") and instance.pk is None:
            errors["id"] = [
                _("No person has the number “%(value)s”; leave it empty for a new person.") % {"value": raw_id}
            ]
        name = "".join(str(row.get(NAME) or "").split())
        if len(name) < 2:
            errors["name"] = [_("Each person needs a full name, surname first (at least two characters).")]
        elif len(name) > 60:
            errors["name"] = [_("A name has at most 60 characters.")]
        instance._import_name = name
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        try:
            # The account is made on saving (person_save): a new person has none yet.
            instance.full_clean(exclude=[*errors, "user"], validate_unique=validate_unique)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        if errors:
            # Each error under the column it concerns, as the spreadsheet names it.
            raise ValidationError({COLUMNS.get(key, key): value for key, value in errors.items()})

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if instance.pk and original is not None:
            surname, given = split_person_name(getattr(instance, "_import_name", ""))
            if (instance.user.last_name, instance.user.first_name) != (surname, given):
                return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        self.before_save_instance(instance, row, **kwargs)
        if not self._is_dry_run(kwargs) or self._is_using_transactions(kwargs):
            person_save(profile=instance, name=instance._import_name, actor=self.actor)
        self.after_save_instance(instance, row, **kwargs)
