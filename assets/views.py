from assets.roles import CENTRE_ROLES
from bureau.views.pages import CentreIndexView


class IndexView(CentreIndexView):
    roles = CENTRE_ROLES
    section_url = "assets:index"
