"""django-tables2 tables of outsourced property services 物业服务 and the campus: subclasses of
`bureau.tables.BureauTable`.

None yet.
"""
