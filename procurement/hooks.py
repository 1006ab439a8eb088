"""The procurement centre's public hooks for other centres (DESIGN.md §2: they import procurement,
never the reverse).

Before a purchase, the asset registry suggests idle assets that could be reallocated instead (调剂,
公物仓). It registers an advisor at start-up (in its AppConfig.ready):

    from procurement.hooks import Advice, register_request_advisor

    def idle_assets(*, catalogue_code, department, quantity):
        ...
        return Advice(message="公物仓有 3 件同类闲置资产可调剂", items=(("…", "/assets/17/"),))

    register_request_advisor(idle_assets)

The request service and form call `advise_request(...)`: the advice is shown on the request form
(items as links), and when any advice `requires_reason`, the request goes ahead only with the reason
recorded (ProcurementRequest.idle_asset_reason); without it the service refuses with the field error
code "reason_required".
"""

from dataclasses import dataclass

_ADVISORS = []


@dataclass(frozen=True)
class Advice:
    message: str  # shown on the request form, e.g. "公物仓有 3 件同类闲置资产可调剂"
    items: tuple = ()  # (label, url) pairs of the suggested alternatives
    requires_reason: bool = True  # the request goes ahead only with a recorded reason


def register_request_advisor(advisor):
    """`advisor(*, catalogue_code, department, quantity) -> Advice | None`; registering twice is one."""
    if advisor not in _ADVISORS:
        _ADVISORS.append(advisor)
    return advisor


def unregister_request_advisor(advisor):
    if advisor in _ADVISORS:
        _ADVISORS.remove(advisor)


def advise_request(*, catalogue_code, department, quantity):
    """Every registered advisor's advice for a request of `quantity` of `catalogue_code`."""
    advice = []
    for advisor in list(_ADVISORS):
        result = advisor(catalogue_code=catalogue_code, department=department, quantity=quantity)
        if result is not None:
            advice.append(result)
    return advice
