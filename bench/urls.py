"""The portal's URLs plus a bare view: the floor any page is measured against."""

from django.http import HttpResponse
from django.urls import path

from bureau.urls import handler403, handler404, handler500  # noqa: F401
from bureau.urls import urlpatterns as portal_urlpatterns


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *portal_urlpatterns]
