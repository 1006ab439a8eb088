"""The meeting rooms' calendar (week and month, per building or room) and its iCal feeds."""

import datetime

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from bureau.models import Room
from bureau.views.generic import report_ignored_parameters
from meetings.forms.calendar import VIEWS, CalendarFilterForm
from meetings.selectors import calendar as selectors


class MeetingCalendarView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    """Who holds which meeting room when: a week (rooms × days, a page of rooms at a time) or a month."""

    permission_required = "meetings.view_meeting"
    template_name = "meetings/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = CalendarFilterForm(self.request.GET or None, user=self.request.user)
        values = {"view": "week", "day": timezone.localdate(), "building": None, "room": None}
        if form.is_bound:
            if not form.is_valid():  # the calendar without the filters that can't be read, and why
                report_ignored_parameters(self.request, form)
            values.update({key: value for key, value in form.cleaned_data.items() if value})
        rooms = selectors.calendar_rooms(building=values["building"], room=values["room"])
        user, day = self.request.user, values["day"]
        if values["view"] == "month":
            page = None
            calendar = selectors.month_calendar(user=user, day=day, rooms=rooms)
            step = {"previous": _month_step(day, -1), "next": _month_step(day, 1)}
        else:
            page = Paginator(rooms, selectors.ROOMS_PER_PAGE).get_page(self.request.GET.get("page"))
            calendar = selectors.week_calendar(user=user, day=day, rooms=list(page.object_list))
            step = {"previous": day - _WEEK, "next": day + _WEEK}
        feed_url = self.request.build_absolute_uri(reverse("meetings:calendar_feed", args=[selectors.feed_token(user)]))
        context.update(
            form=form,
            values=values,
            view_label=VIEWS[values["view"]],
            calendar=calendar,
            page=page,
            step=step,
            today=timezone.localdate(),
            feed_url=feed_url,
            room_feed_url=f"{feed_url}?room={values['room'].pk}" if values["room"] else None,
        )
        return context


_WEEK = datetime.timedelta(days=7)


def _month_step(day, months):
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


class CalendarFeedView(View):
    """An iCal feed: the user's meetings, or with `?room=` a meeting room's bookings. No login (a
    calendar client can't log in): the address's key names the user, whose view of meetings it gives."""

    def get(self, request, token):
        user = selectors.user_for_feed_token(token)
        if user is None or not user.has_perm("meetings.view_meeting"):
            raise Http404
        room_pk = request.GET.get("room", "")
        if room_pk:
            if not room_pk.isdigit():
                raise Http404
            room = get_object_or_404(Room.objects.meeting_rooms().select_related("building"), pk=int(room_pk))
            name, meetings, personal = str(room), selectors.room_feed_meetings(room=room), False
        else:
            name, meetings, personal = _("My meetings"), selectors.personal_bookings(user=user), True
        body = selectors.calendar_ics(
            name=name,
            meetings=meetings,
            user=user,
            site_url=request.build_absolute_uri("/").rstrip("/"),
            personal=personal,
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Cache-Control"] = "private, max-age=300"
        return response
