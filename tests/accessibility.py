"""axe-core in the browser tests: what a page breaks of WCAG 2.0/2.1 levels A and AA.

    from tests.accessibility import axe_violations
    assert not axe_violations(browser)  # ["rule-id (impact): help — selectors [what to fix]", …]

axe-core is an npm devDependency (package.json), read from node_modules and put into the page under
test through WebDriver (`execute_script`, or `install_axe` for every page a browser opens): it is never
copied into the repository nor served by the portal. Every rule of those levels runs; none is turned off.
`grouped_report` reads the findings of many pages as one list by rule and element.
"""

import functools
from pathlib import Path

from django.conf import settings

AXE_PATH = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
# The run takes well under a second on the portal's pages; a long table may take a few.
SCRIPT_TIMEOUT = 60

_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
    .then((results) => done({violations: results.violations.map((rule) => ({
        id: rule.id, impact: rule.impact, help: rule.help,
        targets: rule.nodes.map((node) => node.target.join(" ")),
        summaries: rule.nodes.map((node) => node.failureSummary || ""),
    }))}))
    .catch((error) => done({error: String(error)}));
"""


@functools.cache
def axe_source():
    """axe.min.js from node_modules (read once per test process)."""
    if not AXE_PATH.exists():
        raise AssertionError(
            f"axe-core is not installed ({AXE_PATH.relative_to(settings.BASE_DIR)}): run `npm ci` "
            "(`make setup` does), it is a devDependency in package.json"
        )
    return AXE_PATH.read_text(encoding="utf-8")


def install_axe(driver):
    """Have Chromium put axe-core into every page it opens from now on (DevTools), so a test that checks
    many pages does not send it again with each one; tests/browser.py takes it off after the test."""
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": axe_source()})


def axe_run(driver):
    """The page's WCAG 2.0/2.1 A and AA violations as axe reports them, one dict per rule:
    {"id", "impact", "help", "targets": [selector, …], "summaries": [failure summary, …]}."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(axe_source())
    usual = driver.timeouts.script
    driver.set_script_timeout(SCRIPT_TIMEOUT)
    try:
        result = driver.execute_async_script(_RUN, list(WCAG_TAGS))
    finally:
        driver.set_script_timeout(usual)
    if "error" in result:
        raise AssertionError(f"axe-core could not run on {driver.current_url}: {result['error']}")
    return result["violations"]


def axe_violations(driver):
    """The page's violations, one readable message per rule:
    "rule-id (impact): help — selector, selector … [what to fix on the first one]"."""
    return [_message(rule) for rule in axe_run(driver)]


def _message(rule):
    return f"{_rule_title(rule)} — {_targets(rule['targets'])} [{_summary(rule)}]"


def _rule_title(rule):
    return f"{rule['id']} ({rule['impact']}): {rule['help']}"


def _targets(targets, shown=5):
    return ", ".join(targets[:shown]) + (f" … ({len(targets)} in all)" if len(targets) > shown else "")


def _summary(rule):
    return " ".join(rule["summaries"][0].split()) if rule["summaries"] else ""


def grouped_report(pages):
    """One text for the violations of many pages ({page label: axe_run(…)}), grouped by rule and by the
    elements that break it, so a shared cause (the navigation bar on every page) is read once:

        color-contrast (serious): Elements must meet minimum color contrast ratio thresholds
          .navbar .nav-link — on 240 pages: /assets/, /assets/cards/1/ … [Fix any of the following: …]
    """
    by_rule = {}
    for label, violations in pages.items():
        for rule in violations:
            entry = by_rule.setdefault(rule["id"], {"title": _rule_title(rule), "where": {}})
            where = entry["where"].setdefault(_targets(rule["targets"]), {"pages": [], "summary": _summary(rule)})
            where["pages"].append(label)
    lines = []
    for entry in by_rule.values():
        lines.append(entry["title"])
        for targets, where in entry["where"].items():
            pages_shown = ", ".join(where["pages"][:3]) + (" …" if len(where["pages"]) > 3 else "")
            lines.append(f"  {targets} — on {len(where['pages'])} pages: {pages_shown} [{where['summary']}]")
    return "\n".join(lines)
