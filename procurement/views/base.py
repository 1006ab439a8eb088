"""A page that runs one service on one record through a small form (record a bid, sign a contract…)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from bureau.forms import add_integrity_error, add_service_errors
from bureau.views.generic import ObjectPageMixin


class ServiceFormView(ObjectPageMixin, FormView):
    """`model` and `permission_required` say whose record and who may; `perform(form)` calls the
    service; its refusal comes back on the form's fields, nothing saved."""

    template_name = "procurement/service_form.html"
    title = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, **self.form_extra()}

    def form_extra(self):
        return {}

    def perform(self, form):
        raise NotImplementedError

    def parent_object(self):
        """The record whose page this hangs off (a lot's batch), for the way back."""
        return self.object

    def get_context_data(self, **kwargs):
        # FormView's context, without the register's list links (a lot or a bid has no list).
        context = FormView.get_context_data(self, **kwargs)
        context.update(object=self.object, parent=self.parent_object(), title=self.title)
        return context

    def form_valid(self, form):
        try:
            with transaction.atomic():
                self.perform(form)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        except IntegrityError as exc:
            add_integrity_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect(self.get_success_url())

    def get_success_url(self):
        return self.object.get_absolute_url()
