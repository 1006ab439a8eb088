"""Forms of the meeting core: the meeting request (page and admin), a life-cycle move, the budget,
printing orders."""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bureau.concurrency import VersionedFormMixin
from bureau.forms import BureauModelForm, InputRulesMixin, add_service_errors
from bureau.widgets import DateTimeLocalInput
from meetings.choices import BudgetKind, MeetingFormat, PrintingStatus
from meetings.models import BudgetLine, Meeting, PrintingOrder
from meetings.rules import (
    budget_description_check,
    can_edit_amounts,
    can_edit_approved,
    can_edit_requested,
    check_meeting_editable,
    check_printing_open,
    check_printing_order,
)
from meetings.services.meeting import MEETING_FIELDS, meeting_request_check


class MeetingForm(BureauModelForm):
    """The meeting request; saved by meetings.services.meeting_create / meeting_update."""

    pickers = {"host_department": "bureau.department", "venue_room": "meetings.venue"}

    class Meta:
        model = Meeting
        fields = list(MEETING_FIELDS)  # the request's own fields, as the services change them
        widgets = {"start_at": DateTimeLocalInput(), "end_at": DateTimeLocalInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Department employees create meetings for their own department only (the picker's scope).
        departments = self.fields["host_department"].queryset
        if self.user is not None and not self.instance.pk and len(own := departments[:2]) == 1:
            self.fields["host_department"].initial = own[0]
        for name in ("start_at", "end_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        # The rooms' calendar shows which rooms are taken when, before the request is saved.
        self.fields["venue_room"].help_text = format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("meetings:calendar"),
            _("See which meeting rooms are booked (opens the rooms' calendar)"),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_at"), cleaned.get("end_at")
        if start and end and end <= start:
            self.add_error("end_at", _("The end must be after the start."))
            return cleaned
        room, venue_name = cleaned.get("venue_room"), (cleaned.get("venue_name") or "").strip()
        if room and venue_name:
            self.add_error("venue_name", _("Choose either a meeting room or an external venue, not both."))
        if not room and not venue_name and cleaned.get("format") == MeetingFormat.ON_SITE:
            self.add_error("venue_room", _("An on-site meeting needs a meeting room or an external venue."))
        # The venue being free, the standard in force, the category limits and the caps are the
        # services' checks (meeting_create / meeting_update); their refusals come back on the fields.
        return cleaned


class MeetingAdminForm(forms.ModelForm):
    """The pages' rules in the admin too (meetings.admin.MeetingAdmin): who may change the meeting at
    its status, the venue free, the category limits and the caps (meetings.services.meeting); the
    admin saves through them."""

    actor = None  # the admin user, set by MeetingAdmin.get_form

    class Meta:
        model = Meeting
        # Every editable field; the admin's own readonly_fields decide what can change.
        fields = [f.name for f in Meeting._meta.concrete_fields if f.editable and not f.primary_key]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        # The instance gets the form's values only after clean(); check a copy that has them.
        candidate = construct_instance(self, copy.copy(self.instance))
        changed = [name for name in self.changed_data if name in MEETING_FIELDS]
        try:
            if self.instance.pk is not None and self.actor is not None:
                check_meeting_editable(self.actor, self.instance)
            meeting_request_check(meeting=candidate, changed=changed)
        except ValidationError as error:
            add_service_errors(self, error)
        return cleaned


class BudgetLineForm(InputRulesMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["kind", "sub_kind", "description", "requested", "approved", "actual"]

    def __init__(self, *args, may_request=False, may_finance=False, may_approve=False, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("kind", "sub_kind", "description", "requested"):
            self.fields[name].disabled = not may_request
        # The approval fixes the approved amounts (meetings.rules.can_edit_approved); actual ones stay open.
        self.fields["approved"].disabled = not (may_finance and may_approve)
        self.fields["actual"].disabled = not may_finance
        self.fields["requested"].required = may_request
        for field in self.fields.values():
            field.widget.attrs.setdefault(
                "class",
                "form-select form-select-sm"
                if isinstance(field.widget, forms.Select)
                else "form-control form-control-sm",
            )

    def clean_description(self):
        description = self.cleaned_data.get("description", "")
        try:
            budget_description_check(description)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["description"]) from exc
        return description

    def clean(self):
        cleaned = super().clean()
        kind, sub_kind = cleaned.get("kind"), cleaned.get("sub_kind")
        if kind == BudgetKind.OTHER and not sub_kind:
            self.add_error(
                "sub_kind", _("Choose which other cost this is: venue rent, local transport, printing or medical.")
            )
        if kind in (BudgetKind.LODGING, BudgetKind.MEALS) and sub_kind:
            cleaned["sub_kind"] = ""
        return cleaned

    def _post_clean(self):
        # The service validates the model (and the meeting is set there); skip ModelForm's own
        # instance validation, which would complain about the missing meeting on new lines.
        pass


class BaseBudgetFormSet(forms.BaseModelFormSet):
    def __init__(self, *args, meeting, user, **kwargs):
        self.meeting = meeting
        self.may_request = can_edit_requested(user, meeting)
        self.may_finance = can_edit_amounts(user, meeting)
        self.may_approve = can_edit_approved(user, meeting)
        kwargs.setdefault("queryset", BudgetLine.objects.live().filter(meeting=meeting))
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"may_request": self.may_request, "may_finance": self.may_finance, "may_approve": self.may_approve}

    def rows(self):
        """The formset as service rows (see services.budget.meeting_budget_save)."""
        rows = []
        for form in self.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue
            data = {name: form.cleaned_data.get(name) for name in form.fields if name != "DELETE" and name != "id"}
            rows.append(
                {
                    "line": form.instance if form.instance.pk else None,
                    "void": bool(self.can_delete and form.cleaned_data.get("DELETE")),
                    **data,
                }
            )
        return rows


def budget_formset_class(*, meeting, user):
    may_request = can_edit_requested(user, meeting)
    return forms.modelformset_factory(
        BudgetLine,
        form=BudgetLineForm,
        formset=BaseBudgetFormSet,
        extra=3 if may_request else 0,
        can_delete=may_request,
    )


class PrintingOrderForm(BureauModelForm):
    pickers = {"meeting": "meetings.open_meeting"}

    class Meta:
        model = PrintingOrder
        fields = ["meeting", "document", "pages", "copies", "unit_price", "due_at", "status", "cancel_reason"]
        widgets = {"due_at": DateTimeLocalInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # (The admin builds it without the fields it shows read-only.)
        if self.instance.pk and "meeting" in self.fields:  # an order stays with its meeting, even one settled since
            self.fields["meeting"].queryset = Meeting.objects.filter(pk=self.instance.meeting_id)
            self.fields["meeting"].disabled = True
        elif "meeting" in self.fields:  # the picker offers the approved and preparing meetings only
            self.fields["meeting"].error_messages["invalid_choice"] = _(
                "Choose an approved meeting (approved or being prepared): printing orders are placed for those only."
            )
        if "due_at" in self.fields:
            self.fields["due_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]

    def clean(self):
        cleaned = super().clean()
        meeting = cleaned.get("meeting")
        if meeting is not None:
            try:
                check_printing_open(meeting)
            except ValidationError as exc:
                self.add_error("meeting", exc)
            try:
                check_printing_order(
                    meeting=meeting,
                    due_at=cleaned.get("due_at"),
                    is_new=self.instance.pk is None,
                    due_changed="due_at" in self.changed_data,
                )
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    for message in messages:
                        self.add_error(field if field in self.fields else None, message)
        if cleaned.get("status") == PrintingStatus.CANCELLED and not (cleaned.get("cancel_reason") or "").strip():
            self.add_error("cancel_reason", _("Give the reason for cancelling the printing order."))
        return cleaned
