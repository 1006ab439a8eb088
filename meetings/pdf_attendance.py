"""Printed attendance documents: seat cards (座位牌), the seating chart, notices with QR codes, the
work plan (工作方案). All go through bureau.pdf (WeasyPrint, CJK font embedded)."""

from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from bureau.pdf import render_pdf
from bureau.qr import qr_data_uri
from meetings.choices import WorkPlanPost
from meetings.rules import protocol_seat_order
from meetings.selectors.attendance import meeting_sign_in_code

DEFAULT_BASE_URL = "http://localhost:8000"


def _absolute(path, request=None):
    if request is not None:
        return request.build_absolute_uri(path)
    return getattr(settings, "BUREAU_BASE_URL", DEFAULT_BASE_URL).rstrip("/") + path


def sign_in_absolute_url(attendee, *, request=None):
    """The attendee's personal sign-in link: printed on their own notice only."""
    return _absolute(attendee.get_sign_in_url(), request)


def meeting_sign_in_absolute_url(meeting, *, request=None):
    """The meeting's sign-in page (it asks for the person): the code on seat and table cards."""
    return _absolute(reverse("meetings:meeting_check_in", args=[meeting_sign_in_code(meeting)]), request)


def with_qr(attendees, *, request=None):
    for attendee in attendees:
        attendee.sign_in_url = sign_in_absolute_url(attendee, request=request)
        attendee.qr = qr_data_uri(attendee.sign_in_url)
        attendee.reply_url = _absolute(attendee.get_reply_url(), request)
    return attendees


def seat_cards_pdf(*, meeting, attendees, request=None):
    """One tent card per attendee: the name large on both faces; on the back face the meeting's QR code,
    which opens the sign-in page asking who signs in — a card on a table is no one's sign-in key."""
    url = meeting_sign_in_absolute_url(meeting, request=request)
    context = {"meeting": meeting, "attendees": list(attendees), "sign_in_url": url, "qr": qr_data_uri(url)}
    return render_pdf("meetings/pdf/seat_cards.html", context, request=request)


def notices_pdf(*, meeting, attendees, request=None):
    """The attendance notice (参会通知) per attendee, with their own sign-in QR code."""
    context = {"meeting": meeting, "attendees": with_qr(list(attendees), request=request), "now": timezone.now()}
    return render_pdf("meetings/pdf/notices.html", context, request=request)


def seating_grid(attendees):
    """Rows of cells (left → right as the attendees sit) for the chart; None where a seat is empty."""
    seated = [a for a in attendees if a.seat_row is not None]
    if not seated:
        return [], 0
    width = max(a.seat_number for a in seated)
    by_row = defaultdict(dict)
    for attendee in seated:
        by_row[attendee.seat_row][attendee.seat_number] = attendee
    rows = []
    for row in range(1, max(by_row) + 1):
        rows.append({"number": row, "cells": [by_row[row].get(seat) for seat in range(1, width + 1)]})
    return rows, width


def seating_chart_pdf(*, meeting, attendees, request=None):
    attendees = list(attendees)
    rows, width = seating_grid(attendees)
    context = {
        "meeting": meeting,
        "rows": rows,
        "width": width,
        "unseated": [a for a in attendees if a.seat_row is None],
        "centre_seats": protocol_seat_order(width)[:1] if width else [],
    }
    return render_pdf("meetings/pdf/seating_chart.html", context, request=request)


def work_plan_pdf(*, plan, assignments, request=None):
    by_post = defaultdict(list)
    for assignment in assignments:
        by_post[assignment.post].append(assignment)
    posts = [(post.label, by_post.get(post.value, [])) for post in WorkPlanPost]
    context = {"plan": plan, "meeting": plan.meeting, "posts": posts}
    return render_pdf("meetings/pdf/work_plan.html", context, request=request)
