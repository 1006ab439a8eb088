"""The bureau dashboard in Chromium: leadership opens it, switches the period, downloads a chart's Excel."""

import time
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from bureau.periods import Period
from bureau.roles import Role
from meetings.choices import MeetingCategory, MeetingFormat, MeetingStatus
from tests.meetings.factories import BudgetLineFactory, MeetingFactory, local_dt


def _log_in(browser, live_server, user):
    browser.get(live_server.url + reverse("login"))
    browser.find_element(By.ID, "id_username").send_keys(user.username)
    browser.find_element(By.ID, "id_password").send_keys("pw-123456", Keys.ENTER)
    WebDriverWait(browser, 15).until(lambda b: reverse("login") not in b.current_url)


def _figure(browser, section, key):
    row = browser.find_element(By.CSS_SELECTOR, f"#figures-{section} tr[data-figure='{key}']")
    return row.find_element(By.CSS_SELECTOR, ".this").text, row.find_element(By.CSS_SELECTOR, ".before").text


def _click(browser, element):
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


@pytest.mark.browser
def test_leadership_opens_the_dashboard_switches_the_period_and_downloads_a_chart(
    live_server, browser, world, tmp_path
):
    for month, category in ((3, MeetingCategory.CLASS_2), (7, MeetingCategory.CLASS_3), (7, MeetingCategory.CLASS_3)):
        meeting = MeetingFactory(
            host_department=world.own,
            category=category,
            format=MeetingFormat.VIDEO,
            status=MeetingStatus.SETTLED,
            venue_room=None,
            venue_name="县宾馆",
            start_at=local_dt(2026, month, 10, 9),
            end_at=local_dt(2026, month, 10, 12),
        )
        BudgetLineFactory(meeting=meeting, requested=Decimal("1000"), approved=Decimal("1000"), actual=Decimal("900"))
    _log_in(browser, live_server, world.users[Role.LEADERSHIP])
    browser.get(live_server.url + reverse("home"))
    entry = browser.find_element(By.CSS_SELECTOR, f"nav a[href='{reverse('dashboard:index')}']")
    assert "数据看板" in entry.get_attribute("textContent")  # the navigation's entry
    browser.get(entry.get_attribute("href"))
    WebDriverWait(browser, 15).until(EC.presence_of_element_located((By.ID, "period-form")))
    assert browser.find_elements(By.CSS_SELECTOR, "svg.bureau-chart"), "the charts are on the page"

    # March 2026 by month, then the whole year.
    Select(browser.find_element(By.ID, "id_period")).select_by_value("month")
    year = browser.find_element(By.ID, "id_year")
    year.clear()
    year.send_keys("2026")
    Select(browser.find_element(By.ID, "id_month")).select_by_value("3")
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.ID, "period-show").click()
    WebDriverWait(browser, 15).until(EC.staleness_of(old))
    assert browser.find_element(By.ID, "period-label").text == str(Period.month(2026, 3).label)
    assert _figure(browser, "meetings", "meetings") == ("1", "0")

    Select(browser.find_element(By.ID, "id_period")).select_by_value("year")
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.ID, "period-show").click()
    WebDriverWait(browser, 15).until(EC.staleness_of(old))
    assert browser.find_element(By.ID, "period-label").text == "2026年"
    assert _figure(browser, "meetings", "meetings") == ("3", "0")
    assert _figure(browser, "meetings", "saved") == ("300.00 元", "0.00 元")

    # The chart of meetings by category: its table, then its Excel, downloaded by the browser.
    figure = browser.find_element(By.ID, "chart-meetings-category")
    _click(browser, figure.find_element(By.TAG_NAME, "summary"))
    table = figure.find_element(By.CSS_SELECTOR, "table.chart-table")
    shown = [
        [cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")
    ]
    assert ["二类会议", "1", "0"] in shown and ["三类会议", "2", "0"] in shown
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    _click(browser, figure.find_element(By.CSS_SELECTOR, "a.chart-excel"))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        files = list(tmp_path.glob("*.xlsx"))
        if files and not list(tmp_path.glob("*.crdownload")):
            break
        time.sleep(0.2)
    assert files, "the Excel file arrived"
    assert files[0].name == "dashboard-meetings-category-20260101-20261231.xlsx"
    rows = list(openpyxl.load_workbook(files[0]).active.iter_rows(values_only=True))
    assert rows[0][1:] == ("2026年", "2025年")
    assert [[str(value) for value in row] for row in rows[1:]] == shown, "the page and the file say the same"
