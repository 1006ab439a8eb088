"""A phone scans a room's repair QR code: the report without login, the technician's work (through the
services), and the reporter's rating from the link the QR page gave them."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from bureau.roles import Role
from property_services.choices import RepairSource, RepairStatus
from property_services.models import RepairTicket
from property_services.services import repairs
from property_services.views.repair_qr import room_qr_url
from tests.browser import to_next_page
from tests.factories import DepartmentFactory, RoomFactory, make_user


@pytest.mark.browser
def test_a_ticket_from_the_rooms_qr_page_to_the_reporters_rating(live_server, phone):
    room = RoomFactory(number="305")
    phone.get(live_server.url + room_qr_url(room))
    assert phone.execute_script("return window.innerWidth") == 390
    assert "305" in phone.find_element(By.ID, "room-label").text
    Select(phone.find_element(By.ID, "id_category")).select_by_value("air_conditioning")
    phone.find_element(By.ID, "id_description").send_keys("空调不制冷")
    phone.find_element(By.ID, "id_reporter_name").send_keys("李明")
    phone.find_element(By.ID, "id_reporter_phone").send_keys("13800001234")
    button = phone.find_element(By.CSS_SELECTOR, "button[type=submit]")
    assert button.size["width"] > 300  # a full-width button for a thumb
    to_next_page(phone, button.click)
    WebDriverWait(phone, 15).until(EC.visibility_of_element_located((By.ID, "reported")))
    follow = phone.find_element(By.ID, "follow-link").get_attribute("href")
    ticket = RepairTicket.objects.get()
    assert ticket.source == RepairSource.QR and ticket.room == room and ticket.reporter_name == "李明"
    assert phone.find_element(By.ID, "ticket-status").text == "已报修"

    centre = make_user(roles=[Role.ADMIN_CENTRE], department=DepartmentFactory())
    technician = make_user(roles=[Role.TECHNICIANS])
    repairs.ticket_dispatch(ticket=ticket, technician=technician, actor=centre)
    repairs.ticket_start(ticket=ticket, actor=technician)
    repairs.ticket_resolve(ticket=ticket, actor=technician)

    phone.get(follow)
    assert phone.find_element(By.ID, "ticket-status").text == "已修复"
    phone.find_element(By.CSS_SELECTOR, "input[name=rating][value='5']").click()
    phone.find_element(By.ID, "id_feedback").send_keys("修得很快")
    to_next_page(phone, phone.find_element(By.CSS_SELECTOR, "button[name=confirm]").click)
    WebDriverWait(phone, 15).until(EC.text_to_be_present_in_element((By.ID, "ticket-status"), "已确认"))
    assert "5 / 5" in phone.find_element(By.ID, "ticket-rating").text
    ticket.refresh_from_db()
    assert ticket.status == RepairStatus.CONFIRMED and ticket.rating == 5 and ticket.feedback == "修得很快"
