"""Celery tasks of the procurement centre 政府采购中心: thin wrappers that load by id and call a service
(DESIGN.md §2 and §10; HackSoft's `emails/tasks.py`).

None yet. A task takes the record's id, never the record (the worker reads it fresh), and does
no work of its own:

    @shared_task(name="procurement.tasks.batch_notify")
    def batch_notify(batch_id):
        batch = ProcurementBatch.objects.get(pk=batch_id)
        services.batch_notify(batch=batch)

The service that makes the change enqueues it once the transaction has committed, so the worker
finds the saved row and a rolled-back change sends nothing:

    transaction.on_commit(lambda: tasks.batch_notify.delay(batch.pk))

Without a broker configured the task runs eagerly in-process (bureau/settings.py).
"""
