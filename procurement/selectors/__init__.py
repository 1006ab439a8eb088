"""Reads of the procurement centre 政府采购中心 composed for a page, an export or the bureau-wide layer
(dashboards, the briefing, the API read this centre only through here). Scoped by
`Model.objects.for_user(user)`.

None yet.
"""
