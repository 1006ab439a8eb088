"""Every running clock of the procurement centre that is past its deadline: evaluation reports,
winner confirmations, contract signing and publication, challenge replies and complaint decisions.

Only records whose clock could have run out are read (a clock of n days cannot be overdue before
n calendar days have passed), so the list stays cheap however many finished records there are."""

import datetime

from django.utils.translation import gettext as _

from procurement.choices import BatchStatus, ChallengeStatus, ComplaintStatus, ContractStatus
from procurement.models import Batch, Challenge, ClockRule, Complaint, Contract
from procurement.selectors.clocks import ClockBook

FINISHED_BATCH = (BatchStatus.CLOSED, BatchStatus.CANCELLED, BatchStatus.RETENDERED, BatchStatus.FAILED)


def _latest_start(key, today):
    """The latest start a clock `key` may have had to be overdue today (the longest rule's days)."""
    days = max(ClockRule.objects.filter(key=key).values_list("days", flat=True), default=0)
    return today - datetime.timedelta(days=days + 1)


def overdue_clocks(*, today=None, book=None):
    """[Clock] past their deadline and still running, the most overdue first; each Clock has its
    `subject` (the record), a `label` (what it is about) and `subject.get_absolute_url()`."""
    book = book or ClockBook(today=today)
    today = book.today
    found = []

    def add(key, start, subject, label):
        clock = book.clock(key, start, None, subject=subject, label=label)
        if clock.overdue_now:
            found.append(clock)

    batches = Batch.objects.exclude(status__in=FINISHED_BATCH).only(
        "pk", "number", "title", "evaluation_ended_on", "evaluation_report_on", "winner_confirmed_on"
    )
    for batch in batches.filter(
        evaluation_ended_on__lte=_latest_start("evaluation_report", today), evaluation_report_on__isnull=True
    ):
        add("evaluation_report", batch.evaluation_ended_on, batch, str(batch))
    for batch in batches.filter(
        evaluation_report_on__lte=_latest_start("winner_confirmation", today), winner_confirmed_on__isnull=True
    ):
        add("winner_confirmation", batch.evaluation_report_on, batch, str(batch))

    contracts = Contract.objects.filter(voided_at__isnull=True).select_related("batch")
    for contract in contracts.filter(
        status=ContractStatus.DRAFT,
        signed_on__isnull=True,
        batch__award_notice_on__lte=_latest_start("contract_signing", today),
    ):
        add("contract_signing", contract.batch.award_notice_on, contract, str(contract))
    for contract in contracts.filter(
        signed_on__lte=_latest_start("contract_publication", today), published_on__isnull=True
    ).exclude(status=ContractStatus.VOIDED):
        add("contract_publication", contract.signed_on, contract, str(contract))

    for challenge in Challenge.objects.select_related("batch", "supplier").filter(
        status=ChallengeStatus.RECEIVED, received_on__lte=_latest_start("challenge_reply", today)
    ):
        add("challenge_reply", challenge.received_on, challenge, str(challenge))
    for complaint in Complaint.objects.select_related("challenge__batch", "challenge__supplier").filter(
        status__in=(ComplaintStatus.FILED, ComplaintStatus.ACCEPTED, ComplaintStatus.SUSPENDED),
        filed_on__lte=_latest_start("complaint_decision", today),
    ):
        add("complaint_decision", complaint.filed_on, complaint, _("Complaint: %(what)s") % {"what": complaint})

    found.sort(key=lambda clock: (clock.deadline.date, clock.key))
    return found
