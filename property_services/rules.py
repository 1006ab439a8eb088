"""Rules of outsourced property services 物业服务 and the campus: pure checks and status predicates,
one place per rule, no writes and no queries beyond the record they are given (e.g.
`repair_ticket_can_dispatch(repair_ticket)`), used by services, forms and pages.

None yet.
"""
