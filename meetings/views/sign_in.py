"""The QR sign-in pages.

/meetings/sign-in/<token>/ — the personal link on the attendee's own notice; no login (outside
guests have no account). The token alone identifies the attendee and signs in that attendee only.
GET shows who it is and a button; the tap is a POST with CSRF protection. A second sign-in changes
nothing; an unknown or forged token answers 404.

/meetings/check-in/<code>/ — the meeting's code on seat and table cards. It names the meeting, not
a person, so it asks who signs in: a logged-in invitee signs themselves in; anyone else is sent to
their personal notice or the desk. It shows nothing but the meeting's title, time and venue.

/meetings/reply/<token>/ — the reply (回执) from the same personal link's notice."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from bureau.forms import add_service_errors
from bureau.ratelimit import take_from_hourly_allowance
from bureau.views import generic
from meetings import rules
from meetings.choices import AttendanceStatus, ReplyStatus, SignInMethod
from meetings.forms.attendance import ReplyForm
from meetings.models import Attendee
from meetings.rules import already_signed_in_message
from meetings.selectors.attendance import meeting_for_sign_in_code
from meetings.services import attendance as services

TEMPLATE = "meetings/sign_in/sign_in.html"


@method_decorator(never_cache, name="dispatch")
class SignInView(View):
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        token = kwargs["token"]
        self.attendee = (
            Attendee.objects.select_related("meeting__venue_room__building", "department").filter(token=token).first()
            if 20 <= len(token) <= 64
            else None
        )
        if self.attendee is None:
            return render(request, "meetings/sign_in/invalid.html", status=404)
        return super().dispatch(request, *args, **kwargs)

    def context(self, **extra):
        attendee = self.attendee
        return {
            "attendee": attendee,
            "meeting": attendee.meeting,
            "refusal": None if attendee.is_signed_in else services.sign_in_refusal(meeting=attendee.meeting),
            "excused": attendee.status == AttendanceStatus.EXCUSED,
            **extra,
        }

    def get(self, request, *args, **kwargs):
        just_done = request.GET.get("done") == "1" and self.attendee.is_signed_in
        return render(request, TEMPLATE, self.context(just_done=just_done))

    def post(self, request, *args, **kwargs):
        try:
            attendee, changed = services.attendee_sign_in(attendee=self.attendee, actor=None, method=SignInMethod.QR)
        except ValidationError as exc:
            return render(request, TEMPLATE, self.context(error=generic.error_text(exc)), status=409)
        if changed:
            return redirect(f"{attendee.get_sign_in_url()}?done=1")
        self.attendee = attendee
        return render(request, TEMPLATE, self.context(already=already_signed_in_message(attendee)))


CHECK_IN_TEMPLATE = "meetings/sign_in/check_in.html"


@method_decorator(never_cache, name="dispatch")
class MeetingCheckInView(View):
    """The page a seat card's code opens: which meeting, and who signs in (the logged-in invitee)."""

    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        code = kwargs["code"]
        self.meeting = meeting_for_sign_in_code(code) if len(code) <= 80 else None
        if self.meeting is None:
            return render(request, "meetings/sign_in/invalid.html", status=404)
        user = request.user
        self.attendee = (
            self.meeting.attendees.select_related("department").filter(user=user).first()
            if user.is_authenticated
            else None
        )
        return super().dispatch(request, *args, **kwargs)

    def context(self, **extra):
        attendee = self.attendee
        signed_in = attendee is not None and attendee.is_signed_in
        return {
            "meeting": self.meeting,
            "attendee": attendee,
            "refusal": None if signed_in else services.sign_in_refusal(meeting=self.meeting),
            "excused": attendee is not None and attendee.status == AttendanceStatus.EXCUSED,
            **extra,
        }

    def get(self, request, *args, **kwargs):
        just_done = request.GET.get("done") == "1" and self.attendee is not None and self.attendee.is_signed_in
        return render(request, CHECK_IN_TEMPLATE, self.context(just_done=just_done))

    def post(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if self.attendee is None:
            return render(request, CHECK_IN_TEMPLATE, self.context(), status=403)
        try:
            attendee, changed = services.attendee_sign_in(
                attendee=self.attendee, actor=request.user, method=SignInMethod.QR
            )
        except ValidationError as exc:
            return render(request, CHECK_IN_TEMPLATE, self.context(error=generic.error_text(exc)), status=409)
        if changed:
            return redirect(f"{request.path}?done=1")
        self.attendee = attendee
        return render(request, CHECK_IN_TEMPLATE, self.context(already=already_signed_in_message(attendee)))


REPLY_TEMPLATE = "meetings/sign_in/reply.html"


@method_decorator(never_cache, name="dispatch")
class ReplyView(SignInView):
    """/meetings/reply/<token>/ — the reply (回执) from the notice's link: no login, the token is the
    key, replies limited per address. It shows the meeting and the invitee, nothing else."""

    def context(self, **extra):
        attendee = self.attendee
        return {
            "attendee": attendee,
            "meeting": attendee.meeting,
            "refusal": services.reply_refusal(meeting=attendee.meeting),
            **extra,
        }

    def get(self, request, *args, **kwargs):
        attendee = self.attendee
        form = ReplyForm(
            initial={
                "reply": attendee.reply or ReplyStatus.ATTENDING,
                "substitute_name": attendee.substitute_name,
                "substitute_title": attendee.substitute_title,
                "note": attendee.reply_note,
            }
        )
        return render(request, REPLY_TEMPLATE, self.context(form=form, just_done=request.GET.get("done") == "1"))

    def post(self, request, *args, **kwargs):
        form = ReplyForm(request.POST)
        limit = getattr(settings, "MEETINGS_REPLIES_PER_HOUR", rules.REPLIES_PER_HOUR)
        if not take_from_hourly_allowance(request, scope="meetings:replies", per_hour=limit):
            message = _("Too many replies from this network in the last hour; try again later or call the organiser.")
            return render(request, REPLY_TEMPLATE, self.context(form=form, error=message), status=429)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.attendee_reply(
                    attendee=self.attendee,
                    reply=data["reply"],
                    note=data["note"],
                    substitute_name=data["substitute_name"],
                    substitute_title=data["substitute_title"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect(f"{self.attendee.get_reply_url()}?done=1")
        return render(request, REPLY_TEMPLATE, self.context(form=form), status=200)
