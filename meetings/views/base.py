"""What every page of one meeting shares: the meeting found through the user's scope, and its header
(status, the Edit button, the life-cycle moves) and tab bar."""

from django.shortcuts import redirect

from bureau.views import generic
from meetings.choices import MeetingStatus
from meetings.models import Meeting
from meetings.services.lifecycle import MOVE_LABELS, moves_for

MEETING_RELATED = ("host_department", "venue_room__building", "created_by", "settled_by")
# Who may still edit the request: the host department while it is a draft (or sent back), the
# meeting centre until the meeting starts.
STAFF_EDITABLE = (MeetingStatus.DRAFT, MeetingStatus.REJECTED)
CENTRE_EDITABLE = (*STAFF_EDITABLE, MeetingStatus.SUBMITTED, MeetingStatus.APPROVED, MeetingStatus.PREPARING)


def meeting_editable_by(user, meeting):
    if not user.has_perm("meetings.change_meeting"):
        return False
    allowed = CENTRE_EDITABLE if user.has_perm("meetings.manage_meeting") else STAFF_EDITABLE
    return meeting.status in allowed


class MeetingTabMixin:
    """A tab of the meeting page (`self.object` is the meeting): the header and the tab bar above it."""

    model = Meeting
    select_related = MEETING_RELATED

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        meeting = self.object
        context.update(
            meeting=meeting,
            tab=self.tab,
            moves=[(move, MOVE_LABELS[move]) for move in moves_for(user, meeting)],
            can_edit_meeting=meeting_editable_by(user, meeting),
        )
        return context


class MeetingPageMixin(MeetingTabMixin, generic.ObjectPageMixin):
    """A page of one meeting beyond the generic views (a tab, a desk action, a move, a PDF): its
    permission first (403), then the meeting through Meeting.objects.for_user (404).

    URL kwarg `pk` is the meeting; a page about one of the meeting's rows (an attendee, a step)
    overrides `get_object()` to find the row in the user's scope and return its meeting.
    """

    tab = None
    success_url_name = None  # where `back()` goes after a POST

    @property
    def meeting(self):
        return self.object

    def back(self):
        return redirect(self.success_url_name, self.meeting.pk)


class MeetingPdfView(MeetingPageMixin, generic.ObjectPdfView):
    """A printed document of one meeting, named after the meeting (e.g. 县政府常务会议-座位牌.pdf)."""

    document = None  # the file name's ending, e.g. 座位牌

    def get_filename(self):
        return f"{self.meeting.title}-{self.document}.pdf"


def error_text(exc):
    """A service's ValidationError as one line for a message or a page."""
    return " ".join(exc.messages)
