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
