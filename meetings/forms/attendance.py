"""Forms for attendees, seating, desk attendance, procedures and the work plan."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bureau.forms import BureauForm, BureauModelForm
from bureau.pickers import PickerField
from bureau.widgets import DateTimeLocalInput
from meetings.choices import ReplyStatus, WorkPlanPost
from meetings.models import Attendee, MeetingProcedureStep, ProcedureTemplate


class InviteDepartmentForm(BureauForm):
    submit_label = _("Invite")
    department = PickerField("bureau.department", label=_("Department"))
    titles = forms.CharField(
        label=_("Only these positions"),
        required=False,
        help_text=_("Optional, separated by commas (e.g. 局长,副局长); empty invites all staff on record."),
    )

    def clean_titles(self):
        raw = self.cleaned_data["titles"].replace("，", ",")
        return [title.strip() for title in raw.split(",") if title.strip()]


class AttendeeAddForm(BureauForm):
    submit_label = _("Add attendee")
    name = forms.CharField(label=_("Name"), max_length=50)
    department = PickerField("bureau.department", label=_("Department"), required=False)
    organisation = forms.CharField(
        label=_("Organisation"), max_length=100, required=False, help_text=_("For outside guests.")
    )
    title = forms.CharField(label=_("Position"), max_length=50, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    protocol_order = forms.IntegerField(
        label=_("Protocol order"),
        min_value=1,
        max_value=Attendee._meta.get_field("protocol_order").max_value,
        required=False,
        help_text=_("Empty: after everyone invited so far."),
    )


class SeatAssignForm(BureauForm):
    submit_label = _("Assign seats by protocol order")
    rows = forms.IntegerField(label=_("Rows"), min_value=1, max_value=100)
    seats_per_row = forms.IntegerField(label=_("Seats per row"), min_value=1, max_value=100)


class AttendeeForm(BureauModelForm):
    """Edit one attendee, including a manual seat change (a taken seat names who sits there)."""

    pickers = {"department": "bureau.department"}

    class Meta:
        model = Attendee
        fields = ["name", "department", "organisation", "title", "phone", "protocol_order", "seat_row", "seat_number"]

    def clean(self):
        cleaned = super().clean()
        # The seat rules and the meeting's status are checked by services.attendee_update.
        if not cleaned.get("department") and not (cleaned.get("organisation") or "").strip():
            self.add_error("organisation", _("Give the department or, for an outside guest, the organisation."))
        return cleaned


class ExcuseForm(BureauForm):
    submit_label = _("Record leave")
    reason = forms.CharField(
        label=_("Reason for leave"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}), strip=True
    )


def time_on_meeting_day(meeting, value, now=None):
    """A time typed at the desk as an instant: on today's date while the meeting runs (day 2 of a
    two-day meeting is day 2), else on the meeting's first day (recorded afterwards); local time."""
    if value is None:
        return None
    day = today = timezone.localdate(now)
    if meeting is not None:
        first_day, last_day = timezone.localdate(meeting.start_at), timezone.localdate(meeting.end_at)
        if not first_day <= today <= last_day:
            day = first_day
    return timezone.make_aware(datetime.datetime.combine(day, value))


def _desk_time_field(label):
    return forms.TimeField(
        label=label,
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Empty: now."),
    )


class LeftEarlyForm(BureauForm):
    submit_label = _("Mark as left early")
    left_at = _desk_time_field(_("Left at"))

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting

    def left_at_datetime(self, now=None):
        return time_on_meeting_day(self.meeting, self.cleaned_data.get("left_at"), now)


class DeskSignInForm(BureauForm):
    """Sign in at the desk; a late arrival's time may be given afterwards (the desk was busy)."""

    submit_label = _("Sign in")
    arrived_at = _desk_time_field(_("Arrived at"))

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting

    def arrived_at_datetime(self, now=None):
        return time_on_meeting_day(self.meeting, self.cleaned_data.get("arrived_at"), now)


class DeskScanForm(BureauForm):
    """What a scanner types at the desk: the personal sign-in link of a notice's QR code (or its token)."""

    submit_label = _("Sign in")
    code = forms.CharField(
        label=_("Scanned code"),
        max_length=300,
        help_text=_("Scan the QR code of the attendee's notice, or type the code under it."),
    )

    def token(self):
        """The token: the last part of a sign-in link, or the code as typed."""
        code = self.cleaned_data["code"].strip()
        parts = [part for part in code.split("?")[0].split("/") if part]
        return parts[-1] if parts else code


class ProcedureStepForm(BureauModelForm):
    pickers = {"owner": "bureau.person"}

    class Meta:
        model = MeetingProcedureStep
        fields = ["owner", "due_at", "note"]
        widgets = {"due_at": DateTimeLocalInput()}


class ProcedureTemplateForm(BureauModelForm):
    class Meta:
        model = ProcedureTemplate
        fields = ["phase", "order", "name", "description", "due_offset_hours", "active"]


class WorkPlanCreateForm(BureauForm):
    submit_label = _("Draw up the work plan")
    is_major_event = forms.BooleanField(
        label=_("Major event"), required=False, help_text=_("Needed when the meeting is not county-wide.")
    )


class WorkPlanAssignForm(BureauForm):
    submit_label = _("Assign")
    post = forms.ChoiceField(label=_("Post"), choices=WorkPlanPost.choices)
    staff = PickerField("bureau.person", label=_("Staff member"))
    duties = forms.CharField(label=_("Duties"), max_length=300, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False, help_text=_("Empty: from the profile."))


class ReplyForm(BureauForm):
    """The reply (回执) on the invitee's phone: come, not come, or who comes instead."""

    submit_label = _("Send the reply")
    reply = forms.ChoiceField(label=_("reply to the notice"), choices=ReplyStatus.choices, widget=forms.RadioSelect)
    substitute_name = forms.CharField(label=_("substitute"), max_length=50, required=False)
    substitute_title = forms.CharField(label=_("substitute's position"), max_length=50, required=False)
    note = forms.CharField(
        label=_("note"), max_length=200, required=False, help_text=_("E.g. the reason you can't come.")
    )
