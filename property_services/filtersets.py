"""django-filter FilterSets of outsourced property services 物业服务 and the campus: subclasses of
`bureau.filtersets.BureauFilterSet` (a free-text `q` on every one), reused by list pages,
exports and the API.

None yet.
"""
