"""Small helpers shared by tests of several apps."""

import subprocess
import time
from http.cookies import SimpleCookie

from django.conf import settings


def english(client):
    """Switch `client` to English as the language switch does (a cookie), and return it."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def formset_data(prefix, rows, *, initial=0):
    """POST data for an inline formset: `rows` are dicts of field → value."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = "" if value is None else str(value)
    return data


def pdf_text(pdf_bytes, tmp_path, name="doc.pdf"):
    path = tmp_path / name
    path.write_bytes(pdf_bytes)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_fonts(pdf_bytes, tmp_path, name="doc.pdf"):
    path = tmp_path / name
    path.write_bytes(pdf_bytes)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


def error_codes(error):
    """The codes of a ValidationError, to assert which rule refused: {field: [code, …]} when the error
    is about fields, else [code, …]."""
    if hasattr(error, "error_dict"):
        return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}
    return [e.code for e in error.error_list]


def field_error(response, field):
    """The errors shown on `field` of the page's form (the form came back, not saved), as one text."""
    assert response.status_code == 200, "the form should be shown again, not saved"
    errors = response.context["form"].errors.get(field)
    assert errors, f"no error on {field}: {response.context['form'].errors}"
    html = response.content.decode()
    for error in errors:
        assert error in html
    return " ".join(errors)


def log_in_as(client, world, who):
    """`client` as a fresh browser of `who` (a key of world.users, or "anonymous"): no cookie but the
    session of `who`. A module_world (tests/conftest.py) made the sessions once; they are used while
    well within the idle limit that would end them, and a plain `world` logs in here."""
    client.cookies = SimpleCookie()
    if who == "anonymous":
        return client
    sessions = getattr(world, "sessions", None)
    fresh = sessions is not None and time.monotonic() - world.sessions_made < settings.BUREAU_SESSION_IDLE_MINUTES * 30
    if fresh:
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[who]
    else:
        client.force_login(world.users[who])
    return client


def stub_pdf_layout(monkeypatch):
    """For tests that ask who may open a PDF or what opening it records, not what it shows: the PDF
    templates still render, WeasyPrint's layout (the slow part) is skipped and the answer is a valid,
    empty one-page PDF. What each PDF shows is read back in its own test."""
    monkeypatch.setattr("weasyprint.HTML", StubHTML)


class StubHTML:
    """Stands in for weasyprint.HTML (stub_pdf_layout): a valid, empty one-page PDF without the layout work."""

    def __init__(self, string=None, base_url=None, **kwargs):
        self.string = string

    def write_pdf(self, *args, **kwargs):
        return STUB_PDF


STUB_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj trailer<</Root 1 0 R>>\n%%EOF\n"
)
