"""Pages of office space (办公用房) — the dated standards, who sits where, the report per unit and the
list of offices against the standard — and of campus conduct (文明公约): the rules, the violations
register and the monthly list for publication."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from tablib import Dataset

from bureau.audit import audit_export
from bureau.exports import formula_safe_dataset
from bureau.registers import Register
from bureau.views import generic
from bureau.views.generic import report_ignored_parameters
from property_services import forms_space, rules, selectors_space, tables_space
from property_services.filtersets_space import (
    ConductRuleFilterSet,
    ConductViolationFilterSet,
    OfficeAssignmentFilterSet,
    OfficeStandardFilterSet,
)
from property_services.models import ConductRule, ConductViolation, OfficeAssignment, OfficeStandard
from property_services.models.fees import month_label
from property_services.services import space

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(request, *, headers, rows, title, filename, target):
    """An Excel file of `rows`: formula-safe (bureau.exports) and in the audit log."""
    dataset = formula_safe_dataset(Dataset(*rows, headers=headers, title=title[:31]), "xlsx")
    response = HttpResponse(dataset.export("xlsx"), content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(filename)}"
    audit_export(request, target=target)
    return response


# ---- the standards ---------------------------------------------------------------------------------


class OfficeStandardEditView(generic.ObjectEditView):
    def save_form(self, form):
        return space.office_standard_save(standard=form.save(commit=False), actor=self.request.user)


OFFICE_STANDARDS = Register(
    OfficeStandard,
    "space/standards",
    table=tables_space.OfficeStandardTable,
    filterset=OfficeStandardFilterSet,
    form=forms_space.OfficeStandardForm,
    views={"edit": OfficeStandardEditView},
)

# ---- who sits where ----------------------------------------------------------------------------------


class OfficeAssignmentVoidView(generic.ObjectVoidView):
    def void(self, reason):
        space.office_assignment_void(assignment=self.object, actor=self.request.user, reason=reason)


OFFICE_ASSIGNMENTS = Register(
    OfficeAssignment,
    "space/assignments",
    table=tables_space.OfficeAssignmentTable,
    filterset=OfficeAssignmentFilterSet,
    select_related=("person__user", "person__department", "room__building"),
    detail_fields=("person", "room", "start_date", "end_date", "note", "voided_at", "voided_by", "void_reason"),
    void=True,
    views={"void": OfficeAssignmentVoidView},
)


class OfficeAssignmentAddView(generic.ServiceAddView):
    model = OfficeAssignment
    form_class = forms_space.OfficeAssignmentForm

    def save(self, data):
        return space.office_assign(actor=self.request.user, **data)


# ---- the report and the list of offices ---------------------------------------------------------------


class SpaceDayMixin:
    """The day a page is read for (`?date=`, default today); an unreadable date is said and left out."""

    form_class = forms_space.SpaceDateForm

    def read_filters(self):
        form = self.form_class(self.request.GET or None, user=self.request.user)
        values = {}
        if form.is_bound:
            if not form.is_valid():
                report_ignored_parameters(self.request, form)
                form = self.form_class(None, user=self.request.user)
            else:
                values = {key: value for key, value in form.cleaned_data.items() if value}
        self.filter_form = form
        self.day = values.pop("date", None) or timezone.localdate()
        return values


class SpaceReportView(SpaceDayMixin, generic.ObjectViewMixin, TemplateView):
    """Per unit: offices, people, area per person against the standard in force on the day, offices over
    standard, without a recorded rank, idle. A department head sees their own unit."""

    model = OfficeAssignment
    template_name = "property_services/space_report.html"

    def get(self, request, *args, **kwargs):
        self.read_filters()
        self.lines = selectors_space.space_report(request.user, day=self.day)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            form=self.filter_form,
            day=self.day,
            lines=self.lines,
            standards=sorted(selectors_space.standards_on(self.day).items(), key=lambda item: -item[1]),
            export_query=self.request.GET.urlencode(),
            **kwargs,
        )


REPORT_HEADERS = (
    gettext_lazy("Department"),
    gettext_lazy("Offices"),
    gettext_lazy("Headcount"),
    gettext_lazy("Usable area (m²)"),
    gettext_lazy("Area per person (m²)"),
    gettext_lazy("Standard area (m²)"),
    gettext_lazy("Over standard"),
    gettext_lazy("Within standard"),
    gettext_lazy("Rank not recorded"),
    gettext_lazy("Idle offices"),
)


class SpaceReportExcelView(SpaceReportView):
    def get(self, request, *args, **kwargs):
        self.read_filters()
        rows = [
            (
                line.department or _("No unit"),
                line.offices,
                line.people,
                line.area,
                line.per_person if line.per_person is not None else "",
                line.allowed,
                line.over,
                line.within,
                line.rank_missing,
                line.idle,
            )
            for line in selectors_space.space_report(request.user, day=self.day)
        ]
        day = self.day.isoformat()
        return xlsx_response(
            request,
            headers=[str(header) for header in REPORT_HEADERS],
            rows=rows,
            title=day,
            filename=_("Office space %(day)s.xlsx") % {"day": day},
            target=f"{_('Office space report')} {day} (xlsx)",
        )


class OfficeListView(SpaceDayMixin, generic.ObjectViewMixin, TemplateView):
    """Every office with its occupants, area per person and verdict on the day; by unit and verdict."""

    model = OfficeAssignment
    template_name = "property_services/office_list.html"
    form_class = forms_space.OfficeFilterForm
    per_page = 100

    def get(self, request, *args, **kwargs):
        filters = self.read_filters()
        self.rows = selectors_space.office_rows(request.user, day=self.day, **filters)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        params = self.request.GET.copy()
        params.pop("page", None)
        page = Paginator(self.rows, self.per_page).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            form=self.filter_form, day=self.day, page=page, total=len(self.rows), query=params.urlencode(), **kwargs
        )


# ---- campus conduct -----------------------------------------------------------------------------------

CONDUCT_RULES = Register(
    ConductRule,
    "conduct/rules",
    table=tables_space.ConductRuleTable,
    filterset=ConductRuleFilterSet,
    form=forms_space.ConductRuleForm,
)


class ConductViolationVoidView(generic.ObjectVoidView):
    def void(self, reason):
        space.conduct_violation_void(violation=self.object, actor=self.request.user, reason=reason)


CONDUCT_VIOLATIONS = Register(
    ConductViolation,
    "conduct/violations",
    table=tables_space.ConductViolationTable,
    filterset=ConductViolationFilterSet,
    select_related=("department", "rule", "recorded_by"),
    detail_fields=(
        *("department", "date", "rule", "place", "description", "recorded_by"),
        *("voided_at", "voided_by", "void_reason"),
    ),
    void=True,
    views={"void": ConductViolationVoidView},
)


class ConductViolationAddView(generic.ServiceAddView):
    model = ConductViolation
    form_class = forms_space.ConductViolationForm

    def save(self, data):
        return space.conduct_violation_record(actor=self.request.user, **data)


class ConductMonthlyView(generic.ObjectViewMixin, TemplateView):
    """The month's violations by unit and rule, for publication (通报); default the month before."""

    model = ConductViolation
    template_name = "property_services/conduct_monthly.html"

    def read_month(self):
        form = forms_space.ConductMonthForm(self.request.GET or None, user=self.request.user)
        month = None
        if form.is_bound:
            if form.is_valid():
                month = form.cleaned_data["month"]
            else:
                report_ignored_parameters(self.request, form)
                form = forms_space.ConductMonthForm(None, user=self.request.user)
        self.month = month or rules.previous_month(timezone.localdate())
        if not form.is_bound:
            form.initial["month"] = self.month
        self.form = form

    def get(self, request, *args, **kwargs):
        self.read_month()
        self.broken, self.lines, self.violations = selectors_space.conduct_month(request.user, self.month)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        rows = [
            (department, [counts.get(rule.pk, 0) for rule in self.broken], total)
            for department, counts, total in self.lines
        ]
        return super().get_context_data(
            form=self.form,
            month=month_label(self.month),
            rules=self.broken,
            rows=rows,
            violations=self.violations,
            total=len(self.violations),
            **kwargs,
        )


class ConductMonthlyExcelView(ConductMonthlyView):
    def get(self, request, *args, **kwargs):
        self.read_month()
        broken, lines, violations = selectors_space.conduct_month(request.user, self.month)
        label = month_label(self.month)
        headers = [_("Department"), *[f"{rule.get_kind_display()}（{rule.number}）" for rule in broken], _("Total")]
        rows = [
            (department.name, *[counts.get(rule.pk, 0) for rule in broken], total)
            for department, counts, total in lines
        ]
        rows.append((_("Total"), *[sum(c.get(rule.pk, 0) for _d, c, _t in lines) for rule in broken], len(violations)))
        return xlsx_response(
            request,
            headers=headers,
            rows=rows,
            title=label,
            filename=_("Conduct violations %(month)s.xlsx") % {"month": label},
            target=f"{_('Monthly conduct list')} {label} (xlsx)",
        )
