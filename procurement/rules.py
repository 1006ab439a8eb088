"""Rules of the procurement centre 政府采购中心: pure checks and status predicates, one place per rule,
no writes and no queries beyond the record they are given (e.g. `batch_can_announce(batch)`),
used by services, forms and pages.

None yet.
"""
