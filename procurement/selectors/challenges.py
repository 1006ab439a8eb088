"""Reads of challenges and complaints for their pages: the centre, leadership and finance see all;
a department head sees the challenges of the batches that buy for their department."""

from bureau.roles import DEPARTMENT_SCOPED_ROLES, role_names
from bureau.scoping import sees_all_departments, user_department
from procurement.models import Batch, Challenge, Complaint


def challenges_for(user):
    queryset = Challenge.objects.select_related("batch", "supplier", "lot")
    if not user.is_authenticated:
        return queryset.none()
    if sees_all_departments(user):
        return queryset
    if user_department(user) is None or not (role_names(user) & set(DEPARTMENT_SCOPED_ROLES)):
        return queryset.none()
    return queryset.filter(batch__in=Batch.objects.for_user(user).values("pk"))


def complaints_for(user):
    return Complaint.objects.select_related("challenge", "challenge__batch", "challenge__supplier").filter(
        challenge__in=challenges_for(user).values("pk")
    )
