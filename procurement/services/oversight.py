"""The daily mail of overdue clocks to the procurement centre's members."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from bureau.roles import Role
from procurement.selectors.overdue import overdue_clocks


def overdue_recipients():
    return list(
        get_user_model()
        .objects.filter(groups__name=Role.PROCUREMENT_CENTRE, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
        .distinct()
    )


def overdue_mail_send(*, today=None):
    """Mail the list of overdue clocks to every active member of the procurement centre with an
    address; nothing is sent when nothing is overdue or nobody can receive it. Returns the number
    of overdue items mailed."""
    today = today or timezone.localdate()
    recipients = overdue_recipients()
    with override(settings.LANGUAGE_CODE):
        clocks = overdue_clocks(today=today)
        if not clocks or not recipients:
            return 0
        lines = [
            _("%(date)s: %(count)d procurement deadlines have passed.")
            % {"date": today.isoformat(), "count": len(clocks)},
            "",
        ]
        for clock in clocks:
            lines.append(
                _("%(what)s — %(clock)s, due %(deadline)s (%(citation)s), %(days)d days late")
                % {
                    "what": clock.label,
                    "clock": clock.deadline.name,
                    "deadline": clock.deadline.date.isoformat(),
                    "citation": clock.deadline.citation,
                    "days": clock.days_late,
                }
            )
            if clock.deadline.warning:
                lines.append("  " + clock.deadline.warning)
        subject = _("Procurement: %(count)d overdue deadlines") % {"count": len(clocks)}
    # One message, the members in Bcc: nobody's address is shown to the others.
    EmailMessage(subject=subject, body="\n".join(lines), to=[], bcc=recipients).send()
    return len(clocks)
