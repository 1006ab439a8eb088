from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from bureau.pickers import picker_urls
from bureau.views import pages

urlpatterns = [
    path("", pages.home, name="home"),
    path("healthz", pages.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("registers/", include("bureau.urls_bureau")),
    path("pickers/", include((picker_urls(), "pickers"))),
    path("meetings/", include("meetings.urls")),
    path("procurement/", include("procurement.urls")),
    path("assets/", include("assets.urls")),
    path("public/assets/", include("assets.urls_public")),
    path("property/", include("property_services.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler403 = "bureau.views.pages.error_403"
handler404 = "bureau.views.pages.error_404"
handler500 = "bureau.views.pages.error_500"
