"""The admin's user form with the three-administrator rule on the field."""

from django.contrib.auth.forms import UserChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bureau.roles import ADMINISTRATOR_ROLES


class AdminUserChangeForm(UserChangeForm):
    def clean_groups(self):
        groups = self.cleaned_data.get("groups")
        held = sorted(group.name for group in groups or () if group.name in ADMINISTRATOR_ROLES)
        if len(held) > 1:
            raise ValidationError(
                _("An account holds one administrator role at most (the three administrators are separate): %(roles)s.")
                % {"roles": "、".join(held)},
                code="two_administrator_roles",
            )
        return groups
