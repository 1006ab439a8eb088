"""Writes of outsourced property services 物业服务 and the campus that are more than a plain form save:
state changes, approvals, settlements.

None yet. Each is `<entity>_<verb>(*, …, actor)`: keyword-only, `transaction.atomic`, recording
the actor in the history, refusing with a `ValidationError` carrying a code; long work is handed
to a task after the commit (see tasks.py), e.g.

    def repair_ticket_dispatch(*, repair_ticket, actor):
        ...
        transaction.on_commit(lambda: tasks.repair_ticket_notify.delay(repair_ticket.pk))
"""
