"""Choices (statuses, kinds, methods) of the state-owned asset registry 国有资产: `models.TextChoices`,
one class per concept.

None yet.
"""
