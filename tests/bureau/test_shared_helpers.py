"""Helpers every centre may use: QR codes for printed documents and the date-time input."""

import base64
import datetime
import io
from zoneinfo import ZoneInfo

import segno
from django import forms
from PIL import Image

from bureau.qr import qr_data_uri
from bureau.widgets import DateTimeLocalInput


def _image(data_uri):
    prefix, encoded = data_uri.split(",", 1)
    assert prefix == "data:image/png;base64"
    return Image.open(io.BytesIO(base64.b64decode(encoded))).convert("L")


def test_qr_code_is_a_png_with_a_quiet_zone_and_grows_with_its_text():
    text = "http://localhost/meetings/sign-in/abc/"
    image = _image(qr_data_uri(text, scale=4))
    side = (segno.make(text, error="m").symbol_size(scale=1, border=2)[0]) * 4
    assert image.size == (side, side)
    assert image.getpixel((1, 1)) == 255  # the white border a phone needs to find the code
    assert image.getpixel((8 + 1, 8 + 1)) == 0  # the top-left finder square starts after it
    longer = _image(qr_data_uri(text * 8, scale=4))
    assert longer.size[0] > side


class _Form(forms.Form):
    starts = forms.DateTimeField(widget=DateTimeLocalInput())


def test_date_time_input_shows_the_browser_picker_in_local_time_and_keeps_what_was_typed(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    nine_thirty = datetime.datetime(2026, 12, 1, 1, 30, tzinfo=ZoneInfo("UTC"))  # 09:30 in Shanghai
    html = str(_Form(initial={"starts": nine_thirty})["starts"])
    assert 'type="datetime-local"' in html and 'value="2026-12-01T09:30"' in html
    typed = _Form(data={"starts": "2026-12-01T14:05"})
    assert typed.is_valid()
    assert typed.cleaned_data["starts"] == datetime.datetime(2026, 12, 1, 14, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert 'value="2026-12-01T14:05"' in str(typed["starts"])
