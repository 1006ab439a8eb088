"""A browser finds no Content-Security-Policy violation on the main pages."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from bureau.roles import Role
from tests.factories import make_user

LISTEN = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


@pytest.mark.django_db(transaction=True)
def test_no_csp_violation_on_the_main_pages(live_server, browser):
    make_user(username="lead", password="Lead-pw-2026", roles=[Role.LEADERSHIP, Role.ADMIN_CENTRE], is_staff=True)
    # Runs before any page script, outside the page's CSP.
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})
    browser.get(live_server.url + reverse("login"))
    browser.find_element(By.NAME, "username").send_keys("lead")
    browser.find_element(By.NAME, "password").send_keys("Lead-pw-2026")
    # The login form's button (the first form on the page is the language switch).
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    violations = {}
    for name in ("home", "bureau:department_list", "bureau:room_list", "meetings:index", "meetings:meeting_list"):
        browser.get(live_server.url + reverse(name))
        assert browser.current_url == live_server.url + reverse(name), name  # not the login page
        found = browser.execute_script("return window.__cspViolations")
        if found:
            violations[name] = found
    assert not violations, violations
