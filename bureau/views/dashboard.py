"""The dashboards' pages: the bureau's (`/dashboard/`) and a department's (`/dashboard/department/`).

Thin: the period comes from bureau.forms_dashboard, the figures and charts from bureau.dashboards.
`?_export=xlsx&chart=<key>` downloads one chart's numbers (the table under it) as Excel.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView

from bureau.dashboards import UNIT_LABELS, bureau_dashboard, department_dashboard
from bureau.exports import rows_export_response
from bureau.forms_dashboard import DepartmentPeriodForm, PeriodForm
from bureau.models import Department
from bureau.roles import DASHBOARD_ROLES, DEPARTMENT_DASHBOARD_ROLES, has_role
from bureau.scoping import user_department
from bureau.views.pages import RoleRequiredMixin


class DashboardMixin(RoleRequiredMixin):
    form_class = PeriodForm

    def get_form(self):
        return self.form_class(self.request.GET or None, user=self.request.user)

    def dashboard(self, period):
        raise NotImplementedError

    def export_name(self, dashboard):
        return "dashboard"

    def get(self, request, *args, **kwargs):
        self.form = self.get_form()
        period = self.form.chosen_period()
        self.board = self.dashboard(period)
        if self.board is not None and request.GET.get("_export") in ("xlsx", "csv"):
            spec = self.board.chart(request.GET.get("chart", ""))
            if spec is None:
                raise Http404
            title = f"{spec.title} {period.label}"
            filename = f"{self.export_name(self.board)}-{spec.key}-{period.start:%Y%m%d}-{period.end:%Y%m%d}"
            return rows_export_response(
                request, rows=spec.dataset_rows(), title=title, filename=filename, export_format=request.GET["_export"]
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        if self.board is None:
            return context
        board, period = self.board, self.board.period
        params = {key: value for key, value in self.request.GET.items() if key not in ("_export", "chart")}
        context.update(
            form=self.form,
            dashboard=board,
            period=period,
            before=board.before,
            units=UNIT_LABELS,
            export_query=urlencode({**params, **period.as_params()}),
            previous_query=urlencode({**params, **period.previous().as_params()}),
            next_query=urlencode({**params, **period.next().as_params()}),
            sections=[(section, [spec.render() for spec in section.charts]) for section in board.sections],
        )
        return context


class DashboardView(DashboardMixin, TemplateView):
    roles = DASHBOARD_ROLES
    template_name = "bureau/dashboard.html"

    def dashboard(self, period):
        return bureau_dashboard(period=period)


class DepartmentDashboardView(DashboardMixin, TemplateView):
    """A department head sees their own department; those who see every department choose one with
    the picker (the page then moves to the department's own address). Another department's address
    is not found for a head."""

    roles = DEPARTMENT_DASHBOARD_ROLES
    template_name = "bureau/dashboard_department.html"
    form_class = DepartmentPeriodForm

    def get(self, request, *args, **kwargs):
        self.department = self.get_department()
        if self.department is None:
            chosen = request.GET.get("department")
            if chosen:
                department = get_object_or_404(Department.objects.for_user(request.user), pk=_pk(chosen))
                params = {key: value for key, value in request.GET.items() if key != "department"}
                url = reverse("dashboard:department_detail", args=[department.pk])
                return redirect(f"{url}?{urlencode(params)}" if params else url)
        return super().get(request, *args, **kwargs)

    def get_department(self):
        user = self.request.user
        if "pk" in self.kwargs:
            return get_object_or_404(Department.objects.for_user(user), pk=self.kwargs["pk"])
        if not user.is_superuser and not has_role(user, *DASHBOARD_ROLES):
            # A department head: their own department, and no other whatever the address asks.
            department = user_department(user)
            chosen = self.request.GET.get("department")
            if department is None or (chosen and _pk(chosen) != department.pk):
                raise Http404
            return department
        return None

    def get_form(self):
        form = super().get_form()
        if self.department is not None:
            form.fields["department"].initial = self.department.pk
        if not (self.request.user.is_superuser or has_role(self.request.user, *DASHBOARD_ROLES)):
            del form.fields["department"]  # a head has one department: nothing to choose
        return form

    def dashboard(self, period):
        if self.department is None:
            return None
        return department_dashboard(period=period, department=self.department)

    def export_name(self, dashboard):
        return f"department-{dashboard.department.code or dashboard.department.pk}"


def _pk(value):
    """A department id from the query string; anything else is not found."""
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None
