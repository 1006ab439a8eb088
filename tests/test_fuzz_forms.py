"""Every form on every page, fed bad values: no server error, no half-saved record, a message on the field.

The pages come from the permission matrix (every URL has a row, tests/test_permission_matrix.py
makes sure of it), so a form added later is fuzzed without anyone adding it here. Each page is
opened as the superuser; every `<form method="post">` on it (the page's own form and the forms it
embeds, such as "add attendee" on the attendees tab) is read from the HTML; then each visible field
is posted, with the other fields as the page filled them, with values a careless or hostile user
types: dates in year 1 or 9999, numbers past what a column holds, NUL and other control
characters, text longer than allowed, formula strings, markup. Values are the fixed ones below and
more drawn by hypothesis strategies per field type (FUZZ_EXAMPLES per field, default 1, derandomized
so CI is repeatable).

For every post:
- the answer is not a 5xx;
- when the form is shown again (200), no table changed its row count (nothing half-saved);
- a value that can never be right (`refuse`) is refused with a message on its field, shown on the page.

There is one test per page (the forms it shows), so the pages spread over the test processes. The
run prints how many forms, fields and values were tried in all.
"""

import datetime
import html
import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.db import connection
from django.forms import BaseForm, BaseFormSet
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bureau.views.generic import ObjectListView, ObjectPdfView
from tests.conftest import FUZZ_PROPERTY
from tests.helpers import log_in_as
from tests.permission_matrix import load
from tests.test_permission_matrix import UNCHECKED_NAMES, UNCHECKED_NAMESPACES

ROWS, OBJECTS = load()
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1"))
APPS = ("bureau", "meetings", "procurement", "assets", "property_services")

TEXT_TYPES = {"text", "textarea", "email", "tel", "url", "search", "password"}
FORMULAS = ['=HYPERLINK("http://example.invalid/?"&A1,"点击")', "+1+2", "-2+3", "@SUM(A1:A9)", "\t=1+1"]
MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "{{ 7*7 }}{% now 'Y' %}"]
CONTROLS = ["\x00", "\x01", "\x07", "\x1b", "\x7f"]

# Values that can never be right, by input type: the form must refuse them on the field.
REFUSE = {
    "date": ["0001-01-01", "9999-12-31"],
    "datetime-local": ["0001-01-01T00:00", "9999-12-31T23:59"],
    "number": ["2147483648", "-99999999999999999999"],
    "decimal": ["99999999999999999999", "1e400", "NaN"],
    "select": ["99999999999999999999"],
    "text": ["姓名\x00"],
}
# Values that may be right or wrong: only no server error and nothing half-saved.
MAYBE = {
    "time": ["25:61"],
    "number": ["-1"],
    "decimal": ["-0.01"],
    "text": [FORMULAS[0]],
}


def _not_an_int(value):
    try:
        int(value)
    except ValueError:
        return True
    return False


def refuse_strategy(spec):
    """Values of the field's type that no form may accept."""
    if spec.type == "date":
        early = st.dates(max_value=datetime.date(1899, 12, 31))
        late = st.dates(min_value=datetime.date(2200, 1, 1))
        return st.one_of(early, late).map(datetime.date.isoformat)
    if spec.type == "datetime-local":
        early = st.datetimes(max_value=datetime.datetime(1899, 12, 31))
        late = st.datetimes(min_value=datetime.datetime(2200, 1, 1))
        return st.one_of(early, late).map(lambda value: value.strftime("%Y-%m-%dT%H:%M"))
    if spec.type == "number":
        return st.one_of(st.integers(min_value=2**31), st.integers(max_value=-(2**31) - 1)).map(str)
    if spec.type == "decimal":  # past what a money column holds (14 digits)
        return st.one_of(st.integers(min_value=10**15), st.integers(max_value=-(10**15))).map(str)
    if spec.type == "select":
        options = set(spec.options)
        return st.one_of(
            st.integers(min_value=10**12).map(str),
            st.text(min_size=1, max_size=30).filter(lambda v: v not in options and v.strip() and _not_an_int(v)),
        )
    if spec.type in TEXT_TYPES:
        text = st.text(max_size=20)
        return st.tuples(text, st.sampled_from(CONTROLS), text).map("".join)
    return None


def maybe_strategy(spec):
    """Values of the field's type that may be refused or kept, never a server error."""
    if spec.type in TEXT_TYPES:
        return st.one_of(st.sampled_from(FORMULAS + MARKUP), st.text(max_size=200))
    if spec.type in ("number", "decimal"):
        return st.one_of(st.integers(min_value=-(10**6), max_value=10**6).map(str), st.decimals().map(str))
    return st.text(max_size=30)


@dataclass
class FieldSpec:
    name: str
    type: str
    value: str = ""
    options: list = field(default_factory=list)
    maxlength: int | None = None
    checked: bool = False
    multiple: bool = False


@dataclass
class FormSpec:
    action: str
    fields: list

    def baseline(self):
        """The post the page would send as it was filled in (a select without a choice takes its first)."""
        data = {}
        for spec in self.fields:
            if spec.type in ("checkbox", "radio"):
                if spec.checked:
                    data.setdefault(spec.name, []).append(spec.value or "on")
            elif spec.type == "select":
                chosen = spec.value if spec.value is not None else next((o for o in spec.options if o), "")
                data[spec.name] = [chosen]
            elif spec.type not in ("submit", "button", "file", "reset", "image"):
                data.setdefault(spec.name, []).append(spec.value)
        return data

    def fuzzable(self):
        seen = set()
        for spec in self.fields:
            if spec.type in ("hidden", "submit", "button", "file", "reset", "image", "radio") or spec.name in seen:
                continue
            if spec.name == "csrfmiddlewaretoken":
                continue
            seen.add(spec.name)
            yield spec


class FormParser(HTMLParser):
    """The POST forms of a page with their fields, as a browser would submit them."""

    def __init__(self, page_url):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "get").lower() == "post":
                self._form = FormSpec(action=attrs.get("action") or self.page_url, fields=[])
                self.forms.append(self._form)
            return
        if self._form is None or not attrs.get("name") or "disabled" in attrs:
            if tag == "option" and self._select is not None:
                self._option(attrs)
            return
        maxlength = int(attrs["maxlength"]) if (attrs.get("maxlength") or "").isdigit() else None
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind == "number" and not (attrs.get("step") or "1").isdigit():
                kind = "decimal"  # step="0.01" or "any": an amount, not a count
            self._form.fields.append(
                FieldSpec(
                    name=attrs["name"],
                    type=kind,
                    value=attrs.get("value") or "",
                    maxlength=maxlength,
                    checked="checked" in attrs,
                )
            )
        elif tag == "select":
            self._select = FieldSpec(name=attrs["name"], type="select", value=None, multiple="multiple" in attrs)
            self._form.fields.append(self._select)
        elif tag == "textarea":
            self._textarea = FieldSpec(name=attrs["name"], type="textarea", maxlength=maxlength)
            self._form.fields.append(self._textarea)
        elif tag == "option" and self._select is not None:
            self._option(attrs)

    def _option(self, attrs):
        value = attrs.get("value", "")
        self._select.options.append(value)
        if "selected" in attrs and self._select.value is None:
            self._select.value = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def _row_counts():
    """{table: rows} of every table of the portal's apps, in one query."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models()
            if model._meta.app_label in APPS and not model._meta.proxy and model._meta.managed
        }
    )
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables))
        return dict(zip(tables, cursor.fetchone(), strict=True))


def _forms_in_context(response):
    found = []
    for context in response.context or []:
        for value in context.flatten().values():
            if isinstance(value, BaseForm):
                found.append(value)
            elif isinstance(value, BaseFormSet):
                found.extend(value.forms)
    return found


def _field_errors(response, name):
    errors = []
    for form in _forms_in_context(response):
        for field_name in form.errors:
            if form.add_prefix(field_name) == name:
                errors.extend(form.errors[field_name])
    return errors


def _is_form_page(url_name, url):
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    view_class = getattr(match.func, "view_class", None)
    # Lists have GET filter forms (their query parameters are tested apart); PDFs have none.
    return not (view_class and issubclass(view_class, (ObjectListView, ObjectPdfView)))


def _action_name(action):
    try:
        match = resolve(urlsplit(action).path)
    except Resolver404:
        return None
    if match.namespace in UNCHECKED_NAMESPACES or match.url_name in UNCHECKED_NAMES:
        return None
    return match.view_name


class Tally:
    def __init__(self):
        self.forms = self.fields = self.posts = 0
        self.failures = []


def _post(client, tally, form, spec, value, must_refuse):
    data = form.baseline()
    data[spec.name] = [value]
    before = _row_counts()
    response = client.post(form.action, data)
    tally.posts += 1
    where = f"{form.action} {spec.name}={value[:60]!r}"
    if response.status_code >= 500:
        tally.failures.append(f"{where}: server error {response.status_code}")
        return
    if response.status_code == 200:
        after = _row_counts()
        changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
        if changed:
            tally.failures.append(f"{where}: refused but rows changed {changed}")
    if not must_refuse:
        return
    if response.status_code in (302, 303) or response.status_code != 200:
        if response.status_code in (302, 303):
            tally.failures.append(f"{where}: accepted a value that can never be right")
        return
    errors = _field_errors(response, spec.name)
    if not errors:
        tally.failures.append(f"{where}: refused without a message on the field")
        return
    page = response.content.decode()
    missing = [str(error) for error in errors if html.escape(str(error), quote=True) not in page]
    if missing:
        tally.failures.append(f"{where}: the field's message is not shown: {missing}")


def _fuzz_form(client, tally, form):
    fields = list(form.fuzzable())
    if not fields:
        return
    tally.forms += 1
    tally.fields += len(fields)
    for spec in fields:
        kind = "text" if spec.type in TEXT_TYPES else spec.type
        refuse = list(REFUSE.get(kind, []))
        if kind == "text" and spec.maxlength:
            refuse.append("长" * (spec.maxlength + 1))
        for value in refuse:
            _post(client, tally, form, spec, value, must_refuse=True)
    strategies = [(spec, refuse_strategy(spec), maybe_strategy(spec)) for spec in fields]

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def drawn(data):
        for spec, refuse, maybe in strategies:
            if refuse is not None:
                _post(client, tally, form, spec, data.draw(refuse, label=spec.name), must_refuse=True)
            _post(client, tally, form, spec, data.draw(maybe, label=spec.name), must_refuse=False)

    drawn()
    # Last, the values that may be kept: they can change the record the other values were posted to.
    for spec in fields:
        kind = "text" if spec.type in TEXT_TYPES else spec.type
        for value in MAYBE.get(kind, []):
            _post(client, tally, form, spec, value, must_refuse=False)


def _form_page_rows():
    """The GET rows of the matrix that show a page (not a list, not a PDF), known without a database:
    the URL is reversed with a stand-in pk only to find its view."""
    for row in ROWS:
        if row.status != 200 or row.kwargs:
            continue
        try:
            url = reverse(row.url_name, args=[1] if row.obj else [])
        except NoReverseMatch:
            yield row  # a key that is not a number: the page is looked at when the test runs
            continue
        if _is_form_page(row.url_name, url):
            yield row


FORM_PAGES = list(_form_page_rows())
WORLD_SESSIONS = True  # the superuser's session is made once for the module (tests/conftest.py)
assert len(FORM_PAGES) >= 20, "the fuzz test found too few pages: is discovery broken?"


# One test per page, so the pages spread over the test processes; the forms a page shows (its own
# and those it embeds) are fuzzed in its test. The counts of every test are added up and printed
# at the end of the run (tests/conftest.py).
@pytest.mark.parametrize("row", FORM_PAGES, ids=lambda row: row.url_name)
@pytest.mark.django_db
def test_every_form_refuses_bad_values_on_the_field(row, world, client, record_property):
    log_in_as(client, world, "superuser")
    client.raise_request_exception = False  # a server error is counted and reported with the others
    args = [OBJECTS[row.obj](world, world.own).pk] if row.obj else []
    url = reverse(row.url_name, args=args)
    tally = Tally()
    response = client.get(url)
    assert response.status_code < 500, f"{url}: {response.status_code}"
    if response.status_code == 200 and "html" in response.get("Content-Type", "") and _is_form_page(row.url_name, url):
        parser = FormParser(url)
        parser.feed(response.content.decode())
        fuzzed = set()
        for form in parser.forms:
            name = _action_name(form.action)
            signature = (name, tuple(sorted({spec.name for spec in form.fields})))
            if name is None or signature in fuzzed:
                continue
            fuzzed.add(signature)
            _fuzz_form(client, tally, form)
    record_property(FUZZ_PROPERTY, (tally.forms, tally.fields, tally.posts, len(tally.failures)))
    if row.url_name.endswith(("_add", "_edit")):
        assert tally.forms, f"{url}: no form found on an add or edit page: is discovery broken?"
    assert not tally.failures, "\n".join(tally.failures[:80])
