"""Choices of office space (办公用房) and campus conduct (文明公约)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SpaceVerdict(models.TextChoices):
    """An office against the standard on a day: its area against the sum of its occupants' standards."""

    OVER = "over", _("Over standard")
    WITHIN = "within", _("Within standard")
    RANK_MISSING = "rank_missing", _("Rank not recorded")
    IDLE = "idle", _("Idle office")


class ConductRuleKind(models.TextChoices):
    PROHIBITION = "prohibition", _("Eight prohibitions")
    CIVILITY = "civility", _("Civility pact")
