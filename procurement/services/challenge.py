"""质疑 challenges and 投诉 complaints: filing, reply, suspension and decision, each refused with the
rule when its clock has run out (dated ClockRule data, counted in working days)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bureau.services import audited_save
from procurement.choices import ChallengeOutcome, ChallengeStatus, ComplaintOutcome, ComplaintStatus
from procurement.models import Batch, Challenge, Complaint
from procurement.selectors.clocks import ClockBook, complaint_filing_deadline

# A challenge can be filed once the procurement is public (documents, process or result).
CHALLENGEABLE = ("announced", "opened", "evaluated", "awarded", "contracted", "failed")


def _field_error(field, message, code):
    return ValidationError({field: ValidationError(message, code=code)})


def _late_message(deadline):
    message = _("The deadline was %(date)s (%(rule)s, %(citation)s).") % {
        "date": deadline.date.isoformat(),
        "rule": deadline.name,
        "citation": deadline.citation,
    }
    return f"{message} {deadline.warning}".strip()


@transaction.atomic
def challenge_file(*, batch, supplier, subject, knew_on, received_on, grounds, actor, lot=None, suspends_signing=False):
    """Record a supplier's challenge; refused after its deadline (7 working days of the notice)."""
    batch = Batch.objects.select_for_update().get(pk=batch.pk)
    if batch.status not in CHALLENGEABLE:
        raise _field_error(
            "batch",
            _("Only a published procurement can be challenged; this batch is %(status)s.")
            % {"status": batch.get_status_display()},
            "batch_not_challengeable",
        )
    if lot is not None and lot.batch_id != batch.pk:
        raise _field_error("lot", _("This lot belongs to another batch."), "lot_not_in_batch")
    if received_on < knew_on:
        raise _field_error("received_on", _("A challenge cannot arrive before the notice."), "received_before_notice")
    deadline = ClockBook().deadline("challenge_filing", knew_on)
    if received_on > deadline.date:
        raise _field_error(
            "received_on",
            _("The challenge came after its deadline and cannot be accepted.") + " " + _late_message(deadline),
            "challenge_late",
        )
    challenge = Challenge(
        batch=batch,
        lot=lot,
        supplier=supplier,
        subject=subject,
        knew_on=knew_on,
        received_on=received_on,
        grounds=grounds,
        suspends_signing=suspends_signing,
        created_by=actor,
    )
    challenge.full_clean()
    return audited_save(obj=challenge, actor=actor, reason="challenge_file")


def _locked_challenge(challenge):
    return Challenge.objects.select_for_update().get(pk=challenge.pk)


@transaction.atomic
def challenge_reply(*, challenge, replied_on, reply, outcome, actor):
    """Answer a challenge in writing (law art. 53); a late reply is recorded and shows as overdue."""
    challenge = _locked_challenge(challenge)
    if challenge.status != ChallengeStatus.RECEIVED:
        raise ValidationError(
            _("This challenge is %(status)s: it can no longer be replied to.")
            % {"status": challenge.get_status_display()},
            code="challenge_not_open",
        )
    if replied_on < challenge.received_on:
        raise _field_error("replied_on", _("The reply cannot precede the challenge."), "reply_before_challenge")
    if outcome not in ChallengeOutcome.values:
        raise _field_error("outcome", _("Choose the outcome."), "outcome_unknown")
    if not (reply or "").strip():
        raise _field_error("reply", _("Write the reply."), "reply_required")
    challenge.replied_on, challenge.reply, challenge.outcome = replied_on, reply, outcome
    challenge.status = ChallengeStatus.REPLIED
    challenge.full_clean()
    return audited_save(
        obj=challenge, actor=actor, reason="challenge_reply", update_fields=["replied_on", "reply", "outcome", "status"]
    )


@transaction.atomic
def challenge_withdraw(*, challenge, actor):
    challenge = _locked_challenge(challenge)
    if challenge.status != ChallengeStatus.RECEIVED:
        raise ValidationError(
            _("This challenge is %(status)s: it can no longer be withdrawn.")
            % {"status": challenge.get_status_display()},
            code="challenge_not_open",
        )
    challenge.status = ChallengeStatus.WITHDRAWN
    return audited_save(obj=challenge, actor=actor, reason="challenge_withdraw", update_fields=["status"])


@transaction.atomic
def complaint_file(*, challenge, filed_on, grounds, actor, authority=""):
    """A complaint to the finance bureau: only after a reply or after the reply deadline passed, and
    within 15 working days after the reply deadline (law art. 55)."""
    challenge = _locked_challenge(challenge)
    book = ClockBook()
    reply_deadline = book.deadline("challenge_reply", challenge.received_on)
    if challenge.status in (ChallengeStatus.WITHDRAWN, ChallengeStatus.REFUSED):
        raise ValidationError(
            _("This challenge is %(status)s: no complaint can follow it.") % {"status": challenge.get_status_display()},
            code="challenge_closed",
        )
    answered_on = challenge.replied_on if challenge.status == ChallengeStatus.REPLIED else None
    if answered_on is None and filed_on <= reply_deadline.date:
        raise _field_error(
            "filed_on",
            _("A complaint follows the reply, or the end of the reply period on %(date)s (%(citation)s).")
            % {"date": reply_deadline.date.isoformat(), "citation": "政府采购法 第五十五条"},
            "complaint_premature",
        )
    if answered_on is not None and filed_on < answered_on:
        raise _field_error("filed_on", _("A complaint cannot precede the reply."), "complaint_before_reply")
    deadline = complaint_filing_deadline(challenge, book=book)
    if filed_on > deadline.date:
        raise _field_error(
            "filed_on",
            _("The complaint came after its deadline and cannot be accepted.") + " " + _late_message(deadline),
            "complaint_late",
        )
    complaint = Complaint(challenge=challenge, filed_on=filed_on, grounds=grounds, created_by=actor)
    if authority:
        complaint.authority = authority
    complaint.full_clean()
    return audited_save(obj=complaint, actor=actor, reason="complaint_file")


def _locked_complaint(complaint, *, allowed):
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.status not in allowed:
        raise ValidationError(
            _("This complaint is %(status)s: that step is not open.") % {"status": complaint.get_status_display()},
            code="complaint_not_open",
        )
    return complaint


@transaction.atomic
def complaint_accept(*, complaint, actor):
    complaint = _locked_complaint(complaint, allowed=(ComplaintStatus.FILED,))
    complaint.status = ComplaintStatus.ACCEPTED
    return audited_save(obj=complaint, actor=actor, reason="complaint_accept", update_fields=["status"])


@transaction.atomic
def complaint_suspend(*, complaint, suspended_from, suspended_to, actor):
    """The finance bureau suspends the procurement for at most 30 days (law art. 57)."""
    complaint = _locked_complaint(complaint, allowed=(ComplaintStatus.FILED, ComplaintStatus.ACCEPTED))
    if suspended_to < suspended_from:
        raise _field_error(
            "suspended_to", _("The suspension cannot end before it starts."), "suspension_ends_before_start"
        )
    deadline = ClockBook().deadline("complaint_suspension", suspended_from)
    if suspended_to > deadline.date:
        raise _field_error(
            "suspended_to",
            _("A suspension lasts at most until %(date)s (%(rule)s, %(citation)s).")
            % {"date": deadline.date.isoformat(), "rule": deadline.name, "citation": deadline.citation},
            "suspension_too_long",
        )
    if suspended_from < complaint.filed_on:
        raise _field_error(
            "suspended_from", _("The suspension cannot start before the complaint."), "suspension_before_complaint"
        )
    complaint.suspended_from, complaint.suspended_to = suspended_from, suspended_to
    complaint.status = ComplaintStatus.SUSPENDED
    complaint.full_clean()
    return audited_save(
        obj=complaint,
        actor=actor,
        reason="complaint_suspend",
        update_fields=["suspended_from", "suspended_to", "status"],
    )


@transaction.atomic
def complaint_decide(*, complaint, decided_on, outcome, decision, actor):
    """Record the finance bureau's decision (within 30 working days, law art. 56; a late decision is
    recorded and shows as overdue)."""
    complaint = _locked_complaint(
        complaint, allowed=(ComplaintStatus.FILED, ComplaintStatus.ACCEPTED, ComplaintStatus.SUSPENDED)
    )
    if decided_on < complaint.filed_on:
        raise _field_error("decided_on", _("The decision cannot precede the complaint."), "decision_before_complaint")
    if outcome not in ComplaintOutcome.values:
        raise _field_error("outcome", _("Choose the outcome."), "outcome_unknown")
    if not (decision or "").strip():
        raise _field_error("decision", _("Write the decision."), "decision_required")
    complaint.decided_on, complaint.outcome, complaint.decision = decided_on, outcome, decision
    complaint.status = ComplaintStatus.DECIDED
    complaint.full_clean()
    return audited_save(
        obj=complaint,
        actor=actor,
        reason="complaint_decide",
        update_fields=["decided_on", "outcome", "decision", "status"],
    )


@transaction.atomic
def complaint_withdraw(*, complaint, actor):
    complaint = _locked_complaint(
        complaint, allowed=(ComplaintStatus.FILED, ComplaintStatus.ACCEPTED, ComplaintStatus.SUSPENDED)
    )
    complaint.status = ComplaintStatus.WITHDRAWN
    return audited_save(obj=complaint, actor=actor, reason="complaint_withdraw", update_fields=["status"])
