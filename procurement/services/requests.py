"""Writes of procurement requests (采购需求): save with the idle-asset advice (procurement.hooks) and
the intention rule (财库〔2020〕10号), submit, cancel (the workflow is in services.lifecycle)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bureau.services import audited_save
from procurement.choices import CATALOGUE_LETTER, RequestStatus
from procurement.rules import catalogue_code_matches
from procurement.selectors.clocks import request_intention_deadline
from procurement.selectors.requests import request_advice


def _request_errors(procurement_request):
    """{field: [ValidationError]} of the request's own rules (shared by save and submit)."""
    errors = {}
    pr = procurement_request
    if pr.category and pr.catalogue_code and not catalogue_code_matches(pr.category, pr.catalogue_code):
        errors["catalogue_code"] = [
            ValidationError(
                _("A %(category)s catalogue code begins with %(letter)s (政府采购品目分类目录)."),
                code="catalogue_category",
                params={"category": pr.get_category_display(), "letter": CATALOGUE_LETTER[pr.category]},
            )
        ]
    if pr.planned_start:
        latest, rule = request_intention_deadline(pr)
        reason = (pr.intention_exemption_reason or "").strip()
        if not reason:
            if pr.intention_published_on is None:
                errors["intention_published_on"] = [
                    ValidationError(
                        _(
                            "Publish the purchase intention by %(latest)s (%(days)s days before the procurement "
                            "starts, %(citation)s) or record why it was not."
                        ),
                        code="intention_missing",
                        params={"latest": latest, "days": rule.days, "citation": rule.citation},
                    )
                ]
            elif pr.intention_published_on > latest:
                errors["intention_published_on"] = [
                    ValidationError(
                        _(
                            "The intention was published less than %(days)s days before the procurement starts "
                            "(latest %(latest)s, %(citation)s): record why."
                        ),
                        code="intention_late",
                        params={"latest": latest, "days": rule.days, "citation": rule.citation},
                    )
                ]
    return errors


def _advice_errors(procurement_request):
    advice = request_advice(procurement_request)
    if any(a.requires_reason for a in advice) and not (procurement_request.idle_asset_reason or "").strip():
        messages = "；".join(a.message for a in advice if a.requires_reason)
        return {
            "idle_asset_reason": [
                ValidationError(
                    _("%(advice)s. Reallocate them, or record why this purchase is needed anyway."),
                    code="reason_required",
                    params={"advice": messages},
                )
            ]
        }
    return {}


@transaction.atomic
def request_save(*, procurement_request, actor):
    """Create or change a draft or submitted request; refused when its rules or the advice say so."""
    pr = procurement_request
    if pr.pk and pr.status not in (RequestStatus.DRAFT, RequestStatus.SUBMITTED):
        raise ValidationError(_("A request in a batch or cancelled can no longer be changed."), code="request_locked")
    pr.full_clean()
    errors = {**_request_errors(pr), **_advice_errors(pr)}
    if errors:
        raise ValidationError(errors)
    if pr.pk is None:
        pr.created_by = actor
    return audited_save(obj=pr, actor=actor)
