"""URLs of the oversight pages (challenges, complaints, overdue clocks, risk flags, statistics, OCDS),
included into the `procurement` namespace by procurement/urls.py."""

from django.urls import path

from procurement.views import challenges, oversight

urlpatterns = [
    path("challenges/", challenges.ChallengeListView.as_view(), name="challenge_list"),
    path("challenges/add/", challenges.ChallengeAddView.as_view(), name="challenge_add"),
    path("challenges/<int:pk>/", challenges.ChallengeDetailView.as_view(), name="challenge"),
    path("challenges/<int:pk>/reply/", challenges.ChallengeReplyView.as_view(), name="challenge_reply"),
    path("challenges/<int:pk>/withdraw/", challenges.ChallengeWithdrawView.as_view(), name="challenge_withdraw"),
    path("challenges/<int:pk>/complaint/", challenges.ComplaintAddView.as_view(), name="complaint_add"),
    path("complaints/<int:pk>/suspend/", challenges.ComplaintSuspendView.as_view(), name="complaint_suspend"),
    path("complaints/<int:pk>/decide/", challenges.ComplaintDecideView.as_view(), name="complaint_decide"),
    path("overdue/", oversight.OverdueView.as_view(), name="overdue"),
    path("risk-flags/", oversight.RiskFlagView.as_view(), name="risk_flags"),
    path("statistics/", oversight.StatisticsView.as_view(), name="statistics"),
    path("ocds/", oversight.OcdsExportView.as_view(), name="ocds"),
]
