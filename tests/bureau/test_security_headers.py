"""Security headers and limits: CSP without inline script, Permissions-Policy, no-store on private
pages and exports, a request-size cap before the body is read, one-line 403/404 logs."""

import logging
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from bureau.roles import Role
from tests.factories import make_user

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def csp(response):
    return response.headers["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_logged_in_page_and_an_export_carry_the_headers(client):
    client.force_login(make_user(roles=[Role.ADMIN_CENTRE]))
    page = client.get(reverse("bureau:department_list"))
    export = client.get(reverse("bureau:department_list") + "?_export=csv")
    assert export["Content-Type"].startswith("text/csv")
    for response in (page, export):
        assert response.status_code == 200
        assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
        assert (
            "script-src 'self'" in csp(response)
            and "unsafe-inline" not in csp(response).split("script-src")[1].split(";")[0]
        )
        assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_login_page_has_the_csp_and_the_permissions_policy_too(client):
    response = client.get(reverse("login"))
    assert "default-src 'self'" in csp(response)
    assert "Permissions-Policy" in response.headers


def test_no_template_has_inline_script_or_event_handler_attributes():
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text, flags=re.IGNORECASE):
            if "src=" not in tag:
                offenders.append(f"{path.relative_to(TEMPLATES)}: {tag}")
        for attribute in re.findall(r"\son[a-z]+\s*=", text, flags=re.IGNORECASE):
            offenders.append(f"{path.relative_to(TEMPLATES)}: {attribute.strip()}")
        if "javascript:" in text:
            offenders.append(f"{path.relative_to(TEMPLATES)}: javascript: URL")
    assert not offenders, offenders


@pytest.mark.django_db
def test_an_oversize_request_is_refused_before_its_body_is_read(client):
    client.force_login(make_user(roles=[Role.ADMIN_CENTRE]))
    too_big = settings.BUREAU_MAX_REQUEST_BYTES + 1
    response = client.generic(
        "POST", reverse("bureau:department_add"), data=b"x", CONTENT_LENGTH=str(too_big), content_type="text/plain"
    )
    assert response.status_code == 413
    assert "上传内容过大" in response.content.decode()
    assert client.get(reverse("bureau:department_add")).status_code == 200


@pytest.mark.django_db
def test_a_forbidden_page_logs_one_line_without_a_traceback(client, caplog):
    client.force_login(make_user(roles=[Role.EMPLOYEES]))
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(reverse("bureau:building_list")).status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1 and records[0].exc_info is None


def test_weasyprint_logs_warnings_only():
    for name in ("weasyprint", "fontTools"):
        assert logging.getLogger(name).getEffectiveLevel() == logging.WARNING
