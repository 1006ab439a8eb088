"""Reads of the state-owned asset registry 国有资产 composed for a page, an export or the bureau-wide
layer (dashboards, the briefing, the API read this centre only through here). Scoped by
`Model.objects.for_user(user)`.

None yet.
"""
