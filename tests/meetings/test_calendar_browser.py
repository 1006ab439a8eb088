"""The rooms' calendar in a browser (issue 10, item 11): a member of staff about to request a meeting
looks a week ahead, sees which rooms are taken, and switches to the month."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from bureau.roles import Role
from meetings.choices import MeetingStatus
from tests.browser import log_in, to_next_page
from tests.factories import BuildingFactory, MeetingRoomFactory
from tests.meetings.factories import MeetingFactory, local_dt


@pytest.mark.browser
def test_staff_page_to_next_week_and_see_the_rooms_taken(live_server, browser, world):
    centre = BuildingFactory(name="行政中心")
    room = MeetingRoomFactory(building=centre, number="301")
    MeetingFactory(
        title="财政预算内部会议",
        host_department=world.other,
        venue_room=room,
        status=MeetingStatus.APPROVED,
        start_at=local_dt(2026, 12, 23, 9),
        end_at=local_dt(2026, 12, 23, 11),
    )
    log_in(browser, live_server, world.users[Role.EMPLOYEES])
    browser.get(live_server.url + reverse("meetings:calendar") + "?view=week&day=2026-12-16")
    assert "已预订" not in browser.find_element(By.ID, "calendar").text

    to_next_page(browser, browser.find_element(By.ID, "calendar-next").click)
    assert browser.find_element(By.ID, "calendar-period").text == "2026-12-21 – 2026-12-27"
    row = browser.find_element(By.XPATH, "//table[@id='calendar']//tr[th[contains(., '301')]]")
    assert "09:00–11:00 已预订" in row.text and "财政预算内部会议" not in browser.page_source

    Select(browser.find_element(By.ID, "id_view")).select_by_value("month")
    to_next_page(browser, browser.find_element(By.CSS_SELECTOR, "#calendar-filter button[type=submit]").click)
    assert browser.find_element(By.ID, "calendar-period").text == "2026-12"
    cell = browser.find_element(By.XPATH, "//table[@id='calendar']//td[div[text()='23']]")
    assert "已预订" in cell.text and "301" in cell.text
