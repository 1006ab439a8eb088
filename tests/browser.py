"""pytest plugin: headless Chromium through Selenium, on a desktop or a phone-sized screen.

    @pytest.mark.browser
    def test_x(live_server, phone): phone.get(live_server.url + "/…")

No skips: without Chromium and its driver the test fails and says how to get them (`make test`
installs them through scripts/system-deps.sh). Each browser gets a fresh profile directory.
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
        options.add_argument("--window-size=1280,900")
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.implicitly_wait(0)
    driver.set_page_load_timeout(30)
    return driver, profile


@pytest.fixture
def browser_factory():
    """browser_factory(mobile=False, language="zh-CN") → a started Chromium driver, quit after the test."""
    started = []

    def start(*, mobile=False, language="zh-CN"):
        driver, profile = _chrome(mobile=mobile, language=language)
        started.append((driver, profile))
        return driver

    yield start
    for driver, profile in started:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def browser(browser_factory):
    return browser_factory()


@pytest.fixture
def phone(browser_factory):
    """Chromium emulating a 390×844 phone screen (mobile emulation, touch, phone user agent)."""
    return browser_factory(mobile=True)
