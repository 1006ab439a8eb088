from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from bureau.registers import Register
from bureau.views import generic
from procurement.filtersets import BatchFilterSet
from procurement.forms import (
    AwardForm,
    BatchDatesForm,
    BatchForm,
    BatchRequestForm,
    BidForm,
    BidScoreForm,
    InvitationForm,
)
from procurement.models import Award, Batch, Bid, Lot, ProcurementRequest
from procurement.selectors.clocks import ClockBook, batch_deadlines
from procurement.services import batches as services
from procurement.services import lifecycle
from procurement.tables import BatchTable
from procurement.views.base import ServiceFormView

MANAGE = "procurement.manage_batch"


class BatchEditView(generic.ObjectEditView):
    def save_form(self, form):
        return services.batch_save(batch=form.save(commit=False), actor=self.request.user)


class BatchDetailView(generic.RecordTabMixin, generic.ObjectDetailView):
    template_name = "procurement/batch_detail.html"
    workflow = lifecycle.BatchWorkflow

    def can_edit_record(self):
        return super().can_edit_record() and self.object.status == "initiated"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch, user = self.object, self.request.user
        lots = batch.lots.order_by("number").prefetch_related(
            Prefetch("bids", queryset=Bid.objects.select_related("supplier").order_by("-score", "price")),
            Prefetch("awards", queryset=Award.objects.select_related("supplier").order_by("-id")),
            Prefetch(
                "requests", queryset=ProcurementRequest.objects.select_related("purchasing_department").order_by("id")
            ),
        )
        context.update(
            lots=lots,
            invitations=batch.invitations.select_related("supplier").order_by("id"),
            deadlines=batch_deadlines(batch, book=ClockBook()),
            can_manage=user.has_perm(MANAGE),
            can_contract=user.has_perm("procurement.add_contract"),
        )
        return context


class BatchMoveView(generic.MoveView):
    workflow = lifecycle.BatchWorkflow


BATCHES = Register(
    Batch,
    "batches",
    table=BatchTable,
    filterset=BatchFilterSet,
    form=BatchForm,
    select_related=("single_source_supplier",),
    views={"edit": BatchEditView, "detail": BatchDetailView},
)


class BatchRequestAddView(ServiceFormView):
    model = Batch
    permission_required = MANAGE
    form_class = BatchRequestForm
    title = _("Add a request to the batch")

    def form_extra(self):
        return {"batch": self.object}

    def perform(self, form):
        data = form.cleaned_data
        services.batch_add_request(
            batch=self.object,
            procurement_request=data["procurement_request"],
            lot=data["lot"],
            lot_name=data["lot_name"],
            actor=self.request.user,
        )


class BatchInviteView(ServiceFormView):
    model = Batch
    permission_required = MANAGE
    form_class = InvitationForm
    title = _("Invite a supplier")

    def perform(self, form):
        services.invitation_create(batch=self.object, actor=self.request.user, **form.cleaned_data)


class BatchDatesView(ServiceFormView):
    model = Batch
    permission_required = MANAGE
    form_class = BatchDatesForm
    title = _("Evaluation report and winners confirmed")

    def get_initial(self):
        return {
            "evaluation_report_on": self.object.evaluation_report_on,
            "winner_confirmed_on": self.object.winner_confirmed_on,
        }

    def perform(self, form):
        services.batch_record_dates(batch=self.object, actor=self.request.user, **form.cleaned_data)


class LotPageMixin:
    model = Lot
    permission_required = MANAGE

    def parent_object(self):
        return self.object.batch

    def get_success_url(self):
        return self.object.batch.get_absolute_url()


class LotBidAddView(LotPageMixin, ServiceFormView):
    form_class = BidForm
    title = _("Record a bid")

    def perform(self, form):
        services.bid_submit(lot=self.object, actor=self.request.user, **form.cleaned_data)


class LotAwardView(LotPageMixin, ServiceFormView):
    form_class = AwardForm
    title = _("Award the lot")

    def form_extra(self):
        return {"lot": self.object}

    def perform(self, form):
        services.award_make(
            lot=self.object,
            bid=form.cleaned_data["bid"],
            decided_on=form.cleaned_data["decided_on"],
            actor=self.request.user,
        )


class BidScoreView(ServiceFormView):
    model = Bid
    permission_required = MANAGE
    form_class = BidScoreForm
    title = _("Score the bid")

    def get_initial(self):
        return {
            "score": self.object.score,
            "status": self.object.status,
            "rejection_reason": self.object.rejection_reason,
        }

    def perform(self, form):
        services.bid_score(bid=self.object, actor=self.request.user, **form.cleaned_data)

    def parent_object(self):
        return self.object.lot.batch

    def get_success_url(self):
        return self.object.lot.batch.get_absolute_url()
