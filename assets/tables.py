"""django-tables2 tables of the state-owned asset registry 国有资产: subclasses of
`bureau.tables.BureauTable`.

None yet.
"""
