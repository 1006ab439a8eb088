from django.urls import include, path

from procurement import views

app_name = "procurement"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("", include("procurement.urls_oversight")),  # challenges, clocks, risk flags, statistics, OCDS
]
