from bureau.views.pages import CentreIndexView
from property_services.roles import CENTRE_ROLES


class IndexView(CentreIndexView):
    roles = CENTRE_ROLES
    section_url = "property_services:index"
