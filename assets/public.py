"""The asset registry's part of `/public/` (资产公开): lease and disposal announcements and results,
without login and without anything internal (no approval workflow, no people, no internal notes).
The bureau's public index lists these sections."""

from django.utils.translation import gettext_lazy as _

SECTIONS = (
    {
        "title": _("Leases of state assets"),
        "url_name": "assets_public:leases",
        "description": _("Announcements of state assets offered for lease and the results of their public bidding."),
    },
    {
        "title": _("Disposals of state assets"),
        "url_name": "assets_public:disposals",
        "description": _("Announcements of state assets to be auctioned or sold and the results."),
    },
)
