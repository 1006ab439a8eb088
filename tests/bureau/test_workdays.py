"""The working-day calendar: deadlines across 国庆 2026 (make-up day 2026-10-10) and in 2027 before
and after an administrator enters it."""

import datetime

import pytest

from bureau.models import CalendarDay, CalendarYear
from bureau.workdays import WorkingCalendar, working_days_after, working_days_before, working_days_between

D = datetime.date


@pytest.mark.django_db
def test_the_seeded_2026_calendar_knows_national_day_and_its_make_up_day():
    year = CalendarYear.objects.get(year=2026)
    assert year.complete
    assert CalendarDay.objects.get(date=D(2026, 10, 10)).kind == "makeup_workday"
    assert CalendarDay.objects.get(date=D(2026, 10, 1)).name == "国庆节"


@pytest.mark.django_db
def test_seven_working_days_across_national_day_2026_count_the_saturday_make_up_day():
    # Notice on Wed 30 Sep: 1–7 Oct holiday; 8 Thu, 9 Fri, 10 Sat (make-up), 12–15 → 7th is Thu 15 Oct.
    result = working_days_after(D(2026, 9, 30), 7)
    assert result.date == D(2026, 10, 15)
    assert not result.estimated and result.warning == ""


@pytest.mark.django_db
def test_two_working_days_after_a_holiday_eve_skip_the_whole_holiday():
    assert working_days_after(D(2026, 9, 30), 2).date == D(2026, 10, 9)
    assert working_days_after(D(2026, 10, 9), 1).date == D(2026, 10, 10)  # the Saturday is a working day
    assert working_days_after(D(2026, 10, 10), 1).date == D(2026, 10, 12)  # Sunday 11 is not


@pytest.mark.django_db
def test_the_inverse_and_the_count_agree():
    end = working_days_after(D(2026, 9, 28), 5).date
    assert working_days_before(end, 5).date == D(2026, 9, 28)
    assert working_days_between(D(2026, 9, 28), end).days == 5
    assert working_days_between(D(2026, 10, 1), D(2026, 10, 7)).days == 0
    assert working_days_between(D(2026, 10, 7), D(2026, 10, 1)).days == 0


@pytest.mark.django_db
def test_zero_days_is_the_day_itself_and_negative_is_refused():
    assert working_days_after(D(2026, 3, 2), 0).date == D(2026, 3, 2)
    with pytest.raises(ValueError):
        working_days_after(D(2026, 3, 2), -1)


@pytest.mark.django_db
def test_a_deadline_in_2027_counts_weekends_only_until_an_administrator_enters_2027():
    # Thu 30 Sep 2027; if 国庆 2027 were 1–7 Oct, the 5th working day would be 14 Oct, not 7 Oct.
    before = working_days_after(D(2027, 9, 30), 5)
    assert before.date == D(2027, 10, 7)
    assert before.estimated and before.unknown_years == (2027,)
    assert "2027" in before.warning and "weekends only" in before.warning

    year = CalendarYear.objects.create(year=2027, complete=True, source="国办发明电〔2026〕x号")
    for day in range(1, 8):
        CalendarDay.objects.create(calendar_year=year, date=D(2027, 10, day), kind="holiday", name="国庆节")
    CalendarDay.objects.create(calendar_year=year, date=D(2027, 10, 9), kind="makeup_workday", name="国庆节调休上班")

    after = working_days_after(D(2027, 9, 30), 5)
    assert after.date == D(2027, 10, 13)  # 8 Fri, 9 Sat (make-up), 11 Mon, 12 Tue, 13 Wed
    assert not after.estimated and after.warning == ""


@pytest.mark.django_db
def test_a_deadline_counted_from_2026_into_2027_warns_about_2027_only():
    result = working_days_after(D(2026, 12, 30), 3)
    # Thu 31 Dec, Fri 1 Jan 2027 (surely 元旦, but 2027 is not entered: counted), Mon 4 Jan.
    assert result.date == D(2027, 1, 4)
    assert result.unknown_years == (2027,)


@pytest.mark.django_db
def test_one_calendar_object_reads_each_year_once(django_assert_max_num_queries):
    calendar = WorkingCalendar()
    working_days_after(D(2026, 1, 5), 1, calendar=calendar)
    with django_assert_max_num_queries(0):
        for day in range(1, 28):
            working_days_after(D(2026, 2, day), 7, calendar=calendar)
