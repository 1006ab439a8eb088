from bureau.views.pages import CentreIndexView
from procurement.roles import CENTRE_ROLES


class IndexView(CentreIndexView):
    roles = CENTRE_ROLES
    section_url = "procurement:index"
