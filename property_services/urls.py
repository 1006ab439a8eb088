from django.urls import path

from property_services import views

app_name = "property_services"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
