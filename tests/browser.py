"""pytest plugin: headless Chromium through Selenium, on a desktop or a phone-sized screen.

    @pytest.mark.browser
    def test_x(live_server, phone): phone.get(live_server.url + "/…")

No skips: without Chromium and its driver the test fails and says how to get them (`make test`
installs them through scripts/system-deps.sh).

Starting Chromium takes longer than most browser tests, so each test process keeps one browser of
each kind (desktop or phone, language) for the whole run, in its own profile directory. Between
tests it is put back as new: one tab on about:blank, no cookies, no local or session storage, the
usual timeouts and window size, and no script a test added to every page through DevTools. A test
that changes the browser otherwise through DevTools (`execute_cdp_cmd`: emulation, network
conditions …) has it quit after it.
"""

import shutil
import tempfile

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
CHROMEDRIVER_CANDIDATES = ("/usr/bin/chromedriver", "chromedriver")
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
DESKTOP_SIZE = (1280, 900)
PHONE = {"width": 390, "height": 844, "pixelRatio": 3.0}
PHONE_USER_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


def _find(candidates):
    for candidate in candidates:
        path = shutil.which(candidate)
        if path:
            return path
    return None


def _chrome(*, mobile, language="zh-CN"):
    chromium = _find(CHROMIUM_CANDIDATES)
    chromedriver = _find(CHROMEDRIVER_CANDIDATES)
    if not chromium or not chromedriver:
        pytest.fail(
            "Browser tests need Chromium and chromedriver (Debian packages chromium, chromium-driver); "
            "`make test` installs them (scripts/system-deps.sh test).",
            pytrace=False,
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="bureau-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--lang={language}")
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    if mobile:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": PHONE, "userAgent": PHONE_USER_AGENT})
    else:
        options.add_argument(f"--window-size={DESKTOP_SIZE[0]},{DESKTOP_SIZE[1]}")
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.implicitly_wait(0)
    driver.set_page_load_timeout(30)
    return driver, profile


class _Kept:
    """A started browser kept for the test process, and whether a test changed it beyond a reset."""

    def __init__(self, driver, profile, *, mobile):
        self.driver, self.profile, self.mobile, self.changed = driver, profile, mobile, False
        self.scripts = []  # scripts a test added to every new page: taken off at the reset
        original = driver.execute_cdp_cmd

        def execute_cdp_cmd(cmd, cmd_args):
            result = original(cmd, cmd_args)
            if cmd == "Page.addScriptToEvaluateOnNewDocument":
                self.scripts.append(result["identifier"])
            else:
                self.changed = True  # other DevTools state outlives a page: this browser is not handed on
            return result

        driver.execute_cdp_cmd = execute_cdp_cmd

    def quit(self):
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def reset(self):
        """Back to a new browser's state; False when it can't be (it is then quit)."""
        driver = self.driver
        try:
            handles = driver.window_handles
            for handle in handles[1:]:
                driver.switch_to.window(handle)
                driver.close()
            driver.switch_to.window(handles[0])
            if driver.current_url.startswith("http"):
                driver.execute_script("window.localStorage.clear(); window.sessionStorage.clear();")
            driver.get("about:blank")
            unwrapped = type(driver).execute_cdp_cmd  # a reset is no change by a test
            for identifier in self.scripts:
                unwrapped(driver, "Page.removeScriptToEvaluateOnNewDocument", {"identifier": identifier})
            self.scripts.clear()
            unwrapped(driver, "Network.clearBrowserCookies", {})
            driver.implicitly_wait(0)
            driver.set_page_load_timeout(30)
            if not self.mobile:
                driver.set_window_size(*DESKTOP_SIZE)
        except Exception:  # a crashed or hung browser: start a new one next time
            return False
        return True


@pytest.fixture(scope="session")
def _kept_browsers():
    """{(mobile, language): _Kept}: the browsers this test process keeps between tests."""
    kept = {}
    yield kept
    for browser in kept.values():
        browser.quit()


@pytest.fixture
def browser_factory(_kept_browsers):
    """browser_factory(mobile=False, language="zh-CN") → a Chromium driver in a new browser's state:
    the one this process keeps for that kind, or (asked twice in one test) one of its own."""
    used, own = [], []

    def start(*, mobile=False, language="zh-CN"):
        key = (mobile, language)
        if key in _kept_browsers and key not in used:
            used.append(key)
            return _kept_browsers[key].driver
        browser = _Kept(*_chrome(mobile=mobile, language=language), mobile=mobile)
        if key in used:
            own.append(browser)
        else:
            used.append(key)
            _kept_browsers[key] = browser
        return browser.driver

    yield start
    for browser in own:
        browser.quit()
    for key in used:
        browser = _kept_browsers[key]
        if browser.changed or not browser.reset():
            del _kept_browsers[key]
            browser.quit()


@pytest.fixture
def browser(browser_factory):
    return browser_factory()


@pytest.fixture
def phone(browser_factory):
    """Chromium emulating a 390×844 phone screen (mobile emulation, touch, phone user agent)."""
    return browser_factory(mobile=True)


def to_next_page(driver, act, *, timeout=15):
    """Do `act()` (a click, Enter in a field) and wait until the next page has loaded.

    `staleness_of(element)` races with the navigation: asked while the old document is being torn down,
    Chromium answers "Node with given id does not belong to the document", which is not a stale-element
    error and fails the test. A mark on the old page's window, gone once the new page has loaded, asks
    nothing of the old nodes."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script("window.__leftPage = true;")
    act()
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return !window.__leftPage && document.readyState === 'complete';")
    )


def log_in(driver, live_server, user, password="pw-123456"):
    """Log in through the login page (the factories' users share one password)."""
    from django.urls import reverse
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(live_server.url + reverse("login"))
    driver.find_element(By.ID, "id_username").send_keys(user.username)
    driver.find_element(By.ID, "id_password").send_keys(password, Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: reverse("login") not in d.current_url)
