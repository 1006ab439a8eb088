from django.utils.translation import gettext_lazy as _

from bureau.money import amount_in_capitals
from bureau.registers import Register
from bureau.views import generic
from bureau.views.generic import ObjectPdfView
from procurement.filtersets import ContractFilterSet
from procurement.forms import (
    AcceptanceForm,
    ContractForm,
    ContractPublishForm,
    ContractSignForm,
    MilestoneForm,
    PaymentForm,
)
from procurement.models import Award, Contract, Lot
from procurement.selectors.clocks import ClockBook, contract_deadlines
from procurement.selectors.contracts import contract_paid
from procurement.services import contracts as services
from procurement.tables import ContractTable
from procurement.views.base import ServiceFormView

MANAGE = "procurement.manage_contract"
DETAIL_RELATED = ("batch", "lot", "award", "purchasing_department", "supplier")


class ContractDetailView(generic.ObjectDetailView):
    template_name = "procurement/contract_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contract, user = self.object, self.request.user
        context.update(
            deadlines=contract_deadlines(contract, book=ClockBook()),
            milestones=contract.milestones.order_by("sequence"),
            payments=contract.payments.select_related("milestone").order_by("paid_on", "id"),
            acceptances=contract.acceptances.order_by("accepted_on", "id"),
            paid=contract_paid(contract),
            can_manage=user.has_perm(MANAGE),
            can_pay=user.has_perm("procurement.add_payment"),
            capitals=amount_in_capitals(contract.amount),
        )
        return context


CONTRACTS = Register(
    Contract,
    "contracts",
    table=ContractTable,
    filterset=ContractFilterSet,
    select_related=("purchasing_department", "supplier"),
    detail_select_related=DETAIL_RELATED,
    views={"detail": ContractDetailView},
)


class ContractAddView(ServiceFormView):
    """A contract of a lot's award with one of the lot's purchasing departments."""

    model = Lot
    permission_required = "procurement.add_contract"
    form_class = ContractForm
    title = _("New contract")

    def form_extra(self):
        return {"lot": self.object}

    def parent_object(self):
        return self.object.batch

    def perform(self, form):
        award = Award.objects.filter(lot=self.object, voided_at__isnull=True).first()
        if award is None:
            from django.core.exceptions import ValidationError

            raise ValidationError(_("The lot has no award."), code="lot_unawarded")
        self.contract = services.contract_create(award=award, actor=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.contract.get_absolute_url()


class ContractPageMixin:
    model = Contract
    permission_required = MANAGE
    select_related = DETAIL_RELATED


class ContractSignView(ContractPageMixin, ServiceFormView):
    form_class = ContractSignForm
    title = _("Sign the contract")

    def perform(self, form):
        services.contract_sign(contract=self.object, actor=self.request.user, **form.cleaned_data)


class ContractPublishView(ContractPageMixin, ServiceFormView):
    form_class = ContractPublishForm
    title = _("Publish the contract")

    def perform(self, form):
        services.contract_publish(contract=self.object, actor=self.request.user, **form.cleaned_data)


class MilestoneAddView(ContractPageMixin, ServiceFormView):
    form_class = MilestoneForm
    title = _("Add a payment milestone")

    def perform(self, form):
        services.milestone_add(contract=self.object, actor=self.request.user, **form.cleaned_data)


class PaymentAddView(ContractPageMixin, ServiceFormView):
    permission_required = "procurement.add_payment"
    form_class = PaymentForm
    title = _("Record a payment")

    def form_extra(self):
        return {"contract": self.object}

    def perform(self, form):
        services.payment_record(contract=self.object, actor=self.request.user, **form.cleaned_data)


class AcceptanceAddView(ContractPageMixin, ServiceFormView):
    form_class = AcceptanceForm
    title = _("Record the acceptance")

    def perform(self, form):
        services.acceptance_record(contract=self.object, actor=self.request.user, **form.cleaned_data)


class ContractPdfView(ObjectPdfView):
    """The contract summary, printed with its amount in capitals (人民币…元整)."""

    model = Contract
    select_related = DETAIL_RELATED
    pdf_template = "procurement/pdf/contract_summary.html"

    def get_filename(self):
        return f"合同摘要-{self.object.number}.pdf"

    def get_pdf_context(self):
        contract = self.object
        return {
            "contract": contract,
            "capitals": amount_in_capitals(contract.amount),
            "milestones": contract.milestones.order_by("sequence"),
            "deadlines": contract_deadlines(contract),
        }
