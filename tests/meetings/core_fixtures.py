"""Fixtures of the meeting-core tests (import the ones a module uses)."""

import datetime
import importlib
from decimal import Decimal

import pytest

from meetings.models import MeetingStandard

_seed = importlib.import_module("meetings.migrations.0004_core_seed_central_standard")


def ensure_central_standards():
    """The central standard of 财行〔2016〕214号 as the data migration seeds it (a flush by a
    transactional test removes migration data, so tests that need it ask for it)."""
    for category, (lodging, meals, other, days, attendees, staff) in _seed.CENTRAL_2016.items():
        MeetingStandard.objects.get_or_create(
            category=category,
            valid_from=_seed.VALID_FROM,
            defaults={
                "document": _seed.DOCUMENT,
                "lodging": Decimal(lodging),
                "meals": Decimal(meals),
                "other": Decimal(other),
                "max_days": days,
                "max_attendees": attendees,
                "max_staff_ratio": Decimal(staff),
            },
        )
    return {s.category: s for s in MeetingStandard.objects.filter(valid_from=_seed.VALID_FROM)}


@pytest.fixture
def standards(db):
    return ensure_central_standards()


def day(year, month, d):
    return datetime.date(year, month, d)
