"""The venue picker on the meeting request form, in Chromium: type, pick, submit; and a form that comes
back with an error still shows the venue picked."""

import pytest
from django.urls import reverse
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from bureau.roles import Role
from meetings.choices import MeetingCategory, MeetingFormat
from meetings.models import Meeting
from tests.browser import log_in, to_next_page
from tests.factories import BuildingFactory, MeetingRoomFactory
from tests.meetings.core_fixtures import standards  # noqa: F401

pytestmark = pytest.mark.usefixtures("standards")


def _fill_request(browser, *, title, end_at):
    browser.find_element(By.ID, "id_title").send_keys(title)
    Select(browser.find_element(By.ID, "id_category")).select_by_value(MeetingCategory.CLASS_3)
    Select(browser.find_element(By.ID, "id_format")).select_by_value(MeetingFormat.ON_SITE)
    for name, value in (("start_at", "2026-12-15T09:00"), ("end_at", end_at)):
        browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, f"id_{name}"), value)
    for name, value in (("planned_attendees", "80"), ("planned_staff", "6")):
        field = browser.find_element(By.ID, f"id_{name}")
        field.clear()
        field.send_keys(value)


def _pick_venue(browser, typed, label):
    control = browser.find_element(By.ID, "id_venue_room-ts-control")  # TomSelect's search box
    control.click()
    control.send_keys(typed)

    def pick_among_only_matches(driver):
        # The server's answer to what was typed replaces the rows offered when the box opened (rows
        # replaced while they are read are stale: the wait tries again).
        options = driver.find_elements(By.CSS_SELECTOR, ".ts-dropdown [data-selectable]")
        texts = [option.text for option in options]
        if not texts or not all(typed in text for text in texts):
            return False
        target = next((option for option in options if label in option.text), None)
        if target is None:
            return False
        target.click()
        return True

    WebDriverWait(browser, 15, ignored_exceptions=(StaleElementReferenceException,)).until(pick_among_only_matches)


def _submit(browser):
    field = browser.find_element(By.ID, "id_planned_staff")
    to_next_page(browser, lambda: field.send_keys(Keys.ENTER))  # Enter in a field submits


@pytest.mark.browser
def test_staff_pick_a_venue_by_typing_and_the_meeting_has_it(live_server, browser, world):
    building = BuildingFactory(name="行政中心")
    venue = MeetingRoomFactory(building=building, number="301", name="第一会议室", capacity=100)  # 86 people
    MeetingRoomFactory(building=building, number="302", name="第二会议室")
    log_in(browser, live_server, world.users[Role.EMPLOYEES])
    browser.get(live_server.url + reverse("meetings:meeting_add"))
    _fill_request(browser, title="全县教育工作会议", end_at="2026-12-15T08:00")  # ends before it starts
    _pick_venue(browser, "第一", "第一会议室")
    _submit(browser)

    # The form comes back with the error on the end, and the venue picked is still there.
    assert "is-invalid" in browser.find_element(By.ID, "id_end_at").get_attribute("class")
    assert browser.find_element(By.ID, "id_venue_room").get_attribute("value") == str(venue.pk)
    shown = browser.execute_script("return document.getElementById('id_venue_room').tomselect.wrapper")
    assert shown.find_element(By.CSS_SELECTOR, ".item").text == str(venue)
    assert not Meeting.objects.filter(title="全县教育工作会议").exists()

    # Correct the end only and submit: the meeting is saved with the venue picked before.
    end = browser.find_element(By.ID, "id_end_at")
    browser.execute_script("arguments[0].value = '2026-12-15T12:00'", end)
    _submit(browser)
    meeting = Meeting.objects.get(title="全县教育工作会议")
    assert meeting.venue_room == venue
    assert meeting.host_department == world.own
    assert browser.current_url.endswith(meeting.get_absolute_url())
