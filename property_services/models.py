"""Models of outsourced property services 物业服务 and the campus: service contracts, inspections,
monthly assessments, fees, repair tickets (DESIGN.md).

None yet. Each model keeps its history (`history = HistoricalRecords()`), is scoped by `objects
= ScopedQuerySet.as_manager()` (bureau.scoping), keeps money in `DecimalField(max_digits=14,
decimal_places=2)` and is voided, not deleted, when it carries money or legal weight.
"""
