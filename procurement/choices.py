"""Choices (statuses, kinds, methods) of the procurement centre 政府采购中心: `models.TextChoices`, one
class per concept.

None yet.
"""
