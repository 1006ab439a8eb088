"""What the procurement centre discloses on /public/ (collected by bureau.public)."""

from django.utils.translation import gettext_lazy as _

SECTIONS = (
    {
        "title": _("Purchase intentions"),
        "url_name": "procurement_public:intentions",
        "description": _("What departments intend to buy, published before the procurement starts."),
    },
    {
        "title": _("Procurement announcements"),
        "url_name": "procurement_public:announcements",
        "description": _("Batches announced, with their method and bid opening."),
    },
    {
        "title": _("Awards"),
        "url_name": "procurement_public:awards",
        "description": _("Winning suppliers and amounts per lot."),
    },
    {
        "title": _("Contracts"),
        "url_name": "procurement_public:contracts",
        "description": _("Published government procurement contracts."),
    },
    {
        "title": _("Procurement figures"),
        "url_name": "procurement_public:figures",
        "description": _("Batches, amounts purchased and saved, the savings rate and complaints per year."),
    },
    {
        "title": _("Open data (OCDS)"),
        "url_name": "procurement_public:ocds",
        "description": _("The year's procurement as an Open Contracting Data Standard release package."),
    },
)
