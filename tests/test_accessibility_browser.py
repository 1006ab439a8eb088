"""Every page passes axe-core (WCAG 2.0/2.1 A and AA) in Chromium; the pages people use on their feet
pass it on a phone-sized screen too.

The pages are the permission matrix's (tests/permission_matrix.py): every row a GET opens with 200 and
that answers HTML, with the object its maker builds for the user's own department, seen by the user a
person would be — an employee where employees may, else the first role that may, else a superuser; a
public page anonymously. A page added to the matrix is checked here without another line.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from assets.choices import ImportStatus
from assets.models import AssetImport
from bureau.roles import ALL_ROLES, Role
from meetings.selectors.attendance import meeting_sign_in_code
from tests.accessibility import axe_run, grouped_report, install_axe
from tests.assets.factories import manager
from tests.browser import to_next_page
from tests.factories import BuildingFactory
from tests.helpers import stub_pdf_layout
from tests.meetings.factories import AttendeeFactory, meeting_today
from tests.permission_matrix import PUBLIC, SUPERUSER, load

ROWS, OBJECTS = load()
ANONYMOUS = None

# The pages used standing up, on a phone: signing in to the portal and to a meeting (and its desk), the asset
# stock-take scan, the inspection's scoring sheet, and the repair line (the room's QR page, the
# reporter's follow link, and the tickets).
PHONE_PAGES = (
    "meetings:sign_in",
    "meetings:meeting_check_in",
    "meetings:meeting_desk_scan",  # the sign-in desk, often a phone or a tablet
    "assets:stocktake_scan",
    "property_services:inspection_score",
    "property_services:repair_room",
    "property_services:repair_follow",
    "property_services:repair_report",
    "property_services:repairticket",  # the ticket's pages: list, detail, history, moves …
)


def _viewer(row):
    """Who opens the row's page: anonymous for a public page, else an employee where allowed, else
    the first role allowed, else a superuser."""
    if row.allow == PUBLIC:
        return ANONYMOUS
    if Role.EMPLOYEES in row.allow:
        return Role.EMPLOYEES
    return next((role for role in ALL_ROLES if role in row.allow), SUPERUSER)


class Pages:
    """The matrix's pages as URLs in the live server, each with who opens it; objects are made once
    per maker (for the own department), sessions once per user."""

    def __init__(self, world, live_server, driver, monkeypatch):
        self.world, self.base, self.driver = world, live_server.url, driver
        self.objects, self.sessions, self.current, self.found = {}, {}, "unset", {}
        stub_pdf_layout(monkeypatch)  # PDFs are only asked for to see they are not HTML
        install_axe(driver)  # in every page the browser opens, rather than sent with each

    def url(self, row):
        args = []
        if row.obj:
            if row.obj not in self.objects:
                self.objects[row.obj] = OBJECTS[row.obj](self.world, self.world.own)
            args = [self.objects[row.obj].pk]
        return reverse(row.url_name, args=args, kwargs=row.kwargs or None)

    def session(self, who):
        if who not in self.sessions:
            client = Client()
            client.force_login(self.world.users[who])
            self.sessions[who] = client.cookies[settings.SESSION_COOKIE_NAME].value
        return self.sessions[who]

    def is_html_page(self, url, who):
        """Whether a GET of `url` by `who` answers 200 with HTML (not a PDF, an export or JSON)."""
        client = Client()
        if who is not ANONYMOUS:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.session(who)
        response = client.get(url)
        return response.status_code == 200 and response["Content-Type"].startswith("text/html")

    def log_in(self, who):
        """The browser as `who` (its session cookie), switched only when it changes."""
        if who == self.current:
            return
        if not self.driver.current_url.startswith(self.base):
            self.driver.get(self.base + reverse("login"))
        self.driver.delete_all_cookies()
        if who is not ANONYMOUS:
            self.driver.add_cookie({"name": settings.SESSION_COOKIE_NAME, "value": self.session(who), "path": "/"})
        self.current = who

    def check(self, url, who, label=None):
        """Open `url` as `who` and note what axe finds on it."""
        self.log_in(who)
        self.driver.get(self.base + url)
        self.note(label or f"{url} (as {who or 'anonymous'})")

    def note(self, label):
        """Note what axe finds on the page the browser shows."""
        self.found[label] = axe_run(self.driver)

    def report(self):
        """The violations found, grouped by rule and element ("" when every page passed)."""
        return grouped_report({label: found for label, found in self.found.items() if found})


def _rows(names=None):
    rows = [row for row in ROWS if row.status == 200]
    if names:
        rows = [row for row in rows if any(row.url_name == n or row.url_name.startswith(n + "_") for n in names)]
    return sorted(rows, key=lambda row: (str(_viewer(row)), row.url_name))


@pytest.mark.browser
def test_every_page_passes_axe(live_server, browser, world, monkeypatch, record_property):
    pages = Pages(world, live_server, browser, monkeypatch)
    for row in _rows():
        who, url = _viewer(row), pages.url(row)
        if pages.is_html_page(url, who):
            pages.check(url, who)
    checked = len(pages.found)
    # A picker open, its matches listed (TomSelect's box, drop-down and options).
    BuildingFactory(name="行政中心")
    pages.log_in(Role.ADMIN_CENTRE)
    browser.get(live_server.url + reverse("bureau:room_add"))
    browser.find_element(By.ID, "id_building-ts-control").click()
    WebDriverWait(browser, 15).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".ts-dropdown [data-selectable]"))
    pages.note("a picker open (room form, building)")
    # The error pages: a role without the permission (403), a page that does not exist (404).
    pages.check(reverse("assets:asset_list"), "no role", label="403 page")
    pages.check("/no-such-page/", Role.EMPLOYEES, label="404 page")
    record_property("summary", f"axe-core: {checked} pages of the permission matrix, and the 403 and 404 pages")
    assert checked > 150, f"only {checked} HTML pages found in the permission matrix"
    failing = sum(1 for found in pages.found.values() if found)
    assert not failing, f"{failing} pages break WCAG 2.1 AA:\n{pages.report()}"


@pytest.mark.browser
def test_pages_used_on_a_phone_pass_axe(live_server, phone, world, monkeypatch):
    pages = Pages(world, live_server, phone, monkeypatch)
    pages.check(reverse("login"), ANONYMOUS, label="login")
    assert phone.execute_script("return window.innerWidth") == 390
    for row in _rows(PHONE_PAGES):
        who, url = _viewer(row), pages.url(row)
        if pages.is_html_page(url, who):
            pages.check(url, who)
    checked = {row.url_name for row in _rows(PHONE_PAGES)}
    assert {"meetings:sign_in", "assets:stocktake_scan", "property_services:repairticket_list"} <= checked

    # What these pages show after a tap: errors on the fields, the answer to a sign-in.
    pages.log_in(ANONYMOUS)
    phone.get(live_server.url + reverse("login"))
    phone.find_element(By.ID, "id_username").send_keys("nobody-here")
    phone.find_element(By.ID, "id_password").send_keys("wrong-password")
    _submit(phone)
    assert phone.find_elements(By.CSS_SELECTOR, ".alert-danger, .invalid-feedback"), "the refusal should show"
    pages.note("login, refused")

    # A meeting today, and the employee on its list: the meeting's code logged in, their own code, signed in.
    meeting = meeting_today(title="全县安全生产工作会议")
    attendee = AttendeeFactory(meeting=meeting, name="司马青", user=world.users[Role.EMPLOYEES], seat_row=1)
    check_in = reverse("meetings:meeting_check_in", args=[meeting_sign_in_code(meeting)])
    pages.check(check_in, Role.EMPLOYEES, label="meeting check-in, logged in, before signing in")
    assert phone.find_elements(By.ID, "sign-in-button")
    pages.check(reverse("meetings:sign_in", args=[attendee.token]), ANONYMOUS, label="meeting sign-in, own code")
    _submit(phone, "#sign-in-button")
    assert "alert-success" in phone.find_element(By.ID, "sign-in-result").get_attribute("class")
    pages.note("meeting sign-in, signed in")

    pages.log_in(Role.EMPLOYEES)
    phone.get(live_server.url + _url_of(pages, "assets:stocktake_scan"))
    phone.find_element(By.ID, "id_code").send_keys("NO-SUCH-LABEL")
    _submit(phone)
    assert phone.find_elements(By.CSS_SELECTOR, ".invalid-feedback"), "a wrong label should be refused on the field"
    pages.note("stock-take scan, with an error")

    # The room's QR page as a reporter uses it: a report missing what is required shows the errors on
    # the fields, a complete one leads to the reporter's follow page. Reports are limited per address
    # per hour through the cache: this test starts with the address's count cleared.
    cache.delete("property_services:qr-reports:127.0.0.1")
    pages.log_in(ANONYMOUS)
    phone.get(live_server.url + _url_of(pages, "property_services:repair_room"))
    _submit(phone)
    assert phone.find_elements(By.CSS_SELECTOR, ".invalid-feedback"), "the empty report should show its errors"
    pages.note("the room's QR page, with errors")
    Select(phone.find_element(By.ID, "id_category")).select_by_value("air_conditioning")
    phone.find_element(By.ID, "id_description").send_keys("空调不制冷")
    phone.find_element(By.ID, "id_reporter_name").send_keys("李明")
    phone.find_element(By.ID, "id_reporter_phone").send_keys("13800001234")
    _submit(phone)
    WebDriverWait(phone, 15).until(EC.visibility_of_element_located((By.ID, "reported")))
    pages.note("the reporter's follow page, just reported")

    failing = sum(1 for found in pages.found.values() if found)
    assert not failing, f"{failing} phone pages break WCAG 2.1 AA:\n{pages.report()}"


def _url_of(pages, url_name):
    """The URL of the matrix's row for `url_name` that takes an object (the real page, not a forged code)."""
    return pages.url(next(row for row in ROWS if row.url_name == url_name and row.obj))


def _submit(driver, selector="main button[type=submit], main input[type=submit]"):
    """Tap the form's submit button and wait for the answer; the browser's own checks of required
    fields are off, so what is shown is what the server says."""
    button = next(b for b in driver.find_elements(By.CSS_SELECTOR, selector) if b.is_displayed())
    driver.execute_script("arguments[0].form.noValidate = true", button)
    to_next_page(driver, button.click)


@pytest.mark.browser
def test_the_import_page_follows_the_worker_without_reloading(live_server, browser):
    """A page that refreshed itself (meta refresh) took the reader back to the top every two seconds
    (WCAG 2.2.1): the import page asks the server for its status part instead and stops once done."""
    keeper = manager()
    made = AssetImport(created_by=keeper, status=ImportStatus.CHECKING)
    made.file.save("cards.xlsx", ContentFile(b""), save=False)
    made.save()
    client = Client()
    client.force_login(keeper)
    browser.get(live_server.url + reverse("login"))
    browser.add_cookie(
        {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}
    )
    browser.get(live_server.url + made.get_absolute_url())
    assert not browser.find_elements(By.CSS_SELECTOR, "meta[http-equiv=refresh]")
    status = browser.find_element(By.ID, "import-status")
    assert "校验中" in status.text and status.get_attribute("hx-trigger") == "every 2s"
    browser.execute_script("window.notReloaded = true")

    made.status, made.total_rows = ImportStatus.CHECKED, 3
    made.save()
    WebDriverWait(browser, 15).until(lambda b: "已校验" in b.find_element(By.ID, "import-status").text)
    assert browser.execute_script("return window.notReloaded") is True  # the same page, updated in place
    assert browser.find_element(By.ID, "import-status").get_attribute("hx-trigger") is None  # done: no more asking
