"""No page renders a <select> with more than 100 options (DESIGN.md §11): every URL of the permission
matrix, opened by a superuser on a data set where everything that grows has more than 100 rows."""

from html.parser import HTMLParser

from django.urls import reverse

from tests.growth import grow
from tests.helpers import stub_pdf_layout
from tests.permission_matrix import load

ROWS, OBJECTS = load()
MAX_OPTIONS = 100


class SelectCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.counts, self._current = {}, None

    def handle_starttag(self, tag, attrs):
        if tag == "select":
            self._current = dict(attrs).get("name") or dict(attrs).get("id") or f"select-{len(self.counts)}"
            self.counts[self._current] = 0
        elif tag == "option" and self._current is not None:
            self.counts[self._current] += 1

    def handle_endtag(self, tag):
        if tag == "select":
            self._current = None


def big_selects(html):
    parser = SelectCounter()
    parser.feed(html)
    return {name: count for name, count in parser.counts.items() if count > MAX_OPTIONS}


def test_big_selects_finds_a_big_select():
    options = "".join(f'<option value="{i}">{i}</option>' for i in range(MAX_OPTIONS + 1))
    assert big_selects(f'<select name="a"><option></option></select><select name="b">{options}</select>') == {
        "b": MAX_OPTIONS + 1
    }


def test_no_page_renders_a_select_over_100_options(world, client, monkeypatch):
    from tests.meetings.core_fixtures import ensure_central_standards

    stub_pdf_layout(monkeypatch)  # a PDF has no <select>: its layout is not waited for
    ensure_central_standards()
    grow(world, MAX_OPTIONS + 10)
    client.force_login(world.users["superuser"])
    offenders, html_pages = [], 0
    for row in ROWS:
        args = [OBJECTS[row.obj](world, world.own).pk] if row.obj else []
        url = reverse(row.url_name, args=args, kwargs=row.kwargs or None)
        response = client.get(url)
        if not response.get("Content-Type", "").startswith("text/html") or response.status_code != 200:
            continue
        html_pages += 1
        found = big_selects(response.content.decode())
        if found:
            offenders.append(f"{url}: {found}")
    assert html_pages > len(ROWS) // 2  # the walk really rendered the pages
    assert not offenders, "Pages with a <select> over 100 options:\n" + "\n".join(offenders)
