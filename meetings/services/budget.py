"""统一经费预算 / 统一会后经费结算 and 统一材料印制: writes on budget lines and printing orders."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bureau.concurrency import stale_error
from bureau.services import audited_save
from meetings.choices import BudgetKind, PrintingStatus
from meetings.models import BudgetLine, Meeting, PrintingOrder
from meetings.rules import (
    approved_amount_locked_error,
    budget_description_check,
    can_edit_amounts,
    can_edit_approved,
    can_edit_requested,
    check_printing_open,
    check_printing_order,
    meeting_cap_violation,
)
from meetings.selectors.meeting import meeting_budget_totals, meeting_standard


def _check_caps(meeting):
    standard = meeting_standard(meeting)
    totals = meeting_budget_totals(meeting)
    errors = [
        message
        for column in ("requested", "approved", "actual")
        if (message := meeting_cap_violation(meeting, standard, amount=totals[column], column=column))
    ]
    if errors:
        raise ValidationError([ValidationError(message, code="over_cap") for message in errors])


@transaction.atomic
def meeting_budget_save(*, meeting, actor, rows):
    """Save a meeting's budget in one go, or nothing at all.

    rows: [{"line": BudgetLine or None, "kind", "sub_kind", "description", "requested", "approved",
    "actual", "void": bool, "version": the line's version when the form was opened (optional)}].
    The actor may change the requested side while the meeting is a draft (or rejected) and, with the
    settle permission, the approved amounts while the meeting waits for its approval (the approval
    fixes them: to change them the meeting is sent back for approval) and the actual amounts; the
    three items together must stay within the cap for each column. A line typed over a newer version
    than the row's is refused.
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    may_request = can_edit_requested(actor, meeting)
    may_finance = can_edit_amounts(actor, meeting)
    may_approve = can_edit_approved(actor, meeting)
    if not (may_request or may_finance):
        raise ValidationError(
            _("The budget of a meeting that is %(status)s cannot be changed by you.")
            % {"status": meeting.get_status_display()},
            code="budget_locked",
        )
    request_fields = ("kind", "sub_kind", "description", "requested")
    finance_fields = ("approved", "actual")
    for row in rows:
        line = row.get("line")
        if line is None:
            if row.get("void"):
                continue
            if not may_request:
                raise ValidationError(
                    _("Budget lines can only be added while the meeting is a draft."), code="budget_locked"
                )
            line = BudgetLine(meeting=meeting)
        else:
            line = BudgetLine.objects.get(pk=line.pk)  # as it is now: the meeting's lock orders budget saves
        if line.meeting_id != meeting.pk or line.is_voided:
            raise ValidationError(_("This budget line does not belong to the meeting."), code="foreign_line")
        if row.get("void"):
            if not may_request:
                raise ValidationError(
                    _("Budget lines can only be removed while the meeting is a draft."), code="budget_locked"
                )
            line.voided_at = timezone.now()
            line.voided_by = actor
            line.void_reason = _("Removed from the budget")
        changed = []
        for field in request_fields + finance_fields:
            if field not in row:
                continue
            value = row[field] if row[field] is not None or field in finance_fields else ""
            if getattr(line, field) != value:
                if field == "approved" and may_finance and not may_approve:
                    raise approved_amount_locked_error(meeting)
                allowed = may_request if field in request_fields else may_finance
                if not allowed:
                    raise ValidationError(
                        {
                            field: ValidationError(
                                _("You cannot change this amount while the meeting is %(status)s.")
                                % {"status": meeting.get_status_display()},
                                code="field_locked",
                            )
                        }
                    )
                setattr(line, field, value)
                changed.append(field)
        if line.kind != BudgetKind.OTHER:
            line.sub_kind = ""
        budget_description_check(line.description)
        if line.pk and not changed and not row.get("void"):
            continue
        if line.pk and (stale := stale_error(BudgetLine.objects.get(pk=line.pk), row.get("version"))):
            raise stale  # typed over a line someone else changed since the form was opened
        line.full_clean(exclude=["meeting"])
        audited_save(obj=line, actor=actor, reason=line.void_reason if row.get("void") else None)
    _check_caps(meeting)
    return meeting


def meeting_check_settlement(*, meeting):
    missing = [str(line) for line in BudgetLine.objects.live().filter(meeting=meeting, actual=None)]
    if missing:
        raise ValidationError(
            _("Enter the actual amount of every budget line before settling; missing: %(lines)s.")
            % {"lines": "、".join(missing)},
            code="actual_missing",
        )
    standard = meeting_standard(meeting)
    message = meeting_cap_violation(meeting, standard, amount=meeting_budget_totals(meeting)["actual"], column="actual")
    if message:
        raise ValidationError(message, code="over_cap")


@transaction.atomic
def printing_order_save(*, order, actor):
    """Create or change a printing order (the form has the values); a cancelled order keeps its reason.
    A new order needs an approved or preparing meeting, and every due time comes before the meeting."""
    # Lock the meeting: a cancellation running at the same moment cancels its open orders too.
    meeting = Meeting.objects.select_for_update().get(pk=order.meeting_id)
    check_printing_open(meeting)
    before = PrintingOrder.objects.filter(pk=order.pk).values_list("due_at", flat=True).first() if order.pk else None
    check_printing_order(
        meeting=meeting, due_at=order.due_at, is_new=order.pk is None, due_changed=before != order.due_at
    )
    if order.status == PrintingStatus.CANCELLED and not order.cancel_reason.strip():
        raise ValidationError(
            {
                "cancel_reason": ValidationError(
                    _("Give the reason for cancelling the printing order."), code="reason_required"
                )
            }
        )
    if order.pk is None:
        order.ordered_by = actor
    order.full_clean()
    return audited_save(obj=order, actor=actor)
