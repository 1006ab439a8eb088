"""Thin views of the state-asset registry: registers (bureau.registers.Register) and the pages that
call a service (a movement, a request, a scan), each checking a permission and reading through the
user's scope."""

import io

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from openpyxl.cell.rich_text import CellRichText

from assets import filtersets, forms, rules, selectors, services, services_import, tables
from assets.choices import AssetStatus, DisposalStatus, StockTakeResult, StockTakeStatus
from assets.models import (
    Asset,
    AssetImport,
    Disposal,
    Lease,
    LeasePayment,
    PoolEntry,
    PoolLoan,
    PoolRequest,
    StockTake,
    StockTakeLine,
)
from assets.roles import CENTRE_ROLES
from bureau.audit import audit_export
from bureau.exports import reads_as_formula
from bureau.forms import add_integrity_error, add_service_errors
from bureau.pdf import pdf_file_response, render_pdf
from bureau.qr import qr_data_uri
from bureau.registers import Register
from bureau.scoping import sees_all_departments, user_department
from bureau.views.generic import ObjectDetailView, ObjectEditView, ObjectPageMixin, ObjectPdfView
from bureau.views.pages import CentreIndexView

MANAGE = "assets.manage_asset"


class IndexView(CentreIndexView):
    roles = CENTRE_ROLES
    section_url = "assets:index"


# ---- asset cards ---------------------------------------------------------------------------------


class AssetEditView(ObjectEditView):
    def save_form(self, form):
        asset = form.save(commit=False)
        if asset.pk:
            return services.asset_update(asset=asset, actor=self.request.user)
        return services.asset_create(asset=asset, actor=self.request.user)


class AssetDetailView(ObjectDetailView):
    template_name = "assets/asset_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = forms.ReportForm(self.request.GET or None)
        day = form.day_or_today()
        asset = self.object
        user = self.request.user
        context.update(
            day_form=form,
            day=day,
            figures=selectors.asset_value(asset, day),
            timeline=selectors.asset_timeline(asset),
            can_manage=user.has_perm(MANAGE) and rules.asset_can_move(asset),
            in_pool=asset.status == AssetStatus.IDLE,
            actions=[
                (reverse(f"assets:asset_{slug.replace('-', '_')}", args=[asset.pk]), label)
                for slug, label in ACTIONS
                if user.has_perm(MANAGE)
                and rules.asset_can_move(asset)
                and (slug != "hand-in" or asset.status == AssetStatus.IN_USE)
            ],
        )
        return context


ASSETS = Register(
    Asset,
    "cards",
    table=tables.AssetTable,
    filterset=filtersets.AssetFilterSet,
    form=forms.AssetForm,
    select_related=("asset_class", "using_department"),
    detail_select_related=("asset_class", "using_department", "owning_unit", "keeper", "building", "room"),
    views={"edit": AssetEditView, "detail": AssetDetailView},
)


class ServiceFormView(ObjectPageMixin, FormView):
    """A page that calls one service on one record with a small form; the service's refusal comes
    back on the form's fields."""

    template_name = "assets/action_form.html"
    title = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        return {"on": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, **kwargs)

    def call(self, data):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            with transaction.atomic():
                result = self.call(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        except IntegrityError as exc:
            add_integrity_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(title)s: done.") % {"title": self.title})
        return redirect(self.success_url_for(result))

    def success_url_for(self, result):
        return self.object.get_absolute_url()


class AssetActionView(ServiceFormView):
    model = Asset
    permission_required = MANAGE


class AssetAssignView(AssetActionView):
    form_class = forms.AssignForm
    title = gettext_lazy("Assign")

    def call(self, data):
        return services.asset_assign(
            asset=self.object,
            actor=self.request.user,
            on=data["on"],
            department=data["department"],
            keeper=data["keeper"],
            note=data["note"],
        )


class AssetTransferView(AssetActionView):
    form_class = forms.TransferForm
    title = gettext_lazy("Transfer between units")

    def call(self, data):
        return services.asset_transfer(
            asset=self.object, actor=self.request.user, on=data["on"], to_unit=data["to_unit"], note=data["note"]
        )


class AssetRepairView(AssetActionView):
    form_class = forms.RepairForm
    title = gettext_lazy("Repair")

    def call(self, data):
        return services.asset_repair(
            asset=self.object, actor=self.request.user, on=data["on"], cost=data["cost"], note=data["note"]
        )


class AssetRevalueView(AssetActionView):
    form_class = forms.RevalueForm
    title = gettext_lazy("Revaluation")

    def call(self, data):
        return services.asset_revalue(
            asset=self.object,
            actor=self.request.user,
            on=data["on"],
            value_change=data["value_change"],
            remaining_life_months=data["remaining_life_months"],
            note=data["note"],
        )


class AssetHandInView(AssetActionView):
    form_class = forms.HandInForm
    title = gettext_lazy("Hand-in to the idle pool")

    def call(self, data):
        return services.asset_hand_in(
            asset=self.object,
            actor=self.request.user,
            on=data["on"],
            condition=data["condition"],
            photos=data["photos"],
        )

    def success_url_for(self, result):
        return result.get_absolute_url()


ACTIONS = (
    ("assign", gettext_lazy("Assign")),
    ("transfer", gettext_lazy("Transfer between units")),
    ("hand-in", gettext_lazy("Hand-in to the idle pool")),
    ("repair", gettext_lazy("Repair")),
    ("revalue", gettext_lazy("Revaluation")),
)


# ---- the idle pool 公物仓 -------------------------------------------------------------------------


def pool_related(entry, user):
    return [
        (
            _("Pool requests"),
            tables.PoolRequestTable(PoolRequest.objects.for_user(user).filter(entry=entry), orderable=False),
        ),
        (_("Pool loans"), tables.PoolLoanTable(PoolLoan.objects.for_user(user).filter(entry=entry), orderable=False)),
    ]


class PoolEntryDetailView(ObjectDetailView):
    template_name = "assets/poolentry_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        open_entry = self.object.left_on is None
        context.update(
            can_request=open_entry and user.has_perm("assets.add_poolrequest"),
            can_lend=open_entry and user.has_perm(MANAGE) and self.object.asset.status == AssetStatus.IDLE,
        )
        return context


POOL = Register(
    PoolEntry,
    "pool",
    table=tables.PoolEntryTable,
    filterset=filtersets.PoolEntryFilterSet,
    select_related=("asset", "handed_in_by"),
    detail_fields=("asset", "handed_in_on", "handed_in_by", "condition", "left_on"),
    related=pool_related,
    views={"detail": PoolEntryDetailView},
)


class PoolRequestCreateView(ServiceFormView):
    """Another unit asks for an idle asset (调剂). A department's own people ask for their department."""

    model = PoolEntry
    permission_required = "assets.add_poolrequest"
    form_class = forms.PoolRequestForm
    title = gettext_lazy("Request from the idle pool")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not sees_all_departments(self.request.user):
            form.fields.pop("department")
        return form

    def get_initial(self):
        return {}

    def call(self, data):
        user = self.request.user
        department = data.get("department") if sees_all_departments(user) else user_department(user)
        if department is None:
            raise PermissionDenied
        return services.poolrequest_create(entry=self.object, department=department, reason=data["reason"], actor=user)

    def success_url_for(self, result):
        return result.get_absolute_url()


POOL_REQUESTS = Register(
    PoolRequest,
    "pool-requests",
    table=tables.PoolRequestTable,
    filterset=filtersets.PoolRequestFilterSet,
    select_related=("entry__asset", "department", "decided_by"),
    detail_template="assets/poolrequest_detail.html",
)


class PoolRequestApproveView(ServiceFormView):
    model = PoolRequest
    permission_required = MANAGE
    form_class = forms.DecisionForm
    title = gettext_lazy("Approve")

    def get_initial(self):
        return {}

    def call(self, data):
        return services.poolrequest_approve(request=self.object, actor=self.request.user, note=data["note"])


class PoolRequestRefuseView(PoolRequestApproveView):
    title = gettext_lazy("Refuse")

    def call(self, data):
        return services.poolrequest_refuse(request=self.object, actor=self.request.user, note=data["note"])


class PoolLoanCreateView(ServiceFormView):
    model = PoolEntry
    permission_required = MANAGE
    form_class = forms.PoolLoanForm
    title = gettext_lazy("Lend for a meeting or event")

    def get_initial(self):
        return {"lent_on": timezone.localdate()}

    def call(self, data):
        return services.poolloan_create(entry=self.object, actor=self.request.user, **data)

    def success_url_for(self, result):
        return result.get_absolute_url()


POOL_LOANS = Register(
    PoolLoan,
    "pool-loans",
    table=tables.PoolLoanTable,
    filterset=filtersets.PoolLoanFilterSet,
    select_related=("entry__asset", "department"),
    detail_template="assets/poolloan_detail.html",
)


class PoolLoanReturnView(ServiceFormView):
    model = PoolLoan
    permission_required = MANAGE
    form_class = forms.ReturnForm
    title = gettext_lazy("Return")

    def call(self, data):
        return services.poolloan_return(loan=self.object, actor=self.request.user, on=data["on"])


class ListPageView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    """A short list computed by a selector (overdue loans, overdue rent), scoped to the user."""

    template_name = "assets/simple_list.html"
    title = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, table=self.get_table(), **kwargs)


class OverdueLoansView(ListPageView):
    permission_required = "assets.view_poolloan"
    title = gettext_lazy("Overdue loans")

    def get_table(self):
        rows = selectors.overdue_loans().filter(pk__in=PoolLoan.objects.for_user(self.request.user).values("pk"))
        return tables.PoolLoanTable(rows[:500], orderable=False)


# ---- leases and loans 出租出借 --------------------------------------------------------------------


def lease_related(lease, user):
    return [(_("Payment schedule"), tables.LeasePaymentTable(lease.payments.all(), orderable=False))]


LEASES = Register(
    Lease,
    "leases",
    table=tables.LeaseTable,
    filterset=filtersets.LeaseFilterSet,
    select_related=("asset",),
    related=lease_related,
    detail_template="assets/lease_detail.html",
)


class CreateWithServiceView(ObjectEditView):
    """An add page whose save is a service (a model form, then the service decides)."""

    service = None

    def get_object(self, queryset=None):
        return None

    def save_form(self, form):
        return type(self).service(form.save(commit=False), self.request.user)


class LeaseCreateView(CreateWithServiceView):
    model = Lease
    form_class = forms.LeaseForm

    @staticmethod
    def service(lease, actor):
        return services.lease_create(lease=lease, actor=actor)


class LeaseEndView(ServiceFormView):
    model = Lease
    permission_required = MANAGE
    form_class = forms.ReturnForm
    title = gettext_lazy("End the lease or loan")

    def call(self, data):
        return services.lease_end(lease=self.object, actor=self.request.user, on=data["on"])


class PaymentReceiveView(ServiceFormView):
    """An instalment of a lease, found through the user's scope; the page belongs to the leases."""

    model = Lease
    permission_required = MANAGE
    form_class = forms.PaymentForm
    title = gettext_lazy("Record rent received")

    def get_object(self):
        return get_object_or_404(LeasePayment.objects.for_user(self.request.user), pk=self.kwargs["pk"])

    def get_initial(self):
        return {"on": timezone.localdate(), "amount": self.object.outstanding}

    def call(self, data):
        return services.leasepayment_receive(
            payment=self.object, actor=self.request.user, amount=data["amount"], on=data["on"]
        )

    def success_url_for(self, result):
        return result.lease.get_absolute_url()


class OverdueRentView(ListPageView):
    permission_required = "assets.view_lease"
    title = gettext_lazy("Overdue rent")

    def get_table(self):
        rows = selectors.overdue_rent().filter(pk__in=LeasePayment.objects.for_user(self.request.user).values("pk"))
        return tables.OverdueRentTable(rows[:500], orderable=False)


# ---- disposal 处置 --------------------------------------------------------------------------------


DISPOSALS = Register(
    Disposal,
    "disposals",
    table=tables.DisposalTable,
    filterset=filtersets.DisposalFilterSet,
    select_related=("asset",),
    detail_template="assets/disposal_detail.html",
)


class DisposalCreateView(CreateWithServiceView):
    model = Disposal
    form_class = forms.DisposalForm

    @staticmethod
    def service(disposal, actor):
        return services.disposal_request(disposal=disposal, actor=actor)


class DisposalCompleteView(ServiceFormView):
    model = Disposal
    permission_required = MANAGE
    form_class = forms.DisposalCompleteForm
    title = gettext_lazy("Complete the disposal")

    def get_initial(self):
        return {"disposed_on": timezone.localdate(), "proceeds": 0}

    def call(self, data):
        return services.disposal_complete(disposal=self.object, actor=self.request.user, **data)


class DisposalRemitView(ServiceFormView):
    model = Disposal
    permission_required = MANAGE
    form_class = forms.RemitForm
    title = gettext_lazy("Record the remittance to the treasury")

    def call(self, data):
        return services.disposal_remit(
            disposal=self.object, actor=self.request.user, amount=data["amount"], on=data["on"]
        )


# ---- stock-take 清查盘点 --------------------------------------------------------------------------


def stocktake_related(stocktake, user):
    lines = stocktake.lines.select_related("asset", "scanned_by").order_by("result", "id")
    return [(_("Lines"), tables.StockTakeLineTable(lines[:1000], orderable=False))]


class StockTakeDetailView(ObjectDetailView):
    template_name = "assets/stocktake_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lines = self.object.lines.select_related("asset")
        context.update(
            counts={result: lines.filter(result=result).count() for result in StockTakeResult.values},
            to_resolve=lines.filter(
                result__in=[StockTakeResult.MISSING, StockTakeResult.SURPLUS], movement=None, disposal=None
            )[:200],
            can_manage=self.request.user.has_perm(MANAGE),
            is_open=self.object.status == StockTakeStatus.OPEN,
        )
        return context


STOCKTAKES = Register(
    StockTake,
    "stock-takes",
    table=tables.StockTakeTable,
    filterset=filtersets.StockTakeFilterSet,
    select_related=("department", "building"),
    related=stocktake_related,
    views={"detail": StockTakeDetailView},
)


class StockTakeCreateView(CreateWithServiceView):
    model = StockTake
    form_class = forms.StockTakeForm

    @staticmethod
    def service(stocktake, actor):
        return services.stocktake_open(stocktake=stocktake, actor=actor)


class StockTakeScanView(ServiceFormView):
    """The phone page: scan a label (or type it) and the asset is marked found. Managers scan any
    label; a keeper may confirm only the assets they keep (self-audit)."""

    model = StockTake
    permission_required = "assets.scan_stocktake"
    form_class = forms.ScanForm
    template_name = "assets/stocktake_scan.html"
    title = gettext_lazy("Scan labels")

    def get_initial(self):
        return {}

    def call(self, data):
        user = self.request.user
        if not user.has_perm(MANAGE):
            asset = Asset.objects.filter(code=data["code"].strip()).first()
            if asset is None or asset.keeper_id != user.pk:
                raise ValidationError(
                    {"code": ValidationError(_("You can confirm only the assets you keep."), code="not_your_asset")}
                )
        return services.stocktake_scan(stocktake=self.object, actor=user, code=data["code"])

    def success_url_for(self, result):
        return self.request.path

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lines = self.object.lines
        context.update(
            found=lines.filter(result=StockTakeResult.FOUND).count(),
            expected=lines.exclude(result=StockTakeResult.SURPLUS).count(),
            recent=lines.filter(scanned_at__isnull=False).select_related("asset").order_by("-scanned_at")[:5],
        )
        return context


class StockTakeLabelsPdfView(ObjectPdfView):
    """The QR label sheet of a stock-take's assets: each label's code is the asset code the scan
    page reads."""

    model = StockTake
    permission_required = MANAGE
    pdf_template = "assets/pdf/labels.html"

    def get_filename(self):
        return f"{self.object.title}-labels.pdf"

    def get_pdf_context(self):
        lines = self.object.lines.filter(asset__isnull=False).select_related("asset__using_department")[:2000]
        return {
            "title": self.object.title,
            "owner": _("State asset"),
            "labels": [{"asset": line.asset, "qr": qr_data_uri(line.asset.code, scale=3)} for line in lines],
        }


class StockTakeCloseView(ServiceFormView):
    model = StockTake
    permission_required = MANAGE
    form_class = forms.ReturnForm
    title = gettext_lazy("Close the stock-take")

    def call(self, data):
        return services.stocktake_close(stocktake=self.object, actor=self.request.user, on=data["on"])


class StockTakeLineResolveView(ServiceFormView):
    model = StockTake

    def get_object(self):
        return get_object_or_404(StockTakeLine.objects.for_user(self.request.user), pk=self.kwargs["pk"])

    permission_required = MANAGE
    form_class = forms.ResolveForm
    title = gettext_lazy("Resolve")

    def call(self, data):
        return services.stocktakeline_resolve(line=self.object, actor=self.request.user, **data)

    def success_url_for(self, result):
        return result.stocktake.get_absolute_url()


# ---- Excel import --------------------------------------------------------------------------------


IMPORTS = Register(
    AssetImport,
    "imports",
    table=tables.AssetImportTable,
    filterset=filtersets.AssetImportFilterSet,
    select_related=("created_by",),
    detail_template="assets/assetimport_detail.html",
)


class AssetImportCreateView(CreateWithServiceView):
    model = AssetImport
    form_class = forms.AssetImportForm

    @staticmethod
    def service(assetimport, actor):
        return services_import.assetimport_upload(assetimport=assetimport, actor=actor)


class AssetImportRunView(ObjectPageMixin, View):
    model = AssetImport
    permission_required = "assets.add_assetimport"

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                services_import.assetimport_start(assetimport=self.object, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect(self.object.get_absolute_url())


# ---- reports -------------------------------------------------------------------------------------

REPORT_PERMISSION = "assets.view_asset"


class ReportAccessMixin(LoginRequiredMixin, PermissionRequiredMixin):
    permission_required = REPORT_PERMISSION

    def has_permission(self):
        # The totals cover every unit: bureau staff with the asset view only (not a department head).
        return super().has_permission() and sees_all_departments(self.request.user)


def _sections(report):
    return [
        (_("By class"), report["by_class"]),
        (_("By using department"), report["by_unit"]),
        (_("By status"), report["by_status"]),
    ]


class ReportsView(ReportAccessMixin, TemplateView):
    template_name = "assets/reports.html"

    def get_context_data(self, **kwargs):
        form = forms.ReportForm(self.request.GET or None)
        day = form.day_or_today()
        this_year = timezone.localdate().year
        sections = [
            (_("By class"), selectors.totals_at(day, group_by="top_class")),
            (_("By using department"), selectors.totals_at(day, group_by="using_department")),
            (_("By status"), selectors.totals_at(day, group_by="status")),
        ]
        return super().get_context_data(
            form=form,
            sections=sections,
            idle_percent=round(100 * selectors.idle_rate(selectors.assets_at(day)), 1),
            rent_income=selectors.rent_income(day.replace(month=1, day=1), day),
            years=range(this_year, this_year - 3, -1),
            **kwargs,
        )


def _report_year(year):
    if not 2000 <= year <= timezone.localdate().year:
        raise Http404
    return selectors.annual_report(year)


class AnnualReportPdfView(ReportAccessMixin, View):
    def get(self, request, year):
        report = _report_year(year)
        title = _("State-owned asset annual report %(year)s") % {"year": year}
        pdf = render_pdf(
            "assets/pdf/annual_report.html",
            {
                "title": title,
                "report": report,
                "sections": _sections(report),
                "idle_percent": round(100 * report["idle_rate"], 1),
            },
            request=request,
        )
        audit_export(request, target=f"{title} (pdf)")
        return pdf_file_response(pdf, f"{title}.pdf")


class AnnualReportXlsxView(ReportAccessMixin, View):
    def get(self, request, year):
        from openpyxl import Workbook

        report = _report_year(year)
        title = _("State-owned asset annual report %(year)s") % {"year": year}
        book = Workbook()
        book.remove(book.active)
        headers = ["", _("Count"), _("Book value"), _("Accumulated depreciation"), _("Net value")]
        for heading, rows in _sections(report):
            sheet = book.create_sheet(str(heading)[:31])
            sheet.append([str(h) for h in headers])
            for key, *figures in rows:
                # Keys are names typed by people: kept as text, never as a formula.
                sheet.append([CellRichText([str(key)]) if reads_as_formula(str(key)) else str(key), *figures])
        sheet = book.create_sheet(str(_("Disposals")))
        sheet.append(
            [
                str(_("asset")),
                str(_("method")),
                str(_("approval document number")),
                str(_("proceeds")),
                str(_("remitted to the treasury")),
            ]
        )
        for d in report["disposals"]:
            sheet.append(
                [str(d.asset), str(d.get_method_display()), d.approval_document, d.proceeds, d.remitted_amount]
            )
        buffer = io.BytesIO()
        book.save(buffer)
        audit_export(request, target=f"{title} (xlsx)")
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(title)}.xlsx"
        return response


# ---- public 资产公开 (no login) --------------------------------------------------------------------


class PublicListView(TemplateView):
    """Announced leases or disposals and their results: only what an announcement says in public."""

    template_name = "assets/public_list.html"
    section = None

    def get_context_data(self, **kwargs):
        from assets.public import SECTIONS

        section = SECTIONS[self.section]
        return super().get_context_data(
            title=section["title"],
            description=section["description"],
            headings=self.headings(),
            rows=self.rows(),
            **kwargs,
        )


class PublicLeasesView(PublicListView):
    section = 0

    def headings(self):
        return [_("announced on"), _("asset"), _("area (m²)"), _("from"), _("to"), _("lessee"), _("monthly rent")]

    def rows(self):
        leases = selectors.public_leases()[:200]
        return [
            (
                lease.announced_on,
                lease.asset.name,
                lease.area,
                lease.start_date,
                lease.end_date,
                lease.lessee,
                lease.monthly_rent,
            )
            for lease in leases
        ]


class PublicDisposalsView(PublicListView):
    section = 1

    def headings(self):
        return [
            _("announced on"),
            _("asset"),
            _("method"),
            _("appraisal value"),
            _("disposed on"),
            _("buyer or recipient"),
            _("proceeds"),
        ]

    def rows(self):
        disposals = selectors.public_disposals()[:200]
        return [
            (
                d.announced_on,
                d.asset.name,
                d.get_method_display(),
                d.appraisal_value,
                d.disposed_on,
                d.buyer,
                d.proceeds if d.status == DisposalStatus.COMPLETED else None,
            )
            for d in disposals
        ]
