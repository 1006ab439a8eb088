from bureau.views.pages import CentreIndexView
from meetings.roles import CENTRE_ROLES


class IndexView(CentreIndexView):
    roles = CENTRE_ROLES
    section_url = "meetings:index"
