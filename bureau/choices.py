from django.db import models
from django.utils.translation import gettext_lazy as _


class DepartmentKind(models.TextChoices):
    # The "four leading bodies" (四大家) first, then the other kinds of unit.
    PARTY = "party", _("Party committee")
    CONGRESS = "congress", _("People's congress")
    GOVERNMENT = "government", _("Government")
    CPPCC = "cppcc", _("Political consultative conference")
    GOV_DEPARTMENT = "gov_department", _("Government department")
    TOWNSHIP = "township", _("Township")
    INSTITUTION = "institution", _("Public institution")


FOUR_LEADING_BODIES = (
    DepartmentKind.PARTY,
    DepartmentKind.CONGRESS,
    DepartmentKind.GOVERNMENT,
    DepartmentKind.CPPCC,
)


class RoomUse(models.TextChoices):
    OFFICE = "office", _("Office")
    MEETING_ROOM = "meeting_room", _("Meeting room")
    CANTEEN = "canteen", _("Canteen")
    OTHER = "other", _("Other")


class Rank(models.TextChoices):
    """职级, most senior first: the rank that sets a person's office area (党政机关办公用房建设标准,
    county level) and their place in seating ties."""

    PRINCIPAL = "principal", _("County level, principal")
    DEPUTY = "deputy", _("County level, deputy")
    SECTION_CHIEF = "section_chief", _("Section chief level")
    DEPUTY_SECTION_CHIEF = "deputy_section_chief", _("Deputy section chief level")
    BELOW_SECTION = "below_section", _("Below section level")


# Seniority: 0 is the most senior; a person without a recorded rank comes after every rank.
RANK_SENIORITY = {rank.value: index for index, rank in enumerate(Rank)}
RANK_UNKNOWN_SENIORITY = len(RANK_SENIORITY)


def rank_seniority(rank):
    return RANK_SENIORITY.get(rank or "", RANK_UNKNOWN_SENIORITY)
