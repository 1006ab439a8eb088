"""The filter form of the rooms' calendar (a GET form: week or month, a day, a building or a room)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bureau.forms import BureauForm, plausible_date_field
from bureau.pickers import PickerField

VIEWS = {"week": _("Week"), "month": _("Month")}


class CalendarFilterForm(BureauForm):
    submit_label = _("Show")

    view = forms.ChoiceField(label=_("View"), choices=list(VIEWS.items()), required=False)
    day = plausible_date_field(_("Day"), required=False)
    building = PickerField("meetings.venue_building", label=_("building"), required=False)
    room = PickerField("meetings.venue", label=_("meeting room"), required=False)
