"""django-filter FilterSets of the state-owned asset registry 国有资产: subclasses of
`bureau.filtersets.BureauFilterSet` (a free-text `q` on every one), reused by list pages,
exports and the API.

None yet.
"""
