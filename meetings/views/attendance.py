"""Attendees, seating and attendance pages of one meeting, and the attendee register.

Every page checks its model permission first (403), then finds the meeting through
Meeting.objects.for_user (another department's meeting → 404)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from django.views.generic.edit import FormMixin

from bureau.forms import add_service_errors
from bureau.registers import Register
from bureau.views import generic
from meetings import pdf_attendance, rules
from meetings.choices import AttendanceStatus, SignInMethod
from meetings.filtersets.attendance import AttendeeFilterSet
from meetings.forms.attendance import (
    AttendeeAddForm,
    AttendeeForm,
    DeskScanForm,
    DeskSignInForm,
    ExcuseForm,
    InviteDepartmentForm,
    LeftEarlyForm,
    SeatAssignForm,
)
from meetings.models import Attendee
from meetings.selectors.attendance import effective_status, meeting_attendance_board, meeting_has_ended
from meetings.services import attendance as services
from meetings.tables.attendance import AttendeeTable
from meetings.views.base import MEETING_RELATED, MeetingPageMixin, MeetingPdfView

# The board polls itself this often: the hall sees sign-ins come in without anyone reloading.
BOARD_REFRESH_SECONDS = 10


class AttendeeBoundMixin(MeetingPageMixin):
    """A desk action on one attendee (URL kwarg `pk` = the attendee), scoped through its meeting."""

    permission_required = "meetings.change_attendee"
    success_url_name = "meetings:meeting_attendance"

    def get_object(self):
        # Attendee.objects.for_user scopes through Meeting.objects.for_user.
        attendees = Attendee.objects.for_user(self.request.user).select_related(
            *(f"meeting__{name}" for name in MEETING_RELATED), "department"
        )
        self.attendee = get_object_or_404(attendees, pk=self.kwargs["pk"])
        return self.attendee.meeting


# --- attendees and seating -------------------------------------------------------------------


class MeetingAttendeesView(MeetingPageMixin, TemplateView):
    permission_required = "meetings.view_attendee"
    template_name = "meetings/attendance/attendees.html"
    tab = "attendees"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attendees = list(self.meeting.attendees.select_related("department").in_protocol_order())
        count = len([a for a in attendees if a.status != AttendanceStatus.EXCUSED])
        per_row = min(max(count, 1), 12)
        context.update(
            attendees=attendees,
            invite_form=InviteDepartmentForm(user=self.request.user),
            add_form=AttendeeAddForm(user=self.request.user),
            seat_form=SeatAssignForm(initial={"rows": max(1, -(-count // per_row)), "seats_per_row": per_row}),
            can_add_attendees=self.request.user.has_perm("meetings.add_attendee"),
            can_manage_attendees=self.request.user.has_perm("meetings.change_attendee"),
        )
        return context


class _AttendeesPostView(MeetingAttendeesView):
    """A form of the attendees page. Refused, the page is shown again with this form as typed and
    its messages on the fields; accepted, back to the page."""

    http_method_names = ["post"]
    permission_required = "meetings.add_attendee"
    success_url_name = "meetings:meeting_attendees"
    form_class = None
    form_context_name = None  # the attendees page's name for this form

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST, user=request.user)
        if form.is_valid():
            try:
                self.act(form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return self.back()
        self.bound_form = form
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context[self.form_context_name] = self.bound_form
        return context


class MeetingAttendeesInviteView(_AttendeesPostView):
    form_class = InviteDepartmentForm
    form_context_name = "invite_form"

    def act(self, data):
        new = services.attendee_invite_department(
            meeting=self.meeting, actor=self.request.user, department=data["department"], titles=data["titles"]
        )
        messages.success(
            self.request,
            _("%(count)s people of %(department)s invited.") % {"count": len(new), "department": data["department"]},
        )


class MeetingAttendeeAddView(_AttendeesPostView):
    form_class = AttendeeAddForm
    form_context_name = "add_form"

    def act(self, data):
        attendee = services.attendee_add(meeting=self.meeting, actor=self.request.user, **data)
        messages.success(self.request, _("%(name)s invited.") % {"name": attendee.name})


class MeetingSeatsAssignView(_AttendeesPostView):
    form_class = SeatAssignForm
    form_context_name = "seat_form"
    permission_required = "meetings.change_attendee"

    def act(self, data):
        seated = services.meeting_seats_assign(
            meeting=self.meeting, actor=self.request.user, rows=data["rows"], seats_per_row=data["seats_per_row"]
        )
        messages.success(self.request, _("%(count)s attendees seated by protocol order.") % {"count": len(seated)})


class MeetingSeatCardsPdfView(MeetingPdfView):
    """Seat cards carry the meeting's sign-in code (no one's personal link); the meeting centre prints them."""

    permission_required = "meetings.change_attendee"
    document = "座位牌"

    def render_pdf(self):
        attendees = self.meeting.attendees.exclude(status=AttendanceStatus.EXCUSED).select_related("department")
        attendees = attendees.order_by("seat_row", "seat_number", "protocol_order", "id")
        return pdf_attendance.seat_cards_pdf(meeting=self.meeting, attendees=attendees, request=self.request)


class MeetingNoticesPdfView(MeetingPdfView):
    permission_required = "meetings.change_attendee"
    document = "参会通知"

    def render_pdf(self):
        attendees = self.meeting.attendees.select_related("department").in_protocol_order()
        return pdf_attendance.notices_pdf(meeting=self.meeting, attendees=attendees, request=self.request)


class MeetingSeatingChartPdfView(MeetingPdfView):
    permission_required = "meetings.view_attendee"
    document = "座次图"

    def render_pdf(self):
        attendees = self.meeting.attendees.exclude(status=AttendanceStatus.EXCUSED).select_related("department")
        return pdf_attendance.seating_chart_pdf(meeting=self.meeting, attendees=attendees, request=self.request)


# --- attendance board and desk ---------------------------------------------------------------


class MeetingAttendanceView(MeetingPageMixin, TemplateView):
    """The board and the desk. `?live=1` answers the board alone (the page polls it); `?projector=1`
    is the board full-screen for the hall's projector; `?q=` narrows the desk to a name or unit."""

    permission_required = "meetings.view_attendee"
    template_name = "meetings/attendance/board.html"
    tab = "attendance"

    def get_template_names(self):
        if self.request.GET.get("live"):
            return ["meetings/attendance/_board_live.html"]
        if self.request.GET.get("projector"):
            return ["meetings/attendance/board_projector.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(board=meeting_attendance_board(meeting=self.meeting), refresh_seconds=BOARD_REFRESH_SECONDS)
        if self.request.GET.get("live") or self.request.GET.get("projector"):
            return context
        ended = meeting_has_ended(self.meeting)
        query = self.request.GET.get("q", "").strip()[:50]
        attendees = self.meeting.attendees.select_related("department").in_protocol_order()
        if query:
            attendees = attendees.filter(
                Q(name__contains=query) | Q(organisation__contains=query) | Q(department__name__contains=query)
            )
        attendees = list(attendees)
        for attendee in attendees:
            attendee.effective = effective_status(attendee, ended=ended)
        refusal = services.sign_in_refusal(meeting=self.meeting)
        context.update(
            attendees=attendees,
            query=query,
            refusal=refusal,
            can_close=ended
            and self.meeting.status in rules.ATTENDANCE_CLOSING_STATUSES
            and self.meeting.attendees.filter(status=AttendanceStatus.PENDING).exists(),
            # Only the desk buttons the services will accept in the meeting's state.
            can_excuse=self.meeting.status in rules.EXCUSING_STATUSES,
            can_mark_left=self.meeting.status in rules.RECORDING_STATUSES,
            can_manage_attendees=self.request.user.has_perm("meetings.change_attendee"),
            scan_form=DeskScanForm(user=self.request.user) if not refusal else None,
        )
        return context


class MeetingDeskScanView(MeetingPageMixin, FormMixin, TemplateView):
    """The desk's scanner: the code of an attendee's notice signs them in (they showed it in person)."""

    permission_required = "meetings.change_attendee"
    success_url_name = "meetings:meeting_attendance"
    template_name = "meetings/attendance/desk_scan.html"
    tab = "attendance"
    form_class = DeskScanForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        attendee = self.meeting.attendees.filter(token=form.token()).first()
        if attendee is None:
            form.add_error("code", _("This code is not the sign-in code of anyone invited to this meeting."))
            return self.form_invalid(form)
        try:
            attendee, changed = services.attendee_sign_in(
                attendee=attendee, actor=request.user, method=SignInMethod.DESK
            )
        except ValidationError as exc:
            form.add_error("code", generic.error_text(exc))
            return self.form_invalid(form)
        _report_sign_in(request, attendee, changed)
        return self.back()


def _report_sign_in(request, attendee, changed):
    if changed:
        messages.success(request, _("%(name)s signed in.") % {"name": attendee.name})
    else:
        messages.info(request, rules.already_signed_in_message(attendee))


class _AttendeeFormView(AttendeeBoundMixin, FormMixin, TemplateView):
    template_name = "meetings/attendance/attendee_action.html"
    tab = "attendance"
    title = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(attendee=self.attendee, title=self.title)
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            try:
                self.act(form)
            except ValidationError as exc:
                add_service_errors(form, exc)
                return self.form_invalid(form)
            return self.back()
        return self.form_invalid(form)


class AttendeeSignInDeskView(_AttendeeFormView):
    """Sign in at the desk: the board's button signs in now; a late arrival's time may be given."""

    form_class = DeskSignInForm

    @property
    def title(self):
        return _("Sign in: %(name)s") % {"name": self.attendee.name}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def act(self, form):
        attendee, changed = services.attendee_sign_in(
            attendee=self.attendee,
            actor=self.request.user,
            method=SignInMethod.DESK,
            arrived_at=form.arrived_at_datetime(),
        )
        _report_sign_in(self.request, attendee, changed)


class AttendeeLeftEarlyView(_AttendeeFormView):
    form_class = LeftEarlyForm

    @property
    def title(self):
        return _("Left early: %(name)s") % {"name": self.attendee.name}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def act(self, form):
        services.attendee_mark_left_early(attendee=self.attendee, actor=self.request.user, at=form.left_at_datetime())
        messages.success(self.request, _("%(name)s marked as leaving early.") % {"name": self.attendee.name})


class AttendeeExcuseView(_AttendeeFormView):
    form_class = ExcuseForm

    @property
    def title(self):
        return _("Leave (请假): %(name)s") % {"name": self.attendee.name}

    def get_initial(self):
        return {"reason": self.attendee.excuse_reason}

    def act(self, form):
        services.attendee_excuse(attendee=self.attendee, actor=self.request.user, reason=form.cleaned_data["reason"])
        messages.success(self.request, _("Leave recorded for %(name)s.") % {"name": self.attendee.name})


class MeetingAttendanceCloseView(MeetingPageMixin, View):
    http_method_names = ["post"]
    permission_required = "meetings.change_attendee"
    success_url_name = "meetings:meeting_attendance"

    def post(self, request, *args, **kwargs):
        try:
            count = services.meeting_attendance_close(meeting=self.meeting, actor=request.user)
        except ValidationError as exc:
            messages.error(request, generic.error_text(exc))
        else:
            messages.success(request, _("%(count)s attendees who never signed in marked absent.") % {"count": count})
        return self.back()


# --- the attendee register (edited one by one through the service; added from its meeting) -----


class AttendeeListView(generic.ObjectListView):
    # Meta.ordering's "meeting" sorts by the meeting's start over every attendee; this is an index's order.
    ordering = ("-meeting_id", "protocol_order", "id")


class AttendeeDetailView(generic.ObjectDetailView):
    # The phone is masked; the meeting centre, which calls attendees, may show it in full (audited).
    personal_fields = ("phone",)
    personal_full_permission = "meetings.change_attendee"


ATTENDEES = Register(
    Attendee,
    "attendees",
    table=AttendeeTable,
    filterset=AttendeeFilterSet,
    select_related=("meeting", "department"),
    views={"list": AttendeeListView, "detail": AttendeeDetailView},
    detail_select_related=("meeting", "department", "user", "signed_in_by"),
    detail_fields=(
        "meeting",
        "name",
        "department",
        "organisation",
        "title",
        "phone",
        "protocol_order",
        "seat_row",
        "seat_number",
        "status",
        "is_late",
        "signed_in_at",
        "sign_in_method",
        "signed_in_by",
        "left_at",
        "excuse_reason",
    ),
)


class AttendeeEditView(generic.ObjectEditView):
    model = Attendee
    form_class = AttendeeForm

    def save_form(self, form):
        # Through the service: the list must still be open and a taken seat names who sits there.
        return services.attendee_update(
            attendee=self.object,
            actor=self.request.user,
            **{name: form.cleaned_data[name] for name in services.ATTENDEE_EDITABLE_FIELDS},
        )

    def get_success_url(self):
        return reverse("meetings:meeting_attendees", args=[self.object.meeting_id])
