from django.urls import include, path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    # --- official receptions 公务接待 (meetings-reception) ---
    path("receptions/", include("meetings.urls_reception")),
    # --- end official receptions ---
]
