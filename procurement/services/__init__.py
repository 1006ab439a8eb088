"""Writes of the procurement centre 政府采购中心 that are more than a plain form save: state changes,
approvals, settlements.

None yet. Each is `<entity>_<verb>(*, …, actor)`: keyword-only, `transaction.atomic`, recording
the actor in the history, refusing with a `ValidationError` carrying a code; long work is handed
to a task after the commit (see tasks.py), e.g.

    def batch_announce(*, batch, actor):
        ...
        transaction.on_commit(lambda: tasks.batch_notify.delay(batch.pk))
"""
