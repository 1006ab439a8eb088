"""Production settings: safe by default, and a missing SECRET_KEY is caught by `check --deploy`."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _deploy_check(**env):
    # Production defaults only: drop what the test settings put into this process's environment.
    dropped = (
        "SECRET_KEY",
        "DEBUG",
        "DJANGO_SETTINGS_MODULE",
        "SECURE_",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    clean.update(DJANGO_SETTINGS_MODULE="bureau.settings", DEBUG="0", ALLOWED_HOSTS="portal.example.org", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_fails_without_a_secret_key_and_passes_with_one():
    missing = _deploy_check()
    assert missing.returncode != 0 and "security.W009" in missing.stderr + missing.stdout
    ok = _deploy_check(SECRET_KEY=secrets.token_urlsafe(50))
    assert ok.returncode == 0, ok.stderr
