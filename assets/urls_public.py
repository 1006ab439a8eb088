"""Public pages (no login), mounted by bureau at `public/assets/`."""

from django.urls import path

from assets import views

app_name = "assets_public"

urlpatterns = [
    path("leases/", views.PublicLeasesView.as_view(), name="leases"),
    path("disposals/", views.PublicDisposalsView.as_view(), name="disposals"),
]
