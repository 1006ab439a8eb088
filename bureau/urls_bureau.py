from django.urls import path

from bureau.views import security
from bureau.views.core import BUILDINGS, DEPARTMENTS, OCCUPANCY, PEOPLE, ROOMS

app_name = "bureau"

urlpatterns = [
    *DEPARTMENTS.urls(),
    *BUILDINGS.urls(),
    *ROOMS.urls(),
    *OCCUPANCY.urls(),
    *PEOPLE.urls(),
    path("audit/", security.AuditEntryListView.as_view(), name="auditentry_list"),
    path("sessions/", security.UserSessionListView.as_view(), name="usersession_list"),
    path("sessions/<int:pk>/end/", security.UserSessionsEndView.as_view(), name="user_sessions_end"),
]
