"""Which role may do what in this centre (collected by bureau.roles).

Asset managers run the registry; leadership and finance see all of it; department heads see the
assets their department uses and request from the idle pool (scoping keeps them to their own);
keepers (any employee) confirm their own assets in a stock-take of their department.
"""

from bureau.permissions import crud
from bureau.roles import Role

_MODELS = (
    "asset",
    "movement",
    "poolentry",
    "poolrequest",
    "poolloan",
    "lease",
    "leasepayment",
    "disposal",
    "stocktake",
    "stocktakeline",
    "assetimport",
    "usefullife",
)
_VIEW_ALL = [f"assets.view_{model}" for model in _MODELS]

ROLE_PERMISSIONS = {
    Role.ASSET_MANAGERS: [
        *crud("assets", "asset", extra=["manage_asset"]),
        "assets.view_movement",
        "assets.view_poolentry",
        *crud("assets", "poolrequest"),
        "assets.view_poolloan",
        *crud("assets", "lease", extra=["void_lease"]),
        "assets.view_leasepayment",
        *crud("assets", "disposal"),
        *crud("assets", "stocktake", extra=["scan_stocktake"]),
        "assets.view_stocktakeline",
        *crud("assets", "assetimport"),
        "assets.view_usefullife",
    ],
    Role.LEADERSHIP: _VIEW_ALL,
    Role.FINANCE: _VIEW_ALL,
    Role.DEPARTMENT_HEADS: [
        "assets.view_asset",
        "assets.view_movement",
        "assets.view_poolentry",
        "assets.view_poolrequest",
        "assets.add_poolrequest",
        "assets.view_poolloan",
        "assets.view_lease",
        "assets.view_disposal",
        "assets.view_stocktake",
        "assets.scan_stocktake",
    ],
    Role.EMPLOYEES: ["assets.view_stocktake", "assets.scan_stocktake"],
}
