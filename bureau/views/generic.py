"""Generic list / detail / history / edit / delete / void views, written once and reused by every app.

A register gets them from one declaration (bureau.registers.Register), which gives each view its
model and the table, filterset and form it uses; a page with more behaviour subclasses one of them.

Every view checks the model permission of its action (anonymous → login, no permission → 403) and
reads through `Model.objects.for_user(user)`, so another department's record answers 404.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView
from django.views.generic.detail import SingleObjectTemplateResponseMixin
from django.views.generic.edit import ModelFormMixin, ProcessFormView
from django_tables2 import LazyPaginator, RequestConfig

from bureau.audit import audit_export, audit_personal_view
from bureau.concurrency import VersionedFormMixin
from bureau.exports import SafeTableExport
from bureau.forms import MoveForm, VoidForm, add_integrity_error, add_service_errors, refuse_control_characters
from bureau.history import history_entries
from bureau.masking import mask_personal
from bureau.pdf import pdf_file_response, render_pdf
from bureau.services import audited_save, record_void
from bureau.templatetags.bureau_tags import field_rows
from bureau.workflow import transition


def error_text(exc):
    """A service's ValidationError as one line, for a message or a page."""
    return " ".join(exc.messages)


def url_name(model, suffix=""):
    """`app:model` or `app:model_suffix`, the URL naming scheme of DESIGN.md §10."""
    meta = model._meta
    return f"{meta.app_label}:{meta.model_name}{'_' + suffix if suffix else ''}"


class ObjectViewMixin(LoginRequiredMixin, PermissionRequiredMixin):
    model = None
    action = "view"  # the model permission the view needs: view / add / change / delete / void
    select_related = ()

    def get_permission_required(self):
        meta = self.model._meta
        return [f"{meta.app_label}.{self.action}_{meta.model_name}"]

    def get_queryset(self):
        queryset = self.model.objects.for_user(self.request.user)
        return queryset.select_related(*self.select_related) if self.select_related else queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meta = self.model._meta
        user = self.request.user
        context.update(
            model_meta=meta,
            verbose_name=capfirst(meta.verbose_name),
            verbose_name_plural=capfirst(meta.verbose_name_plural),
            list_url=reverse(url_name(self.model, "list")),
            can_add=user.has_perm(f"{meta.app_label}.add_{meta.model_name}") and self.has_view("add"),
            can_change=user.has_perm(f"{meta.app_label}.change_{meta.model_name}") and self.has_view("edit"),
            can_delete=user.has_perm(f"{meta.app_label}.delete_{meta.model_name}") and self.has_view("delete"),
            can_void=user.has_perm(f"{meta.app_label}.void_{meta.model_name}") and self.has_view("void"),
        )
        return context

    def has_view(self, suffix):
        from django.urls import NoReverseMatch

        try:
            reverse(url_name(self.model, suffix), args=[0] if suffix != "add" else [])
        except NoReverseMatch:
            return False
        return True


class ObjectPageMixin(ObjectViewMixin):
    """A page about one record (URL kwarg `pk`) beyond list/detail/edit: a tab, a confirmation, a
    formset, a PDF. Anonymous → login, no permission → 403, then the record through the user's scope
    (another department's → 404) is `self.object` before the handler runs.

    The permission is the model permission of `action`, as in every generic view, unless the page
    sets `permission_required`. A page about a record reached through another (an attendee's
    meeting) overrides `get_object()`.
    """

    permission_required = None

    def get_permission_required(self):
        if self.permission_required is None:
            return super().get_permission_required()
        return PermissionRequiredMixin.get_permission_required(self)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated or not self.has_permission():
            return self.handle_no_permission()
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)


# Page numbers past this are not read (a list of 50 million rows has a million pages of 50).
MAX_PAGE = 1_000_000


def readable_page_parameter(request, query):
    """A mutable copy of `query` without a `page` that isn't a page number (with a message)."""
    params = query.copy()
    page = params.get("page")
    if page is not None and not (page.isascii() and page.isdigit() and 1 <= int(page) <= MAX_PAGE):
        params.pop("page")
        messages.warning(
            request, _("The page number “%(page)s” can't be read; showing the first page.") % {"page": page[:30]}
        )
    return params


def report_ignored_parameters(request, form):
    """Tell the user which filters of a list or report were left out because they can't be read."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        messages.warning(
            request,
            _("Filter “%(filter)s” left out: %(errors)s")
            % {"filter": label or name, "errors": " ".join(str(error) for error in errors)},
        )


class ObjectListView(ObjectViewMixin, TemplateView):
    """Filter → export → table, as NetBox's ObjectListView."""

    table_class = None
    filterset_class = None
    template_name = "bureau/generic/object_list.html"
    per_page = 50
    max_per_page = 100
    ordering = ()  # the list's default order when not the model's: an index's order (DESIGN.md §11)
    export_formats = ("csv", "xlsx")

    def get(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        if self.ordering:
            queryset = queryset.order_by(*self.ordering)
        params = readable_page_parameter(request, request.GET)
        self.filterset = self.filterset_class(params or None, queryset=queryset, request=request)
        refuse_control_characters(self.filterset.form)
        if self.filterset.is_bound and not self.filterset.is_valid():
            # The list without the filters that can't be read, and a message saying which.
            report_ignored_parameters(request, self.filterset.form)
            for name in self.filterset.form.errors:
                for key in [key for key in params if key == name or key.startswith(f"{name}_")]:
                    params.pop(key)
            self.filterset = self.filterset_class(params or None, queryset=queryset, request=request)
            if self.filterset.is_bound and not self.filterset.is_valid():
                self.filterset = self.filterset_class(None, queryset=queryset, request=request)
        queryset = self.filterset.qs if self.filterset.is_bound else queryset
        request.GET = params  # what the table's paginator and sorting read
        # No `request=` here: the table would paginate itself with a counting paginator first.
        self.table = self.table_class(queryset)
        self.paginate(self.table)
        export_format = request.GET.get("_export")
        if export_format in self.export_formats:
            return self.export(queryset, export_format)
        return self.render_to_response(self.get_context_data())

    def export(self, queryset, export_format):
        limit = settings.BUREAU_EXPORT_MAX_ROWS
        if len(queryset.values("pk")[: limit + 1]) > limit:
            messages.error(
                self.request,
                _("More than %(limit)s rows match; narrow the filter before exporting.") % {"limit": limit},
            )
            params = self.request.GET.copy()
            params.pop("_export", None)
            return HttpResponseRedirect(f"{self.request.path}?{params.urlencode()}")
        table = self.table_class(queryset)
        exporter = SafeTableExport(export_format, table, exclude_columns=("actions",))
        audit_export(self.request, target=f"{self.model._meta.verbose_name_plural} ({export_format})")
        return exporter.response(f"{self.model._meta.model_name}.{export_format}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            table=self.table,
            filterset=self.filterset,
            export_formats=self.export_formats,
            export_query=params.urlencode(),
        )
        return context

    def paginate(self, table):
        """Sort by `?sort=`, show page `?page=` of `?per_page=` rows (at most `max_per_page`).

        LazyPaginator never counts the whole table, so page N costs the same on millions of rows.
        """
        RequestConfig(self.request, paginate=False).configure(table)
        try:
            per_page = min(max(int(self.request.GET.get("per_page", self.per_page)), 1), self.max_per_page)
        except ValueError:
            per_page = self.per_page
        try:
            table.paginate(paginator_class=LazyPaginator, per_page=per_page, page=self.request.GET.get("page", 1))
        except PageNotAnInteger:
            table.paginate(paginator_class=LazyPaginator, per_page=per_page, page=1)
        except EmptyPage:
            table.page = table.paginator.page(table.paginator.num_pages)


class ObjectDetailView(ObjectViewMixin, DetailView):
    template_name = "bureau/generic/object_detail.html"
    fields = None  # names shown on the detail tab; default: every editable concrete field
    tab = "detail"
    related = None  # (obj, user) → [(title, table)], as declared by a bureau.registers.Register

    def get_detail_fields(self):
        names = self.fields or [f.name for f in self.model._meta.concrete_fields if f.editable and not f.primary_key]
        return names

    def get_related_tables(self):
        """[(title, table)] shown below the fields; override to list an object's children."""
        return self.related(self.object, self.request.user) if self.related else []

    # Personal information (个人信息保护法): these fields (phone, ID numbers) are shown masked; a user
    # with `personal_full_permission` may ask for them in full (?full=1). Every view of such a
    # record, masked or in full, is in the audit log.
    personal_fields = ()
    personal_full_permission = None

    def can_show_personal_in_full(self):
        permission = self.personal_full_permission
        return bool(permission) and self.request.user.has_perm(permission)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        fields = self.get_detail_fields()
        rows = field_rows(self.object, fields)
        personal = [name for name in self.personal_fields if name in fields]
        in_full = False
        if personal:
            can_show_in_full = self.can_show_personal_in_full()
            in_full = can_show_in_full and self.request.GET.get("full") == "1"
            if not in_full:
                rows = [
                    (label, mask_personal(name, getattr(self.object, name)) if name in personal else value)
                    for name, (label, value) in zip(fields, rows, strict=True)
                ]
            audit_personal_view(self.request, obj=self.object, in_full=in_full, page=self.tab)
            context.update(personal_masked=not in_full, can_show_personal_in_full=can_show_in_full)
        context.update(
            detail_fields=fields,
            detail_rows=rows,
            related_tables=self.get_related_tables(),
            tab=self.tab,
            history_url=self.object_url("history"),
        )
        return context

    def object_url(self, suffix):
        from django.urls import NoReverseMatch

        try:
            return reverse(url_name(self.model, suffix), args=[self.object.pk])
        except NoReverseMatch:
            return None


class ObjectHistoryView(ObjectDetailView):
    """The record's change history: who, when, which fields, old → new (NetBox's changelog tab)."""

    template_name = "bureau/generic/object_history.html"
    tab = "history"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = history_entries(self.object)
        return context


class ObjectEditView(ObjectViewMixin, SingleObjectTemplateResponseMixin, ModelFormMixin, ProcessFormView):
    """Create (no pk in the URL) or edit one record with a crispy form."""

    form_class = None
    template_name = "bureau/generic/object_edit.html"

    @property
    def action(self):
        return "change" if "pk" in self.kwargs else "add"

    def get_object(self, queryset=None):
        if "pk" not in self.kwargs:
            return None
        return super().get_object(queryset)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def save_form(self, form):
        """Save the record from the valid form and return it. The default is an audited save (the
        history names the user, also where no request is around); a model with rules of its own
        calls its service here, whose refusal (a ValidationError) comes back on the form's fields."""
        obj = form.save(commit=False)
        audited_save(obj=obj, actor=self.request.user)
        form.save_m2m()
        return obj

    def form_valid(self, form):
        try:
            with transaction.atomic():
                if isinstance(form, VersionedFormMixin) and not form.check_version_locked():
                    return self.form_invalid(form)  # changed by someone else since it was opened
                self.object = self.save_form(form)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        except IntegrityError as exc:
            # A concurrent write passed the form's checks; the database constraint caught it.
            add_integrity_error(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request, _("%(name)s “%(obj)s” saved.") % {"name": self.model._meta.verbose_name, "obj": self.object}
        )
        return redirect(self.get_success_url())

    def get_success_url(self):
        return self.object.get_absolute_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_new"] = self.object is None
        return context


class ObjectDeleteView(ObjectViewMixin, DetailView):
    """Only for records without money or legal weight; those are voided instead."""

    action = "delete"
    template_name = "bureau/generic/object_confirm_delete.html"

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        try:
            with transaction.atomic():
                self.object.delete()
        except ProtectedError as exc:
            related = sorted({str(obj._meta.verbose_name) for obj in exc.protected_objects})
            messages.error(
                request,
                _("“%(obj)s” cannot be deleted: other records still refer to it (%(related)s).")
                % {"obj": self.object, "related": "、".join(related)},
            )
            return redirect(self.object.get_absolute_url())
        messages.success(request, _("“%(obj)s” deleted.") % {"obj": self.object})
        return redirect(reverse(url_name(self.model, "list")))


class ObjectVoidView(ObjectPageMixin, FormView):
    """Void a record with a reason: it stays in the books, marked void, with its history."""

    action = "void"
    form_class = VoidForm
    template_name = "bureau/generic/object_void.html"

    def void(self, reason):
        """Void the record; a model whose voiding has rules of its own calls its service here."""
        record_void(obj=self.object, actor=self.request.user, reason=reason)

    def form_valid(self, form):
        if self.object.is_voided:
            messages.warning(self.request, _("“%(obj)s” was already voided.") % {"obj": self.object})
            return redirect(self.object.get_absolute_url())
        try:
            self.void(form.cleaned_data["reason"])
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("“%(obj)s” voided.") % {"obj": self.object})
        return redirect(self.object.get_absolute_url())


class ServiceAddView(ObjectViewMixin, FormView):
    """A record entered through its service, not saved by a model form (a penalty, an adjustment, an
    office assignment): `save(data)` calls the service and returns the record; a refusal comes back
    on the form's fields."""

    action = "add"
    template_name = "bureau/generic/object_edit.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_new=True, **kwargs)

    def save(self, data):
        raise NotImplementedError

    def success_message(self, record):
        return _("%(name)s “%(obj)s” saved.") % {"name": self.model._meta.verbose_name, "obj": record}

    def success_url(self, record):
        return record.get_absolute_url()

    def form_valid(self, form):
        try:
            record = self.save(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message(record))
        return redirect(self.success_url(record))


class RecordTabMixin:
    """A tab of one record's page (`self.object`): the header above the tabs — the record's state,
    its Edit button and the workflow moves the user may make now — and which tab is active.

    Set `workflow` (a bureau.workflow.Workflow) for the moves; override `can_edit_record()` where
    editing depends on more than the change permission (e.g. the record's state).
    """

    workflow = None

    def can_edit_record(self):
        meta = self.model._meta
        return self.request.user.has_perm(f"{meta.app_label}.change_{meta.model_name}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            tab=getattr(self, "tab", None),
            move_links=self.workflow.links(user, self.object) if self.workflow else [],
            can_edit_record=self.can_edit_record(),
        )
        return context


class MoveView(ObjectPageMixin, TemplateView):
    """One move of a record's workflow (submit, approve, settle, cancel…), for every model.

    GET shows a confirmation page (with the reason where the move asks one); POST makes the move
    through bureau.workflow.transition. A refusal comes back as error messages on the record's page.
    A model's move view is a subclass naming its `workflow`; bureau.urls_helpers.move_urls gives it
    one URL per move (`move`, the move's name). The permission is the move's.
    """

    workflow = None
    move = None
    template_name = "bureau/generic/object_move.html"

    @property
    def model(self):
        return self.workflow.model

    @property
    def select_related(self):
        return self.workflow.select_related

    @property
    def step(self):
        return self.workflow.get_move(self.move)

    def get_permission_required(self):
        return [self.step.permission]

    def get_form(self, data=None):
        if not self.step.reason:
            return None
        return MoveForm(data, move=self.step, field_name=self.workflow.reason_field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            move=self.step,
            possible=self.workflow.allows(self.object, self.step),
            state_label=self.workflow.state_label(self.object),
        )
        return context

    def success_message(self):
        return _("“%(object)s”: %(move)s — now %(status)s.") % {
            "object": self.object,
            "move": self.step.label,
            "status": self.workflow.state_label(self.object),
        }

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        reason = None
        if form is not None:
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form=form))
            reason = form.cleaned_data[self.workflow.reason_field]
        try:
            transition(obj=self.object, move=self.move, actor=request.user, reason=reason)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.success_message())
        return redirect(self.object.get_absolute_url())


class ObjectFormsetView(ObjectPageMixin, TemplateView):
    """Edit one record's rows as one formset, all or nothing.

    `save_formset()` calls the service; a refusal (ValidationError) is shown above the formset, with
    every row as the user typed it.
    """

    def get_formset(self, data=None):
        raise NotImplementedError

    def save_formset(self, formset):
        raise NotImplementedError

    def success_message(self):
        raise NotImplementedError

    def get_success_url(self):
        return self.object.get_absolute_url()

    def render_formset(self, formset):
        return self.render_to_response(self.get_context_data(formset=formset))

    def get(self, request, *args, **kwargs):
        return self.render_formset(self.get_formset())

    def post(self, request, *args, **kwargs):
        formset = self.get_formset(request.POST)
        if not formset.is_valid():
            return self.render_formset(formset)
        try:
            with transaction.atomic():
                self.save_formset(formset)
        except ValidationError as exc:
            # A fresh formset: the rolled-back save may have left primary keys on the forms' instances.
            formset = self.get_formset(request.POST)
            formset.is_valid()
            formset._non_form_errors = formset.error_class(exc.messages)
            return self.render_formset(formset)
        messages.success(request, self.success_message())
        return redirect(self.get_success_url())


class ObjectPdfView(ObjectPageMixin, View):
    """A printable document of one record (WeasyPrint through bureau.pdf), shown inline."""

    pdf_template = None

    def get_filename(self):
        raise NotImplementedError

    def get_pdf_context(self):
        return {"object": self.object}

    def render_pdf(self):
        return render_pdf(self.pdf_template, self.get_pdf_context(), request=self.request)

    def get(self, request, *args, **kwargs):
        response = pdf_file_response(self.render_pdf(), self.get_filename())
        audit_export(request, target=f"{self.get_filename()} ({self.object})")
        return response
