from django.urls import path

from procurement.views import public

app_name = "procurement_public"

urlpatterns = [
    path("intentions/", public.IntentionListView.as_view(), name="intentions"),
    path("announcements/", public.AnnouncementListView.as_view(), name="announcements"),
    path("awards/", public.AwardListView.as_view(), name="awards"),
    path("contracts/", public.ContractListView.as_view(), name="contracts"),
    path("figures/", public.FiguresView.as_view(), name="figures"),
    path("ocds/", public.OcdsView.as_view(), name="ocds"),
]
