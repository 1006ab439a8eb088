"""URLs of official receptions, included from meetings/urls.py under `receptions/` (names in `meetings:`)."""

from django.urls import path

from bureau.urls_helpers import move_urls
from meetings.views import reception as views

urlpatterns = [
    path("", views.ReceptionListView.as_view(), name="reception_list"),
    path("add/", views.ReceptionEditView.as_view(), name="reception_add"),
    path("<int:pk>/", views.ReceptionView.as_view(), name="reception"),
    path("<int:pk>/history/", views.ReceptionHistoryView.as_view(), name="reception_history"),
    path("<int:pk>/edit/", views.ReceptionEditView.as_view(), name="reception_edit"),
    path("<int:pk>/guests/", views.ReceptionGuestsView.as_view(), name="reception_guests"),
    path("<int:pk>/escorts/", views.ReceptionEscortsView.as_view(), name="reception_escorts"),
    path("<int:pk>/meals/", views.ReceptionMealsView.as_view(), name="reception_meals"),
    path("<int:pk>/tour/", views.ReceptionTourView.as_view(), name="reception_tour"),
    *move_urls(views.ReceptionMoveView, ""),
    path("<int:pk>/reception-list.pdf", views.ReceptionListPdfView.as_view(), name="reception_list_pdf"),
    path("<int:pk>/table-cards.pdf", views.ReceptionTableCardsPdfView.as_view(), name="reception_table_cards_pdf"),
    path("<int:pk>/name-cards.pdf", views.ReceptionNameCardsPdfView.as_view(), name="reception_name_cards_pdf"),
    path("<int:pk>/handbook.pdf", views.ReceptionHandbookPdfView.as_view(), name="reception_handbook_pdf"),
    path("<int:pk>/tour-plan.pdf", views.ReceptionTourPdfView.as_view(), name="reception_tour_pdf"),
    *views.OFFICIAL_LETTERS.urls(),
    path("letters/<int:pk>/scan/", views.OfficialLetterScanView.as_view(), name="officialletter_scan"),
]
