"""What every page of one meeting shares: the meeting found through the user's scope, and its header
(status, the Edit button, the life-cycle moves) and tab bar — bureau's record tab mixin, set for meetings."""

from django.shortcuts import redirect

from bureau.views import generic
from meetings.models import Meeting
from meetings.rules import meeting_editable_by
from meetings.services.lifecycle import MeetingWorkflow

MEETING_RELATED = ("host_department", "venue_room__building", "created_by", "settled_by")


class MeetingTabMixin(generic.RecordTabMixin):
    """A tab of the meeting page (`self.object` is the meeting): the header and the tab bar above it."""

    model = Meeting
    select_related = MEETING_RELATED
    workflow = MeetingWorkflow

    def can_edit_record(self):
        return meeting_editable_by(self.request.user, self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object, **kwargs)


class MeetingPageMixin(MeetingTabMixin, generic.ObjectPageMixin):
    """A page of one meeting beyond the generic views (a tab, a desk action, a move, a PDF): its
    permission first (403), then the meeting through Meeting.objects.for_user (404).

    URL kwarg `pk` is the meeting; a page about one of the meeting's rows (an attendee, a step)
    overrides `get_object()` to find the row in the user's scope and return its meeting.
    """

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
