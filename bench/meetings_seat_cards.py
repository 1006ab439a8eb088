"""Seat cards (座位牌) for a 300-person meeting, timed next to baselines from the same run.

    python bench/meetings_seat_cards.py        (or: from bench.meetings_seat_cards import run; run())

No database needed: the meeting and attendees are unsaved model objects. Printed figures:
- baseline A: a trivial one-page Chinese page through the same render_pdf (WeasyPrint start-up and font)
- baseline B: the seat-card template with one card (× 300 = what 300 separate PDFs would cost)
- QR codes: making 300 segno PNG data URIs alone
- the 300-card PDF (one template render, 300 pages), and its size
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
N = 300


def _setup():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bureau.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()


def _attendees(n):
    from django.utils import timezone

    from bureau.models import Department
    from meetings.models import Attendee, Meeting
    from meetings.rules import protocol_seats

    start = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    meeting = Meeting(
        pk=1,
        title="中方县2026年经济工作会议",
        start_at=start,
        end_at=start + datetime.timedelta(hours=3),
        venue_name="县行政中心会议中心一楼大会堂",
        planned_attendees=n,
    )
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "建国志强海军红梅丽华明军文静秀英伟东晓燕"
    departments = [Department(pk=i + 1, name=f"中方县单位{i + 1}", short_name=f"单位{i + 1}") for i in range(60)]
    seats = protocol_seats(-(-n // 20), 20)
    people = []
    for i in range(n):
        row, seat = seats[i]
        people.append(
            Attendee(
                pk=i + 1,
                meeting=meeting,
                department=departments[i % 60],
                name=surnames[i % 20] + given[(i * 7) % 20] + given[(i * 3) % 20],
                protocol_order=i + 1,
                seat_row=row,
                seat_number=seat,
                token=f"bench-token-{i:06d}-0123456789abcdef",
            )
        )
    return meeting, people


def _time(fn, repeat=1):
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def run():
    _setup()
    from django.template import engines

    from bureau.pdf import render_pdf
    from bureau.qr import qr_data_uri
    from meetings import pdf_attendance

    meeting, people = _attendees(N)
    trivial = engines["django"].from_string(
        '{% extends "pdf/base.html" %}{% block content %}<h1>座位牌基准</h1><p>中方县机关事务管理局</p>{% endblock %}'
    )

    def trivial_pdf():
        from weasyprint import HTML

        return HTML(string=trivial.render({})).write_pdf()

    trivial_pdf()  # warm up: Pango, fontconfig, the CJK font
    render_pdf("meetings/pdf/seat_cards.html", {"meeting": meeting, "attendees": pdf_attendance.with_qr(people[:1])})

    t_trivial, _ = _time(trivial_pdf, repeat=5)
    t_one, one = _time(lambda: pdf_attendance.seat_cards_pdf(meeting=meeting, attendees=people[:1]), repeat=5)
    urls = [f"http://localhost/meetings/sign-in/{p.token}/" for p in people]
    t_qr, _ = _time(lambda: [qr_data_uri(url) for url in urls])
    t_all, pdf = _time(lambda: pdf_attendance.seat_cards_pdf(meeting=meeting, attendees=people))

    print(f"Seat cards for a {N}-person meeting (WeasyPrint, CJK font embedded, one QR per card)")
    print(f"  baseline A  trivial Chinese page, 1 page        {t_trivial * 1000:8.0f} ms")
    print(f"  baseline B  seat-card template, 1 card          {t_one * 1000:8.0f} ms   ({len(one) / 1024:.0f} KiB)")
    print(f"              × {N} as separate PDFs (estimate)     {t_one * N:8.1f} s")
    print(f"  QR codes    {N} segno PNG data URIs              {t_qr * 1000:8.0f} ms")
    print(f"  seat cards  {N} cards in one PDF                 {t_all:8.1f} s   ({len(pdf) / 1024 / 1024:.1f} MiB)")
    print(f"              per card                             {t_all / N * 1000:8.1f} ms")
    print(f"              vs baseline B per card               {t_all / N / t_one:8.2f} ×")
    return {"trivial": t_trivial, "one_card": t_one, "qr": t_qr, "all_cards": t_all, "pdf_bytes": len(pdf)}


if __name__ == "__main__":
    run()
