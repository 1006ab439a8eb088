"""Celery tasks of outsourced property services 物业服务 and the campus: thin wrappers that load by id
and call a service (DESIGN.md §2 and §10; HackSoft's `emails/tasks.py`).

None yet. A task takes the record's id, never the record (the worker reads it fresh), and does
no work of its own:

    @shared_task(name="property_services.tasks.repair_ticket_notify")
    def repair_ticket_notify(repair_ticket_id):
        repair_ticket = RepairTicket.objects.get(pk=repair_ticket_id)
        services.repair_ticket_notify(repair_ticket=repair_ticket)

The service that makes the change enqueues it once the transaction has committed, so the worker
finds the saved row and a rolled-back change sends nothing:

    transaction.on_commit(lambda: tasks.repair_ticket_notify.delay(repair_ticket.pk))

Without a broker configured the task runs eagerly in-process (bureau/settings.py).
"""
