"""Models of the procurement centre 政府采购中心: suppliers, requests, batches, bids, contracts,
challenges (DESIGN.md).

None yet. Each model keeps its history (`history = HistoricalRecords()`), is scoped by `objects
= ScopedQuerySet.as_manager()` (bureau.scoping), keeps money in `DecimalField(max_digits=14,
decimal_places=2)` and is voided, not deleted, when it carries money or legal weight.
"""
