"""Celery tasks of the meetings centre: thin wrappers that load by id and call a service (DESIGN.md §2
and §10; the pattern is written out in procurement/tasks.py).

None yet: seat cards, notices and the work plan are rendered in the request today.
"""
