"""Forms of the meeting core: the meeting request, a life-cycle move, the budget, printing orders."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bureau.forms import BureauModelForm, InputRulesMixin
from bureau.models import Department, Room
from meetings.choices import BudgetKind, MeetingStatus, PrintingStatus
from meetings.models import BudgetLine, Meeting, MeetingStandard, PrintingOrder
from meetings.services.budget import budget_description_check, can_edit_amounts, can_edit_requested
from meetings.services.lifecycle import meeting_venue_clash, venue_clash_message


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class MeetingForm(BureauModelForm):
    class Meta:
        model = Meeting
        fields = [
            "title",
            "host_department",
            "category",
            "form",
            "is_county_wide",
            "in_annual_plan",
            "venue_room",
            "venue_name",
            "start_at",
            "end_at",
            "planned_attendees",
            "planned_staff",
        ]
        widgets = {"start_at": DateTimeLocalInput(), "end_at": DateTimeLocalInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Department staff create meetings for their own department only (scoping decides the list).
        departments = Department.objects.filter(active=True)
        if self.user is not None:
            departments = Department.objects.for_user(self.user).filter(active=True)
        self.fields["host_department"].queryset = departments
        if departments.count() == 1 and not self.instance.pk:
            self.fields["host_department"].initial = departments.first()
        self.fields["venue_room"].queryset = Room.objects.meeting_rooms().filter(active=True).select_related("building")
        for name in ("start_at", "end_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_at"), cleaned.get("end_at")
        if start and end and end <= start:
            self.add_error("end_at", _("The end must be after the start."))
            return cleaned
        room, venue_name = cleaned.get("venue_room"), (cleaned.get("venue_name") or "").strip()
        if room and venue_name:
            self.add_error("venue_name", _("Choose either a meeting room or an external venue, not both."))
        if not room and not venue_name and cleaned.get("form") == "on_site":
            self.add_error("venue_room", _("An on-site meeting needs a meeting room or an external venue."))
        if not (start and end and cleaned.get("category") and cleaned.get("planned_attendees") is not None):
            return cleaned
        probe = Meeting(
            pk=self.instance.pk,
            category=cleaned["category"],
            start_at=start,
            end_at=end,
            venue_room=room,
            planned_attendees=cleaned["planned_attendees"],
            planned_staff=cleaned.get("planned_staff") or 0,
        )
        if room:
            clash = meeting_venue_clash(probe)
            if clash is not None:
                self.add_error("venue_room", venue_clash_message(probe, clash))
        standard = MeetingStandard.objects.for_meeting(probe)
        if standard is None:
            from meetings.services.approval import meeting_standard

            try:
                meeting_standard(probe)
            except ValidationError as exc:
                self.add_error("start_at", exc.messages[0])
        else:
            from meetings.services.approval import meeting_size_violations

            for field, message in meeting_size_violations(probe, standard).items():
                self.add_error(field, message)
            self._check_budget_cap(probe, standard)
        return cleaned

    def _check_budget_cap(self, probe, standard):
        """Once submitted, the budget is no longer re-checked at submission: fewer people or days must
        not leave the requested, approved or actual amounts over the new cap."""
        from meetings.services.approval import meeting_budget_totals, meeting_cap_violation
        from meetings.services.budget import REQUEST_EDITABLE

        if self.instance.pk is None or self.instance.status in REQUEST_EDITABLE:
            return
        people_changed = {"planned_attendees", "planned_staff"} & set(self.changed_data)
        field = "planned_attendees" if people_changed else "end_at"
        totals = meeting_budget_totals(self.instance)
        for column in ("requested", "approved", "actual"):
            message = meeting_cap_violation(probe, standard, amount=totals[column], column=column)
            if message:
                self.add_error(field, message)

    def save(self, commit=True):
        meeting = super().save(commit=False)
        is_new = meeting.pk is None
        if is_new and self.user is not None:
            meeting.created_by = self.user
        if commit:
            meeting.save()
            if not is_new and {"start_at", "end_at"} & set(self.changed_data):
                from meetings.services.procedures import meeting_procedures_reschedule

                meeting_procedures_reschedule(meeting=meeting, actor=self.user)
        return meeting


class MoveForm(InputRulesMixin, forms.Form):
    """The confirmation of a life-cycle move, with a comment (required to reject or cancel)."""

    comment = forms.CharField(label=_("Comment"), max_length=500, required=False, widget=forms.Textarea({"rows": 3}))

    def __init__(self, *args, move, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.move = move
        if move in ("reject", "cancel"):
            self.fields["comment"].required = True
            self.fields["comment"].label = _("Reason")
            self.fields["comment"].error_messages["required"] = (
                _("Say why the meeting is rejected.")
                if move == "reject"
                else _("Give the reason for cancelling the meeting.")
            )
        self.helper = FormHelper()
        css = "btn-danger" if move in ("reject", "cancel") else "btn-primary"
        self.helper.add_input(Submit("submit", label, css_class=css))


class BudgetLineForm(InputRulesMixin, forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["kind", "sub_kind", "description", "requested", "approved", "actual"]

    def __init__(self, *args, may_request=False, may_finance=False, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("kind", "sub_kind", "description", "requested"):
            self.fields[name].disabled = not may_request
        for name in ("approved", "actual"):
            self.fields[name].disabled = not may_finance
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
        kwargs.setdefault("queryset", BudgetLine.objects.live().filter(meeting=meeting))
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"may_request": self.may_request, "may_finance": self.may_finance}

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
    class Meta:
        model = PrintingOrder
        fields = ["meeting", "document", "pages", "copies", "unit_price", "due_at", "status", "cancel_reason"]
        widgets = {"due_at": DateTimeLocalInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meetings = Meeting.objects.exclude(status__in=[MeetingStatus.SETTLED, MeetingStatus.CANCELLED])
        if self.user is not None:
            meetings = Meeting.objects.for_user(self.user).exclude(
                status__in=[MeetingStatus.SETTLED, MeetingStatus.CANCELLED]
            )
        if self.instance.pk:
            meetings = meetings | Meeting.objects.filter(pk=self.instance.meeting_id)
            self.fields["meeting"].disabled = True
        self.fields["meeting"].queryset = meetings.order_by("-start_at")
        self.fields["due_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]

    def clean(self):
        cleaned = super().clean()
        meeting = cleaned.get("meeting")
        if meeting is not None and meeting.status in (MeetingStatus.SETTLED, MeetingStatus.CANCELLED):
            self.add_error(
                "meeting",
                _("The meeting is %(status)s; its printing orders can no longer be changed.")
                % {"status": meeting.get_status_display()},
            )
        if cleaned.get("status") == PrintingStatus.CANCELLED and not (cleaned.get("cancel_reason") or "").strip():
            self.add_error("cancel_reason", _("Give the reason for cancelling the printing order."))
        return cleaned

    def save(self, commit=True):
        from meetings.services.budget import printing_order_save

        order = super().save(commit=False)
        if commit:
            order = printing_order_save(order=order, actor=self.user)
        return order
