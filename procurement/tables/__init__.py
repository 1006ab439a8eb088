"""django-tables2 tables of the procurement centre 政府采购中心: subclasses of
`bureau.tables.BureauTable`.

None yet.
"""
