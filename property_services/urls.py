from django.urls import path

from bureau.urls_helpers import move_urls
from property_services import views
from property_services.views import contracts, fees, inspections, repair_qr, repairs, space

app_name = "property_services"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    # outsourced service contracts
    *contracts.SERVICE_CONTRACTS.urls(),
    *contracts.SCORING_ITEMS.urls(),
    *contracts.PENALTY_CLAUSES.urls(),
    # the supervision group's inspections and the monthly assessment
    path("inspections/draw/", inspections.InspectionDrawView.as_view(), name="inspection_draw"),
    path("inspections/<int:pk>/score/", inspections.InspectionScoreView.as_view(), name="inspection_score"),
    *inspections.INSPECTIONS.urls(),
    *inspections.FINDINGS.urls(),
    path(
        "inspections/rectifications/<int:pk>/recheck/",
        inspections.RectificationRecheckView.as_view(),
        name="rectification_recheck",
    ),
    *inspections.RECTIFICATIONS.urls(),
    path("inspections/penalties/add/", inspections.PenaltyAddView.as_view(), name="penalty_add"),
    *inspections.PENALTIES.urls(),
    path("assessments/add/", inspections.AssessmentAddView.as_view(), name="monthlyassessment_add"),
    path("assessments/<int:pk>/pdf/", inspections.AssessmentPdfView.as_view(), name="monthlyassessment_pdf"),
    *inspections.ASSESSMENTS.urls(),
    *move_urls(inspections.AssessmentMoveView, "assessments"),
    # room-based fees and the deduction list
    *fees.FEE_RATES.urls(),
    path("fees/billing/", fees.BillingView.as_view(), name="billing"),
    *fees.BILLING_RUNS.urls(),
    *fees.FEE_CHARGES.urls(),
    path("fees/adjustments/add/", fees.FeeAdjustmentAddView.as_view(), name="feeadjustment_add"),
    *fees.FEE_ADJUSTMENTS.urls(),
    *fees.DEDUCTION_LISTS.urls(),
    *move_urls(fees.DeductionListMoveView, "fees/deductions"),
    path("fees/deductions/<int:pk>/excel/", fees.DeductionListExcelView.as_view(), name="deductionlist_excel"),
    path("fees/deductions/<int:pk>/pdf/", fees.DeductionListPdfView.as_view(), name="deductionlist_pdf"),
    *fees.DEDUCTION_LINES.urls(),
    # the repair line 后勤保障110
    path("repairs/report/", repairs.RepairReportView.as_view(), name="repair_report"),
    path("repairs/hotline/", repairs.RepairHotlineView.as_view(), name="repair_hotline"),
    path("repairs/statistics/", repairs.RepairStatisticsView.as_view(), name="repair_statistics"),
    path("repairs/room/<str:token>/", repair_qr.RoomRepairView.as_view(), name="repair_room"),
    path("repairs/follow/<str:token>/", repair_qr.RepairFollowView.as_view(), name="repair_follow"),
    path("repairs/qr-sheet/<int:pk>/", repair_qr.RoomQrSheetView.as_view(), name="repair_qr_sheet"),
    *repairs.REPAIR_TICKETS.urls(),
    *move_urls(repairs.RepairTicketMoveView, "repairs/tickets"),
    # office space 办公用房
    path("space/report/", space.SpaceReportView.as_view(), name="space_report"),
    path("space/report/xlsx/", space.SpaceReportExcelView.as_view(), name="space_report_xlsx"),
    path("space/offices/", space.OfficeListView.as_view(), name="office_list"),
    *space.OFFICE_STANDARDS.urls(),
    path("space/assignments/add/", space.OfficeAssignmentAddView.as_view(), name="officeassignment_add"),
    *space.OFFICE_ASSIGNMENTS.urls(),
    # campus conduct 文明公约
    *space.CONDUCT_RULES.urls(),
    path("conduct/violations/add/", space.ConductViolationAddView.as_view(), name="conductviolation_add"),
    *space.CONDUCT_VIOLATIONS.urls(),
    path("conduct/monthly/", space.ConductMonthlyView.as_view(), name="conduct_monthly"),
    path("conduct/monthly/xlsx/", space.ConductMonthlyExcelView.as_view(), name="conduct_monthly_xlsx"),
]
