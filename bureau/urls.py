from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from bureau.pickers import picker_urls
from bureau.public import public_urls
from bureau.views import pages, public, security
from bureau.views.dashboard import DashboardView, DepartmentDashboardView

dashboard_urls = [
    path("", DashboardView.as_view(), name="index"),
    path("department/", DepartmentDashboardView.as_view(), name="department"),
    path("department/<int:pk>/", DepartmentDashboardView.as_view(), name="department_detail"),
]

urlpatterns = [
    path("", pages.home, name="home"),
    path("healthz", pages.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("accounts/keep-alive/", security.session_keep_alive, name="session_keep_alive"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("dashboard/", include((dashboard_urls, "dashboard"))),
    path("registers/", include("bureau.urls_bureau")),
    path("pickers/", include((picker_urls(), "pickers"))),
    path("meetings/", include("meetings.urls")),
    path("procurement/", include("procurement.urls")),
    path("assets/", include("assets.urls")),
    path("property/", include("property_services.urls")),
    path("public/", public.public_index, name="public_index"),
    *public_urls(),  # every app's urls_public at public/<app>/ (bureau.public)
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler403 = "bureau.views.pages.error_403"
handler404 = "bureau.views.pages.error_404"
handler500 = "bureau.views.pages.error_500"
