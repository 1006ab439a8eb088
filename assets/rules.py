"""Rules of the state-owned asset registry 国有资产: pure checks and status predicates, one place per
rule, no writes and no queries beyond the record they are given (e.g.
`asset_can_dispose(asset)`), used by services, forms and pages.

None yet.
"""
