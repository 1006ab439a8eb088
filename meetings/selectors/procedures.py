"""Reads for the procedures page: progress per phase and what is overdue."""

from django.utils import timezone

from meetings.choices import ProcedurePhase
from meetings.models import MeetingProcedureStep


def meeting_procedure_progress(*, meeting, now=None):
    """{"phases": [{phase, label, done, total, percent, steps}], "done", "total", "percent", "overdue"}."""
    now = now or timezone.now()
    steps = list(MeetingProcedureStep.objects.filter(meeting=meeting).select_related("owner", "done_by"))
    phases = []
    for phase in ProcedurePhase:
        in_phase = [step for step in steps if step.phase == phase]
        done = sum(1 for step in in_phase if step.is_done)
        for step in in_phase:
            step.overdue = step.is_overdue(now)
        phases.append(
            {
                "phase": phase.value,
                "label": phase.label,
                "done": done,
                "total": len(in_phase),
                "percent": round(100 * done / len(in_phase)) if in_phase else 0,
                "steps": in_phase,
            }
        )
    done = sum(p["done"] for p in phases)
    total = sum(p["total"] for p in phases)
    return {
        "phases": phases,
        "done": done,
        "total": total,
        "percent": round(100 * done / total) if total else 0,
        "overdue": [step for step in steps if step.is_overdue(now)],
    }
