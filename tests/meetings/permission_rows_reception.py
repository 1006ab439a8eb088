"""Permission-matrix rows for official receptions (every URL under /meetings/receptions/)."""

from meetings.views.reception import OFFICIAL_LETTERS
from tests.meetings.factories import OfficialLetterFactory, ReceptionFactory, ReceptionGuestFactory
from tests.permission_matrix import Role, Row, register_rows, roles


def _reception(world, department):
    reception = ReceptionFactory(host_department=department)
    ReceptionGuestFactory(reception=reception, name="李四")
    return reception


OBJECTS = {
    "reception": _reception,
    "officialletter": lambda world, department: OfficialLetterFactory(receiving_department=department),
}

VIEWERS = roles(Role.MEETING_CENTRE, Role.LEADERSHIP, Role.FINANCE, Role.DEPARTMENT_HEADS, Role.EMPLOYEES)
CENTRE = roles(Role.MEETING_CENTRE)
APPROVERS = roles(Role.LEADERSHIP)
SETTLERS = roles(Role.MEETING_CENTRE)

ROWS = [
    Row("meetings:reception_list", allow=VIEWERS),
    Row("meetings:reception_add", allow=CENTRE),
    Row("meetings:reception", allow=VIEWERS, obj="reception"),
    Row("meetings:reception_history", allow=VIEWERS, obj="reception"),
    Row("meetings:reception_edit", allow=CENTRE, obj="reception"),
    Row("meetings:reception_guests", allow=CENTRE, obj="reception"),
    Row("meetings:reception_escorts", allow=CENTRE, obj="reception"),
    Row("meetings:reception_meals", allow=CENTRE, obj="reception"),
    Row("meetings:reception_tour", allow=CENTRE, obj="reception"),
    Row("meetings:reception_submit", allow=CENTRE, obj="reception"),
    Row("meetings:reception_approve", allow=APPROVERS, obj="reception"),
    Row("meetings:reception_send_back", allow=APPROVERS, obj="reception"),
    Row("meetings:reception_complete", allow=CENTRE, obj="reception"),
    Row("meetings:reception_settle", allow=SETTLERS, obj="reception"),
    Row("meetings:reception_cancel", allow=CENTRE, obj="reception"),
    Row("meetings:reception_list_pdf", allow=VIEWERS, obj="reception"),
    Row("meetings:reception_table_cards_pdf", allow=VIEWERS, obj="reception"),
    Row("meetings:reception_name_cards_pdf", allow=VIEWERS, obj="reception"),
    Row("meetings:reception_handbook_pdf", allow=VIEWERS, obj="reception"),
    Row("meetings:reception_tour_pdf", allow=VIEWERS, obj="reception"),
    *register_rows(OFFICIAL_LETTERS, viewers=VIEWERS, editors=CENTRE, obj="officialletter"),
    # No scan uploaded: whoever may see the letter gets 404, the others 403.
    Row("meetings:officialletter_scan", allow=VIEWERS, obj="officialletter", status=404),
]
