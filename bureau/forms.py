"""Form base classes: crispy layout, the current user, and Chinese messages on the right field."""

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from bureau.concurrency import VersionedFormMixin
from bureau.fields import PlausibleDateValidator
from bureau.integrity import integrity_error_as_validation_error, move_constraint_errors_to_fields
from bureau.models import Building, Department, Room, RoomOccupancy, StaffProfile, person_name
from bureau.pickers import bind_pickers
from bureau.workflow import REQUIRED

# Control characters no one types: NUL (which PostgreSQL can't store) and the rest of C0/C1 except
# tab and line breaks, which a textarea sends.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@deconstructible
class NoControlCharactersValidator:
    code = "control_characters"

    def __call__(self, value):
        if CONTROL_CHARACTERS.search(str(value)):
            raise ValidationError(
                _("This text contains an invisible control character (such as NUL); remove it and type it again."),
                code=self.code,
            )

    def __eq__(self, other):
        return isinstance(other, NoControlCharactersValidator)

    def __hash__(self):
        return hash(NoControlCharactersValidator)


def refuse_control_characters(form):
    """Every text field of `form` refuses control characters with a clear message (instead of
    Django's NUL check alone, whose Chinese reads as "empty strings are not allowed")."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and not getattr(field, "refuses_no_input", False):
            others = [v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)]
            field.validators = [*others, NoControlCharactersValidator()]


class InputRulesMixin:
    """What every form refuses or explains alike: control characters, with a clear message; in a
    model form, a violated constraint, with its rule in words on the field it concerns."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        refuse_control_characters(self)

    def _update_errors(self, errors):  # ModelForm's hook for the model's validation errors
        super()._update_errors(move_constraint_errors_to_fields(self._meta.model, errors, self.fields))


def _prepare(form):
    """What every page form gets: a crispy helper with its submit button, date pickers, people by name."""
    form.helper = FormHelper()
    form.helper.add_input(Submit("submit", form.submit_label))
    for field in form.fields.values():
        if isinstance(field.widget, forms.DateInput):
            field.widget.input_type = "date"
            field.widget.format = "%Y-%m-%d"
        if isinstance(field, forms.ModelChoiceField) and issubclass(field.queryset.model, AbstractBaseUser):
            field.label_from_instance = person_name  # people are chosen by name, not by login
    bind_pickers(form, getattr(form, "user", None), getattr(form, "pickers", None))


def plausible_date_field(label, **kwargs):
    """A date on a plain form, held to the bureau's plausible range like `fields.PlausibleDateField`
    on a model (a message on the field, never a date in year 1 reaching a service)."""
    field = forms.DateField(label=label, widget=forms.DateInput(), validators=[PlausibleDateValidator()], **kwargs)
    field.widget.attrs.update(min=settings.BUREAU_DATE_MIN.isoformat(), max=settings.BUREAU_DATE_MAX.isoformat())
    return field


class BureauForm(InputRulesMixin, forms.Form):
    """A page form that is not a model form (a confirmation, a reason, a batch action); `user` scopes
    its pickers."""

    submit_label = _("Save")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        _prepare(self)


class BureauModelForm(InputRulesMixin, VersionedFormMixin, forms.ModelForm):
    """Every page form: takes `user` (for scoping choices), renders with crispy-bootstrap5, and
    refuses to save over a change made since it was opened (bureau.concurrency)."""

    submit_label = _("Save")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        _prepare(self)


def add_integrity_error(form, exc):
    """Put a database constraint violation (IntegrityError) on the form, on the field it concerns."""
    add_service_errors(form, integrity_error_as_validation_error(exc))


def add_service_errors(form, exc):
    """Put a service's ValidationError on the form: on its field where the form has one, else above it."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


class VoidForm(InputRulesMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why this record is voided; kept in its history."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Void"), css_class="btn-danger"))


class MoveForm(InputRulesMixin, forms.Form):
    """The confirmation of a workflow move: its button, and the reason where the move asks one."""

    def __init__(self, *args, move, field_name="reason", **kwargs):
        super().__init__(*args, **kwargs)
        required = move.reason == REQUIRED
        self.fields[field_name] = forms.CharField(
            label=_("Reason") if required else _("Comment"),
            max_length=500,
            required=required,
            widget=forms.Textarea({"rows": 3}),
            error_messages={"required": move.reason_message},
        )
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", move.label, css_class=move.css.replace("btn-outline-", "btn-")))


class DepartmentForm(BureauModelForm):
    pickers = {"parent": "bureau.department", "head": "bureau.person"}

    class Meta:
        model = Department
        fields = ["name", "short_name", "code", "kind", "parent", "head", "active", "sort_order"]


class BuildingForm(BureauModelForm):
    class Meta:
        model = Building
        fields = ["name", "code", "address", "floors"]


class RoomForm(BureauModelForm):
    pickers = {"building": "bureau.building"}

    class Meta:
        model = Room
        fields = ["building", "floor", "number", "name", "use", "area", "capacity", "equipment", "active"]


class RoomOccupancyForm(BureauModelForm):
    pickers = {"room": "bureau.room", "department": "bureau.department"}

    class Meta:
        model = RoomOccupancy
        fields = ["room", "department", "start_date", "end_date", "note"]
        widgets = {"start_date": forms.DateInput(), "end_date": forms.DateInput()}


class RoomOccupancyInlineFormSet(forms.BaseInlineFormSet):
    """Occupancies entered together for one room (the admin's inline) must not overlap each other
    either; each form's own clean() already checks them against the saved rows."""

    def clean(self):
        super().clean()
        periods = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("start_date"):
                continue
            start, end = data["start_date"], data.get("end_date")
            for other_form, other_start, other_end in periods:
                if (other_end is None or other_end >= start) and (end is None or other_start <= end):
                    form.add_error(
                        "start_date",
                        _("This period overlaps the one entered for %(department)s from %(start)s.")
                        % {"department": other_form.cleaned_data.get("department"), "start": other_start},
                    )
            periods.append((form, start, end))


class StaffProfileForm(BureauModelForm):
    pickers = {"user": "bureau.person", "department": "bureau.department"}

    class Meta:
        model = StaffProfile
        fields = ["user", "department", "title", "phone"]
