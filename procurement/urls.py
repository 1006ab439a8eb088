from django.urls import include, path

from bureau.urls_helpers import move_urls
from procurement import views
from procurement.views import batches, contracts, requests, suppliers

app_name = "procurement"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    # ---- procurement core: suppliers, requests, batches, bids, awards, contracts ----
    *suppliers.SUPPLIERS.urls(),
    path("suppliers/<int:pk>/bad-conduct/add/", suppliers.BadConductAddView.as_view(), name="supplier_badconduct_add"),
    *requests.REQUESTS.urls(),
    *move_urls(requests.RequestMoveView, "requests"),
    *batches.BATCHES.urls(),
    *move_urls(batches.BatchMoveView, "batches"),
    path("batches/<int:pk>/requests/add/", batches.BatchRequestAddView.as_view(), name="batch_request_add"),
    path("batches/<int:pk>/invite/", batches.BatchInviteView.as_view(), name="batch_invite"),
    path("batches/<int:pk>/evaluation-dates/", batches.BatchDatesView.as_view(), name="batch_dates"),
    path("lots/<int:pk>/bids/add/", batches.LotBidAddView.as_view(), name="lot_bid_add"),
    path("lots/<int:pk>/award/", batches.LotAwardView.as_view(), name="lot_award"),
    path("lots/<int:pk>/contracts/add/", contracts.ContractAddView.as_view(), name="lot_contract_add"),
    path("bids/<int:pk>/score/", batches.BidScoreView.as_view(), name="bid_score"),
    *contracts.CONTRACTS.urls(),
    path("contracts/<int:pk>/sign/", contracts.ContractSignView.as_view(), name="contract_sign"),
    path("contracts/<int:pk>/publish/", contracts.ContractPublishView.as_view(), name="contract_publish"),
    path("contracts/<int:pk>/milestones/add/", contracts.MilestoneAddView.as_view(), name="contract_milestone_add"),
    path("contracts/<int:pk>/payments/add/", contracts.PaymentAddView.as_view(), name="contract_payment_add"),
    path("contracts/<int:pk>/acceptance/add/", contracts.AcceptanceAddView.as_view(), name="contract_acceptance_add"),
    path("contracts/<int:pk>/summary.pdf", contracts.ContractPdfView.as_view(), name="contract_pdf"),
    # ---- end procurement core ----
    path("", include("procurement.urls_oversight")),  # challenges, clocks, risk flags, statistics, OCDS
]
