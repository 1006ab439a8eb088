from django.urls import include, path

from bureau.urls_helpers import move_urls, object_urls
from meetings import views
from meetings.views import attendance as attendance_views
from meetings.views import calendar, core, statistics
from meetings.views import procedures as procedure_views
from meetings.views import sign_in as sign_in_views

app_name = "meetings"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    # --- official receptions 公务接待 (meetings-reception) ---
    path("receptions/", include("meetings.urls_reception")),
    # --- end official receptions ---
]

# ---- meetings-core: meetings, life cycle, budget and settlement, printing, statistics ----
urlpatterns += [
    *object_urls(
        "m",
        "meeting",
        list_view=core.MeetingListView,
        detail_view=core.MeetingView,
        history_view=core.MeetingHistoryView,
        edit_view=core.MeetingEditView,
    ),
    *move_urls(core.MeetingMoveView, "m"),
    path("m/<int:pk>/budget/", core.MeetingBudgetView.as_view(), name="meeting_budget"),
    path("m/<int:pk>/budget/edit/", core.MeetingBudgetEditView.as_view(), name="meeting_budget_edit"),
    path("m/<int:pk>/settlement.pdf", core.MeetingSettlementPdfView.as_view(), name="meeting_settlement_pdf"),
    path("m/<int:pk>/printing/", core.MeetingPrintingView.as_view(), name="meeting_printing"),
    *core.PRINTING_ORDERS.urls(),
    path("statistics/", statistics.MeetingStatisticsView.as_view(), name="statistics"),
    # the rooms' calendar, and its iCal feeds (the address's key stands for the login)
    path("calendar/", calendar.MeetingCalendarView.as_view(), name="calendar"),
    path("calendar/feed/<str:token>.ics", calendar.CalendarFeedView.as_view(), name="calendar_feed"),
]
# ---- end meetings-core ----

# --- meetings-attendance: procedures, work plan, attendees, seating, attendance, QR sign-in ---
A, P = attendance_views, procedure_views
urlpatterns += [
    # procedures and the work plan of one meeting
    path("m/<int:pk>/procedures/", P.MeetingProceduresView.as_view(), name="meeting_procedures"),
    path("m/<int:pk>/procedures/create/", P.MeetingProceduresCreateView.as_view(), name="meeting_procedures_create"),
    path("procedure-steps/<int:pk>/done/", P.ProcedureStepDoneView.as_view(), name="procedurestep_done"),
    path("procedure-steps/<int:pk>/reopen/", P.ProcedureStepReopenView.as_view(), name="procedurestep_reopen"),
    path("procedure-steps/<int:pk>/edit/", P.ProcedureStepEditView.as_view(), name="procedurestep_edit"),
    path("m/<int:pk>/work-plan/", P.MeetingWorkPlanView.as_view(), name="meeting_work_plan"),
    path("m/<int:pk>/work-plan/create/", P.MeetingWorkPlanCreateView.as_view(), name="meeting_work_plan_create"),
    path("m/<int:pk>/work-plan/assign/", P.MeetingWorkPlanAssignView.as_view(), name="meeting_work_plan_assign"),
    path("m/<int:pk>/work-plan.pdf", P.MeetingWorkPlanPdfView.as_view(), name="meeting_work_plan_pdf"),
    path(
        "work-plan-posts/<int:pk>/delete/",
        P.WorkPlanAssignmentDeleteView.as_view(),
        name="workplanassignment_delete",
    ),
    *P.PROCEDURE_TEMPLATES.urls(),
    # attendees and seating
    path("m/<int:pk>/attendees/", A.MeetingAttendeesView.as_view(), name="meeting_attendees"),
    path("m/<int:pk>/attendees/invite/", A.MeetingAttendeesInviteView.as_view(), name="meeting_attendees_invite"),
    path("m/<int:pk>/attendees/add/", A.MeetingAttendeeAddView.as_view(), name="meeting_attendee_add"),
    path("m/<int:pk>/seats/assign/", A.MeetingSeatsAssignView.as_view(), name="meeting_seats_assign"),
    path("m/<int:pk>/seat-cards.pdf", A.MeetingSeatCardsPdfView.as_view(), name="meeting_seat_cards_pdf"),
    path("m/<int:pk>/seating-chart.pdf", A.MeetingSeatingChartPdfView.as_view(), name="meeting_seating_chart_pdf"),
    path("m/<int:pk>/notices.pdf", A.MeetingNoticesPdfView.as_view(), name="meeting_notices_pdf"),
    # attendance: the board, the desk, the QR page
    path("m/<int:pk>/attendance/", A.MeetingAttendanceView.as_view(), name="meeting_attendance"),
    path("m/<int:pk>/attendance/close/", A.MeetingAttendanceCloseView.as_view(), name="meeting_attendance_close"),
    path("m/<int:pk>/attendance/scan/", A.MeetingDeskScanView.as_view(), name="meeting_desk_scan"),
    path("attendees/<int:pk>/sign-in/", A.AttendeeSignInDeskView.as_view(), name="attendee_sign_in"),
    path("attendees/<int:pk>/left-early/", A.AttendeeLeftEarlyView.as_view(), name="attendee_left_early"),
    path("attendees/<int:pk>/excuse/", A.AttendeeExcuseView.as_view(), name="attendee_excuse"),
    path("attendees/<int:pk>/edit/", A.AttendeeEditView.as_view(), name="attendee_edit"),
    *A.ATTENDEES.urls(),
    path("sign-in/<slug:token>/", sign_in_views.SignInView.as_view(), name="sign_in"),
    path("reply/<slug:token>/", sign_in_views.ReplyView.as_view(), name="reply"),
    # the meeting's code on seat and table cards: asks who signs in
    path("check-in/<str:code>/", sign_in_views.MeetingCheckInView.as_view(), name="meeting_check_in"),
]
# --- end meetings-attendance ---
