from django.utils.translation import gettext_lazy as _

from bureau.registers import Register
from bureau.views import generic
from procurement.filtersets import SupplierFilterSet
from procurement.forms import BadConductForm, SupplierForm
from procurement.models import BadConductRecord, Supplier
from procurement.services import suppliers as services
from procurement.tables import BadConductTable, SupplierTable
from procurement.views.base import ServiceFormView


class SupplierEditView(generic.ObjectEditView):
    def save_form(self, form):
        return services.supplier_save(supplier=form.save(commit=False), actor=self.request.user)


def _supplier_related(supplier, user):
    # Bad-conduct records are the centre's (never shown to departments nor on the public page).
    if not user.has_perm("procurement.view_badconductrecord"):
        return []
    records = BadConductRecord.objects.filter(supplier=supplier).order_by("-in_force_from")
    return [(_("Bad-conduct records"), BadConductTable(records, orderable=False))]


SUPPLIERS = Register(
    Supplier,
    "suppliers",
    table=SupplierTable,
    filterset=SupplierFilterSet,
    form=SupplierForm,
    related=_supplier_related,
    detail_template="procurement/supplier_detail.html",
    views={"edit": SupplierEditView},
)


class BadConductAddView(ServiceFormView):
    model = Supplier
    permission_required = "procurement.add_badconductrecord"
    form_class = BadConductForm
    title = _("Record bad conduct")

    def perform(self, form):
        record = form.save(commit=False)
        record.supplier = self.object
        services.bad_conduct_record_save(record=record, actor=self.request.user)
