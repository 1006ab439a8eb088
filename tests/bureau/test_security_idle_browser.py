"""The idle warning in a browser: it appears before the idle timeout and "stay signed in" keeps the
session, with no Content-Security-Policy violation. The page's clock runs 600 times faster (its
timers are shortened before any page script runs), so 30 minutes take 3 seconds."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from bureau.roles import Role
from tests.factories import make_user

FAST_CLOCK = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective));"
    "const realSetTimeout = window.setTimeout.bind(window);"
    "window.setTimeout = (callback, delay, ...args) => realSetTimeout(callback, (delay || 0) / 600, ...args);"
)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_idle_warning_appears_and_staying_signed_in_keeps_the_session(live_server, browser, settings):
    settings.BUREAU_SESSION_IDLE_WARNING_MINUTES = 25  # shows at 5 minutes (0.5 s), leaves 2.5 s to click
    make_user(username="lead", password="Lead-pw-2026", roles=[Role.LEADERSHIP])
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAST_CLOCK})
    browser.get(live_server.url + reverse("login"))
    browser.find_element(By.NAME, "username").send_keys("lead")
    browser.find_element(By.NAME, "password").send_keys("Lead-pw-2026")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    warning = WebDriverWait(browser, 10).until(expected_conditions.presence_of_element_located((By.ID, "idle-warning")))
    assert not warning.is_displayed()
    # 5 minutes in (0.5 s here) the warning shows; 30 minutes (3 s) would reload the page.
    WebDriverWait(browser, 10).until(expected_conditions.visibility_of(warning))
    assert "25" in warning.text
    warning.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 5).until(expected_conditions.invisibility_of_element(warning))
    assert browser.execute_script("return window.__cspViolations") == []
    browser.get(live_server.url + reverse("home"))
    assert browser.current_url == live_server.url + reverse("home")  # still logged in
