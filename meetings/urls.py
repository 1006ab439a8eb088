from django.urls import include, path

from bureau.urls_helpers import object_urls
from meetings import views

# ---- meetings-core ----
from meetings.services.lifecycle import TRANSITIONS  # noqa: I001
from meetings.views import core, statistics

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
    *[
        path(f"m/<int:pk>/{move.replace('_', '-')}/", core.move_view(move).as_view(), name=f"meeting_{move}")
        for move in TRANSITIONS
    ],
    path("m/<int:pk>/budget/", core.MeetingBudgetView.as_view(), name="meeting_budget"),
    path("m/<int:pk>/budget/edit/", core.MeetingBudgetEditView.as_view(), name="meeting_budget_edit"),
    path("m/<int:pk>/settlement.pdf", core.MeetingSettlementPdfView.as_view(), name="meeting_settlement_pdf"),
    path("m/<int:pk>/printing/", core.MeetingPrintingView.as_view(), name="meeting_printing"),
    *object_urls(
        "printing",
        "printingorder",
        list_view=core.PrintingOrderListView,
        detail_view=core.PrintingOrderView,
        history_view=core.PrintingOrderHistoryView,
        edit_view=core.PrintingOrderEditView,
    ),
    path("statistics/", statistics.MeetingStatisticsView.as_view(), name="statistics"),
]
# ---- end meetings-core ----
