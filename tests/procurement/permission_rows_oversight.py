"""Permission-matrix rows of the oversight pages (challenges, complaints, overdue clocks, risk flags,
statistics, OCDS) and the public pages."""

from tests.permission_matrix import PUBLIC, Role, Row, roles
from tests.procurement.factories_oversight import BatchFactory, ChallengeFactory, ComplaintFactory, RequestFactory


def _challenge(world, department):
    batch = BatchFactory()
    RequestFactory(purchasing_department=department, batch=batch, status="batched")
    return ChallengeFactory(batch=batch)


OBJECTS = {
    "challenge": _challenge,
    "complaint": lambda world, department: ComplaintFactory(challenge=_challenge(world, department)),
}

CENTRE = roles(Role.PROCUREMENT_CENTRE, Role.LEADERSHIP, Role.FINANCE)
VIEWERS = CENTRE | roles(Role.DEPARTMENT_HEADS)
MANAGERS = roles(Role.PROCUREMENT_CENTRE)

ROWS = [
    Row("procurement:challenge_list", allow=VIEWERS),
    Row("procurement:challenge_add", allow=MANAGERS),
    Row("procurement:challenge", allow=VIEWERS, obj="challenge"),
    Row("procurement:challenge_reply", allow=MANAGERS, obj="challenge"),
    Row("procurement:challenge_withdraw", allow=MANAGERS, obj="challenge"),
    Row("procurement:complaint_add", allow=MANAGERS, obj="challenge"),
    Row("procurement:complaint_suspend", allow=MANAGERS, obj="complaint"),
    Row("procurement:complaint_decide", allow=MANAGERS, obj="complaint"),
    Row("procurement:overdue", allow=CENTRE),
    Row("procurement:risk_flags", allow=CENTRE),
    Row("procurement:statistics", allow=VIEWERS),
    Row("procurement:ocds", allow=CENTRE),
    # The public pages: anyone, logged in or not, gets 200.
    Row("public_index", allow=PUBLIC),
    Row("procurement_public:intentions", allow=PUBLIC),
    Row("procurement_public:announcements", allow=PUBLIC),
    Row("procurement_public:awards", allow=PUBLIC),
    Row("procurement_public:contracts", allow=PUBLIC),
    Row("procurement_public:figures", allow=PUBLIC),
    Row("procurement_public:ocds", allow=PUBLIC),
]
