from django.urls import path

from assets import views

app_name = "assets"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    *views.ASSETS.urls(),
    path("cards/<int:pk>/assign/", views.AssetAssignView.as_view(), name="asset_assign"),
    path("cards/<int:pk>/transfer/", views.AssetTransferView.as_view(), name="asset_transfer"),
    path("cards/<int:pk>/hand-in/", views.AssetHandInView.as_view(), name="asset_hand_in"),
    path("cards/<int:pk>/repair/", views.AssetRepairView.as_view(), name="asset_repair"),
    path("cards/<int:pk>/revalue/", views.AssetRevalueView.as_view(), name="asset_revalue"),
    *views.POOL.urls(),
    path("pool/<int:pk>/request/", views.PoolRequestCreateView.as_view(), name="poolentry_request"),
    path("pool/<int:pk>/lend/", views.PoolLoanCreateView.as_view(), name="poolentry_lend"),
    *views.POOL_REQUESTS.urls(),
    path("pool-requests/<int:pk>/approve/", views.PoolRequestApproveView.as_view(), name="poolrequest_approve"),
    path("pool-requests/<int:pk>/refuse/", views.PoolRequestRefuseView.as_view(), name="poolrequest_refuse"),
    path("pool-loans/overdue/", views.OverdueLoansView.as_view(), name="poolloan_overdue"),
    *views.POOL_LOANS.urls(),
    path("pool-loans/<int:pk>/return/", views.PoolLoanReturnView.as_view(), name="poolloan_return"),
    path("leases/add/", views.LeaseCreateView.as_view(), name="lease_add"),
    path("leases/overdue-rent/", views.OverdueRentView.as_view(), name="lease_overdue_rent"),
    *views.LEASES.urls(),
    path("leases/<int:pk>/end/", views.LeaseEndView.as_view(), name="lease_end"),
    path("rent/<int:pk>/receive/", views.PaymentReceiveView.as_view(), name="leasepayment_receive"),
    path("disposals/add/", views.DisposalCreateView.as_view(), name="disposal_add"),
    *views.DISPOSALS.urls(),
    path("disposals/<int:pk>/complete/", views.DisposalCompleteView.as_view(), name="disposal_complete"),
    path("disposals/<int:pk>/remit/", views.DisposalRemitView.as_view(), name="disposal_remit"),
    path("stock-takes/add/", views.StockTakeCreateView.as_view(), name="stocktake_add"),
    *views.STOCKTAKES.urls(),
    path("stock-takes/<int:pk>/scan/", views.StockTakeScanView.as_view(), name="stocktake_scan"),
    path("stock-takes/<int:pk>/labels.pdf", views.StockTakeLabelsPdfView.as_view(), name="stocktake_labels_pdf"),
    path("stock-takes/<int:pk>/close/", views.StockTakeCloseView.as_view(), name="stocktake_close"),
    path("stock-take-lines/<int:pk>/resolve/", views.StockTakeLineResolveView.as_view(), name="stocktakeline_resolve"),
    path("imports/add/", views.AssetImportCreateView.as_view(), name="assetimport_add"),
    *views.IMPORTS.urls(),
    path("imports/<int:pk>/run/", views.AssetImportRunView.as_view(), name="assetimport_run"),
]
