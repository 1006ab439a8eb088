"""django-filter FilterSets of the procurement centre 政府采购中心: subclasses of
`bureau.filtersets.BureauFilterSet` (a free-text `q` on every one), reused by list pages,
exports and the API.

None yet.
"""
