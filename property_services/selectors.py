"""Reads of outsourced property services 物业服务 and the campus composed for a page, an export or the
bureau-wide layer (dashboards, the briefing, the API read this centre only through here). Scoped
by `Model.objects.for_user(user)`.

None yet.
"""
