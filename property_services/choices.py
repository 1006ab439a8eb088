"""Choices (statuses, kinds, methods) of outsourced property services 物业服务 and the campus:
`models.TextChoices`, one class per concept.

None yet.
"""
