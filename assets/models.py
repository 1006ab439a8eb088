"""Models of the state-owned asset registry 国有资产: asset cards, movements, leases, disposals,
stock-takes, the idle pool (DESIGN.md).

None yet. Each model keeps its history (`history = HistoricalRecords()`), is scoped by `objects
= ScopedQuerySet.as_manager()` (bureau.scoping), keeps money in `DecimalField(max_digits=14,
decimal_places=2)` and is voided, not deleted, when it carries money or legal weight.
"""
