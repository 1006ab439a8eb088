"""Views of the procurement centre 政府采购中心, one module per part (thin: the services decide)."""

from bureau.views.pages import CentreIndexView
from procurement.roles import CENTRE_ROLES


class IndexView(CentreIndexView):
    roles = CENTRE_ROLES
    section_url = "procurement:index"
