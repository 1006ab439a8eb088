from bureau.registers import Register
from bureau.views import generic
from procurement.filtersets import RequestFilterSet
from procurement.forms import RequestForm
from procurement.models import ProcurementRequest
from procurement.selectors.clocks import request_intention_deadline
from procurement.services import lifecycle
from procurement.services import requests as services
from procurement.tables import RequestTable


class RequestEditView(generic.ObjectEditView):
    template_name = "procurement/request_form.html"

    def save_form(self, form):
        return services.request_save(procurement_request=form.save(commit=False), actor=self.request.user)


class RequestDetailView(generic.RecordTabMixin, generic.ObjectDetailView):
    workflow = lifecycle.RequestWorkflow

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest, rule = request_intention_deadline(self.object)
        context.update(intention_latest=latest, intention_rule=rule)
        return context


class RequestMoveView(generic.MoveView):
    workflow = lifecycle.RequestWorkflow


REQUESTS = Register(
    ProcurementRequest,
    "requests",
    table=RequestTable,
    filterset=RequestFilterSet,
    form=RequestForm,
    select_related=("purchasing_department", "batch"),
    detail_fields=(
        "purchasing_department",
        "item",
        "description",
        "category",
        "catalogue_code",
        "quantity",
        "unit",
        "budget",
        "funding_source",
        "planned_start",
        "intention_published_on",
        "intention_exemption_reason",
        "idle_asset_reason",
        "status",
        "batch",
        "lot",
        "cancel_reason",
    ),
    detail_template="procurement/request_detail.html",
    views={"edit": RequestEditView, "detail": RequestDetailView},
)
