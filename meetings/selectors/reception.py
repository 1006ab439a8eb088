"""Reads composed for reception pages and printables (every one scoped through for_user by the caller)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from bureau.money import amount_in_capitals, to_yuan
from meetings.choices import MealKind

MEAL_ORDER = {MealKind.BREAKFAST: 0, MealKind.LUNCH: 1, MealKind.WORKING_MEAL: 2, MealKind.DINNER: 3}
MEAL_TIMES = {
    MealKind.BREAKFAST: "07:30",
    MealKind.LUNCH: "12:00",
    MealKind.WORKING_MEAL: "12:00",
    MealKind.DINNER: "18:00",
}


@dataclass
class ReceptionTotals:
    meals: Decimal
    lodging: Decimal
    transport: Decimal
    other: Decimal

    @property
    def total(self):
        return to_yuan(self.meals + self.lodging + self.transport + self.other)

    @property
    def total_in_capitals(self):
        return amount_in_capitals(self.total)

    def items(self):
        """[(label, amount)] for the reception list."""
        return [
            (_("Meals"), self.meals),
            (_("Lodging"), self.lodging),
            (_("Transport"), self.transport),
            (_("Other costs"), self.other),
        ]


def reception_totals(reception):
    meals = reception.meals.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    return ReceptionTotals(
        meals=to_yuan(meals),
        lodging=to_yuan(reception.lodging_amount),
        transport=to_yuan(reception.transport_amount),
        other=to_yuan(reception.other_amount),
    )


def reception_schedule(reception):
    """Arrival, meals, tour stops and departure in time order: [(date, time, what, where, who)]."""
    rows = [
        (
            (reception.arrival_date, 0, ""),
            (reception.arrival_date, "", _("Arrival"), reception.lodging, reception.contact_name),
        )
    ]
    for meal in reception.meals.all():
        time = MEAL_TIMES.get(meal.kind, "")
        rows.append(((meal.date, 1, time), (meal.date, time, meal.get_kind_display(), meal.place, "")))
    for stop in reception.tour_stops.all():
        when = stop.start_time.strftime("%H:%M")
        if stop.end_time:
            when += "–" + stop.end_time.strftime("%H:%M")
        rows.append(((stop.date, 1, when[:5]), (stop.date, when, _("Visit"), stop.place, stop.guide)))
    rows.append(((reception.departure_date, 2, ""), (reception.departure_date, "", _("Departure"), "", "")))
    return [row for _key, row in sorted(rows, key=lambda item: item[0])]


def reception_printable_context(reception):
    """Everything the printables need, read once."""
    guests = list(reception.guests.all())
    escorts = list(reception.escorts.all())
    meals = sorted(reception.meals.all(), key=lambda meal: (meal.date, MEAL_ORDER.get(meal.kind, 9), meal.pk))
    stops = list(reception.tour_stops.all())
    return {
        "reception": reception,
        "letter": reception.letter,
        "guests": guests,
        "escorts": escorts,
        "meals": meals,
        "stops": stops,
        "totals": reception_totals(reception),
        "schedule": reception_schedule(reception),
        "meal_guests": sum(meal.guests for meal in meals),
        "meal_escorts": sum(meal.escorts for meal in meals),
    }
