"""A keeper scans labels from a phone-sized page: found, then the same label again (a clear message)."""

import datetime

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from assets import services
from assets.choices import StockTakeResult
from assets.models import StockTake
from bureau.roles import Role
from tests.assets.factories import AssetFactory, manager
from tests.factories import DepartmentFactory, make_user


@pytest.mark.browser
def test_scan_from_a_phone_marks_found_and_refuses_a_second_scan(live_server, phone):
    unit = DepartmentFactory(name="县机关事务管理局")
    keeper = make_user(roles=[Role.EMPLOYEES], department=unit, username="phone-keeper")
    desk = AssetFactory(owning_unit=unit, name="办公桌", keeper=keeper)
    AssetFactory(owning_unit=unit, name="办公椅", keeper=keeper)
    take = services.stocktake_open(
        stocktake=StockTake(title="年度自查", department=unit, opened_on=datetime.date(2025, 12, 1)), actor=manager()
    )

    phone.get(live_server.url + reverse("login"))
    phone.find_element(By.ID, "id_username").send_keys(keeper.username)
    phone.find_element(By.ID, "id_password").send_keys("pw-123456", Keys.ENTER)
    WebDriverWait(phone, 15).until(lambda b: reverse("login") not in b.current_url)

    phone.get(live_server.url + reverse("assets:stocktake_scan", args=[take.pk]))
    assert phone.execute_script("return window.innerWidth") == 390
    assert (
        "0 / 2" in phone.find_element(By.ID, "progress").text or "0 of 2" in phone.find_element(By.ID, "progress").text
    )
    field = phone.find_element(By.ID, "id_code")
    assert field.size["width"] > 300  # full width for a thumb
    field.send_keys(desk.code, Keys.ENTER)  # what a scanner wedge types
    WebDriverWait(phone, 15).until(lambda b: "1 / 2" in b.find_element(By.ID, "progress").text)
    assert take.lines.get(asset=desk).result == StockTakeResult.FOUND

    phone.find_element(By.ID, "id_code").send_keys(desk.code, Keys.ENTER)
    error = WebDriverWait(phone, 15).until(lambda b: b.find_element(By.CSS_SELECTOR, ".invalid-feedback"))
    assert desk.code in error.text
    assert phone.find_element(By.ID, "id_code").get_attribute("value") == desk.code  # what was typed is kept
    assert take.lines.filter(result=StockTakeResult.FOUND).count() == 1
