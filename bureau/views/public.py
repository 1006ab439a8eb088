"""The public index (/public/): the sections every app discloses, no login."""

from django.shortcuts import render

from bureau.public import public_sections


def public_index(request):
    return render(request, "bureau/public_index.html", {"apps": public_sections()})
