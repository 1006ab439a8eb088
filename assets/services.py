"""Writes of the state-owned asset registry 国有资产 that are more than a plain form save: state
changes, approvals, settlements.

None yet. Each is `<entity>_<verb>(*, …, actor)`: keyword-only, `transaction.atomic`, recording
the actor in the history, refusing with a `ValidationError` carrying a code; long work is handed
to a task after the commit (see tasks.py), e.g.

    def asset_dispose(*, asset, actor):
        ...
        transaction.on_commit(lambda: tasks.asset_notify.delay(asset.pk))
"""
