"""The portal's URLs plus a bare view: the floor any page is measured against."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.urls import path
from django.views.generic import TemplateView

from bureau.urls import handler403, handler404, handler500  # noqa: F401
from bureau.urls import urlpatterns as portal_urlpatterns


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


class EmptyPage(LoginRequiredMixin, TemplateView):
    """The portal's own empty page: base layout, navigation, the logged-in user, no business data."""

    template_name = "base.html"


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/empty/", EmptyPage.as_view(), name="bench_empty"),
    *portal_urlpatterns,
]
