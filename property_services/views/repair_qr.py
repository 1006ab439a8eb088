"""The room's QR page of the repair line: /property/repairs/room/<token>/ — no login needed to report.

The token is the room's id signed by the server; a forged one answers 404. Reports are limited per
address (QR_REPORTS_PER_HOUR, settings PROPERTY_QR_REPORTS_PER_HOUR) so a QR code on a door cannot
be used to flood the line. After reporting, the reporter is shown a link of their own (the ticket's
id, signed) to follow the ticket and to confirm and rate the repair, or reopen it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from bureau.forms import add_service_errors
from bureau.models import Building, Room
from bureau.qr import qr_data_uri
from bureau.ratelimit import take_from_hourly_allowance
from bureau.views import generic
from property_services import forms, rules
from property_services.choices import RepairSource, RepairStatus
from property_services.models import RepairTicket
from property_services.services import repairs


def room_qr_url(room):
    return reverse("property_services:repair_room", args=[rules.signed_id(room.pk, rules.ROOM_QR_SALT)])


def confirm_url(ticket):
    return reverse("property_services:repair_follow", args=[rules.signed_id(ticket.pk, rules.CONFIRM_SALT)])


def _reports_left(request):
    """Count this address's report; False when it has used up the hour's reports."""
    limit = getattr(settings, "PROPERTY_QR_REPORTS_PER_HOUR", rules.QR_REPORTS_PER_HOUR)
    return take_from_hourly_allowance(request, scope="property_services:qr-reports", per_hour=limit)


@method_decorator(never_cache, name="dispatch")
class RoomRepairView(View):
    """The phone page behind a room's QR code: what is wrong, who you are, a photo."""

    template_name = "property_services/qr/room.html"

    def dispatch(self, request, *args, **kwargs):
        pk = rules.unsigned_id(kwargs["token"], rules.ROOM_QR_SALT)
        self.room = Room.objects.select_related("building").filter(pk=pk, active=True).first() if pk else None
        if self.room is None:
            raise Http404(_("This QR code is not valid."))
        return super().dispatch(request, *args, **kwargs)

    def render(self, form, status=200):
        return render(
            request=self.request,
            template_name=self.template_name,
            context={"room": self.room, "form": form},
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self.render(forms.RepairQrForm())

    def post(self, request, *args, **kwargs):
        form = forms.RepairQrForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form)
        if not _reports_left(request):
            form.add_error(None, _("Too many reports from this device in the last hour; please call the hotline."))
            return self.render(form, status=429)
        data = form.cleaned_data
        try:
            ticket = repairs.ticket_report(
                actor=None,
                source=RepairSource.QR,
                room=self.room,
                category=data["category"],
                description=data["description"],
                photo=data.get("photo"),
                reporter_name=data["reporter_name"],
                reporter_phone=data["reporter_phone"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.render(form)
        return redirect(f"{confirm_url(ticket)}?new=1")


@method_decorator(never_cache, name="dispatch")
class RepairFollowView(View):
    """The reporter's own link: the ticket's state, and once resolved the rating or a reopening."""

    template_name = "property_services/qr/follow.html"

    def dispatch(self, request, *args, **kwargs):
        pk = rules.unsigned_id(kwargs["token"], rules.CONFIRM_SALT)
        self.ticket = RepairTicket.objects.select_related("room__building").filter(pk=pk).first() if pk else None
        if self.ticket is None:
            raise Http404(_("This link is not valid."))
        return super().dispatch(request, *args, **kwargs)

    def render(self, form=None, status=200):
        resolved = self.ticket.status == RepairStatus.RESOLVED
        return render(
            self.request,
            self.template_name,
            {
                "ticket": self.ticket,
                "form": form or (forms.RepairRatingForm() if resolved else None),
                "new": self.request.GET.get("new") == "1",
                "follow_url": self.request.build_absolute_uri(confirm_url(self.ticket)),
            },
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self.render()

    def post(self, request, *args, **kwargs):
        form = forms.RepairRatingForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        try:
            if request.POST.get("reopen"):
                repairs.ticket_reopen(
                    ticket=self.ticket, reason=form.cleaned_data["feedback"] or _("Not fixed"), actor=None
                )
            else:
                repairs.ticket_confirm(
                    ticket=self.ticket,
                    rating=form.cleaned_data["rating"],
                    feedback=form.cleaned_data["feedback"],
                    actor=None,
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.render(form, status=409)
        return redirect(confirm_url(self.ticket))


class RoomQrSheetView(generic.ObjectPdfView):
    """A building's rooms, each with its repair QR code, to print and put on the doors."""

    model = Building
    permission_required = "property_services.dispatch_repairticket"
    pdf_template = "property_services/pdf/repair_qr_sheet.html"

    def get_queryset(self):
        return Building.objects.all()

    def get_filename(self):
        return f"{self.object.name}-报修二维码.pdf"

    def get_pdf_context(self):
        rooms = Room.objects.filter(building=self.object, active=True).order_by("floor", "number")
        return {
            "building": self.object,
            "rooms": [(room, qr_data_uri(self.request.build_absolute_uri(room_qr_url(room)))) for room in rooms],
        }
