"""The reception demo: about 30 receptions over two years, in every state, idempotent."""

import io

import pytest

from bureau import demo
from meetings import demo_reception
from meetings.choices import ReceptionStatus
from meetings.models.reception import OfficialLetter, Reception, ReceptionMeal, max_escorts

pytestmark = pytest.mark.django_db


def test_reception_demo_covers_every_state_and_runs_twice_unchanged():
    demo.seed()
    out = io.StringIO()
    demo_reception.seed(stdout=out)
    counts = (Reception.objects.count(), OfficialLetter.objects.count(), ReceptionMeal.objects.count())
    assert counts[0] == 30 and counts[1] == 30 and counts[2] > 0
    assert set(Reception.objects.values_list("status", flat=True)) == set(ReceptionStatus.values)
    dates = Reception.objects.values_list("arrival_date", flat=True)
    assert (max(dates) - min(dates)).days > 600
    for meal in ReceptionMeal.objects.all():
        assert meal.escorts <= max_escorts(meal.guests)
    assert all(r.guests.exists() for r in Reception.objects.all())
    settled = Reception.objects.filter(status=ReceptionStatus.SETTLED).first()
    assert settled.history.filter(status=ReceptionStatus.APPROVED).exists()

    demo_reception.seed(stdout=out)
    assert (Reception.objects.count(), OfficialLetter.objects.count(), ReceptionMeal.objects.count()) == counts
    assert "(0 new)" in out.getvalue()
