from django.urls import path

from bureau.urls_helpers import object_urls
from meetings import views
from meetings.views import attendance as attendance_views
from meetings.views import checkin as checkin_views
from meetings.views import procedures as procedure_views

app_name = "meetings"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]

# --- meetings-attendance: procedures, work plan, attendees, seating, attendance, QR sign-in ---
A, P = attendance_views, procedure_views
urlpatterns += [
    # procedures and the work plan of one meeting
    path("<int:pk>/procedures/", P.MeetingProceduresView.as_view(), name="meeting_procedures"),
    path("<int:pk>/procedures/create/", P.MeetingProceduresCreateView.as_view(), name="meeting_procedures_create"),
    path("procedure-steps/<int:pk>/done/", P.ProcedureStepDoneView.as_view(), name="procedurestep_done"),
    path("procedure-steps/<int:pk>/reopen/", P.ProcedureStepReopenView.as_view(), name="procedurestep_reopen"),
    path("procedure-steps/<int:pk>/edit/", P.ProcedureStepEditView.as_view(), name="procedurestep_edit"),
    path("<int:pk>/work-plan/", P.MeetingWorkPlanView.as_view(), name="meeting_work_plan"),
    path("<int:pk>/work-plan/create/", P.MeetingWorkPlanCreateView.as_view(), name="meeting_work_plan_create"),
    path("<int:pk>/work-plan/assign/", P.MeetingWorkPlanAssignView.as_view(), name="meeting_work_plan_assign"),
    path("<int:pk>/work-plan/pdf/", P.MeetingWorkPlanPdfView.as_view(), name="meeting_work_plan_pdf"),
    path(
        "work-plan-posts/<int:pk>/delete/",
        P.WorkPlanAssignmentDeleteView.as_view(),
        name="workplanassignment_delete",
    ),
    *object_urls(
        "procedure-templates",
        "proceduretemplate",
        list_view=P.ProcedureTemplateListView,
        detail_view=P.ProcedureTemplateView,
        history_view=P.ProcedureTemplateHistoryView,
        edit_view=P.ProcedureTemplateEditView,
        delete_view=P.ProcedureTemplateDeleteView,
    ),
    # attendees and seating
    path("<int:pk>/attendees/", A.MeetingAttendeesView.as_view(), name="meeting_attendees"),
    path("<int:pk>/attendees/invite/", A.MeetingAttendeesInviteView.as_view(), name="meeting_attendees_invite"),
    path("<int:pk>/attendees/add/", A.MeetingAttendeeAddView.as_view(), name="meeting_attendee_add"),
    path("<int:pk>/seats/assign/", A.MeetingSeatsAssignView.as_view(), name="meeting_seats_assign"),
    path("<int:pk>/seat-cards.pdf", A.MeetingSeatCardsPdfView.as_view(), name="meeting_seat_cards"),
    path("<int:pk>/seating-chart.pdf", A.MeetingSeatingChartPdfView.as_view(), name="meeting_seating_chart"),
    path("<int:pk>/notices.pdf", A.MeetingNoticesPdfView.as_view(), name="meeting_notices"),
    # attendance: the board, the desk, the QR page
    path("<int:pk>/attendance/", A.MeetingAttendanceView.as_view(), name="meeting_attendance"),
    path("<int:pk>/attendance/close/", A.MeetingAttendanceCloseView.as_view(), name="meeting_attendance_close"),
    path("attendees/<int:pk>/sign-in/", A.AttendeeCheckInDeskView.as_view(), name="attendee_sign_in"),
    path("attendees/<int:pk>/left-early/", A.AttendeeLeftEarlyView.as_view(), name="attendee_left_early"),
    path("attendees/<int:pk>/excuse/", A.AttendeeExcuseView.as_view(), name="attendee_excuse"),
    path("attendees/<int:pk>/edit/", A.AttendeeEditView.as_view(), name="attendee_edit"),
    *object_urls(
        "attendees",
        "attendee",
        list_view=A.AttendeeListView,
        detail_view=A.AttendeeView,
        history_view=A.AttendeeHistoryView,
    ),
    path("checkin/<str:token>/", checkin_views.CheckInView.as_view(), name="checkin"),
]
