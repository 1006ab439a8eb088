"""Celery tasks of the state-owned asset registry 国有资产: thin wrappers that load by id and call a
service (DESIGN.md §2 and §10; HackSoft's `emails/tasks.py`).

None yet. A task takes the record's id, never the record (the worker reads it fresh), and does
no work of its own:

    @shared_task(name="assets.tasks.asset_notify")
    def asset_notify(asset_id):
        asset = Asset.objects.get(pk=asset_id)
        services.asset_notify(asset=asset)

The service that makes the change enqueues it once the transaction has committed, so the worker
finds the saved row and a rolled-back change sends nothing:

    transaction.on_commit(lambda: tasks.asset_notify.delay(asset.pk))

Without a broker configured the task runs eagerly in-process (bureau/settings.py).
"""
