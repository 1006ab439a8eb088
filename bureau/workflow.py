"""The workflow engine: a declared transition table per model and one locking, audited `transition()`.

A model's life cycle is a declaration (meetings/services/lifecycle.py is the full example):

    class ReceptionWorkflow(Workflow):
        model = Reception
        moves = (
            Move("submit", {S.DRAFT}, S.SUBMITTED, "meetings.change_reception", _("Submit for approval"),
                 check=reception_check_submittable),
            Move("cancel", {S.DRAFT, S.SUBMITTED}, S.CANCELLED, "meetings.cancel_reception", _("Cancel"),
                 reason=REQUIRED, apply=lambda obj, **kw: ...),
        )

and every move of every model then runs the same way (`transition(obj=…, move=…, actor=…)`):
the row locked (select_for_update) and its state checked again under the lock — so of two people
acting at once the second is told what happened first —, the actor's permission, the reason when
the move needs one, the move's own checks, the new state saved with its history naming the actor
and the reason. The move view (bureau.views.generic.MoveView), its URLs
(bureau.urls_helpers.move_urls) and the buttons in a record's header (`Workflow.links`) come from
the same table.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bureau.services import audited_save

# Whether a move asks for a reason (a comment) on its confirmation page.
NO_REASON, OPTIONAL, REQUIRED = "", "optional", "required"

_REGISTRY = {}


@dataclass(frozen=True, eq=False)
class Move:
    """One row of a transition table.

    Hooks (each optional, called with the locked row and keyword arguments `actor`, `reason` and the
    extra keyword arguments given to `transition()`):
    - `check(obj, **kw)` raises ValidationError when the move is refused for a reason of its own;
    - `apply(obj, **kw)` changes further fields of the row and returns their names (saved with the state);
    - `after(obj, **kw)` writes what follows from the move (related records), in the same transaction.
    """

    name: str
    sources: frozenset
    target: str
    permission: str
    label: Any
    reason: str = NO_REASON
    reason_message: Any = gettext_lazy("Give the reason.")
    check: Callable | None = None
    apply: Callable | None = None
    after: Callable | None = None
    css: str = "btn-primary"  # of its button

    def __post_init__(self):
        object.__setattr__(self, "sources", frozenset(self.sources))

    @property
    def slug(self):
        return self.name.replace("_", "-")


class Workflow:
    """The transition table of one model; subclasses declare `model` and `moves` and are registered."""

    model = None
    moves: tuple = ()
    status_field = "status"
    reason_field = "reason"  # the name of the reason's field on the move form and in errors
    select_related = ()  # loaded with the locked row (the hooks read them)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        names = [move.name for move in cls.moves]
        if len(names) != len(set(names)):
            raise TypeError(f"{cls.__name__} declares a move twice")
        if cls.model is not None:
            _REGISTRY[cls.model] = cls

    @classmethod
    def get_move(cls, name):
        for move in cls.moves:
            if move.name == name:
                return move
        raise ValueError(f"{cls.__name__} has no move {name!r}")

    @classmethod
    def state(cls, obj):
        return getattr(obj, cls.status_field)

    @classmethod
    def state_label(cls, obj):
        return getattr(obj, f"get_{cls.status_field}_display")()

    @classmethod
    def allows(cls, obj, move):
        """The move is possible from the record's current state (whoever asks)."""
        return cls.state(obj) in move.sources

    @classmethod
    def may(cls, user, move):
        return user.has_perm(move.permission)

    @classmethod
    def moves_for(cls, user, obj):
        """The moves `user` may make on `obj` now, in the table's order (for the buttons)."""
        return [move for move in cls.moves if cls.allows(obj, move) and cls.may(user, move)]

    @classmethod
    def url_name(cls, move):
        meta = cls.model._meta
        return f"{meta.app_label}:{meta.model_name}_{move.name}"

    @classmethod
    def links(cls, user, obj):
        """[{name, label, url, css}] of the moves `user` may make on `obj` now."""
        return [
            {"name": move.name, "label": move.label, "url": reverse(cls.url_name(move), args=[obj.pk]), "css": move.css}
            for move in cls.moves_for(user, obj)
        ]

    # --- refusals (a model may say more, e.g. who decided first) ---

    @classmethod
    def illegal_move_message(cls, obj, move):
        return _("“%(object)s” is %(status)s; “%(move)s” is not possible from this state.") % {
            "object": obj,
            "status": cls.state_label(obj),
            "move": move.label,
        }

    @classmethod
    def save_error(cls, obj, move, exc):
        """A ValidationError for a database constraint the save ran into, or None to let it raise."""
        return None


def workflow_for(model_or_obj):
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    try:
        return _REGISTRY[model._meta.concrete_model]
    except KeyError:
        raise LookupError(f"no workflow is declared for {model.__name__}") from None


@transaction.atomic
def transition(*, obj, move, actor, reason=None, **extra):
    """Make `move` (a name) on `obj` for `actor`; returns the locked, saved row.

    `actor` None is the system (a migration, a management command): no permission to check.
    Refusals are ValidationErrors with a code: `no_permission`, `illegal_move`, `reason_required`,
    or the code of the move's own check. The caller's `obj` gets the new state and changed fields.
    """
    workflow = workflow_for(obj)
    step = workflow.get_move(move)
    queryset = workflow.model._default_manager.select_for_update(of=("self",))
    if workflow.select_related:
        queryset = queryset.select_related(*workflow.select_related)
    locked = queryset.get(pk=obj.pk)
    if not workflow.allows(locked, step):
        raise ValidationError(workflow.illegal_move_message(locked, step), code="illegal_move")
    if actor is not None and not workflow.may(actor, step):
        raise ValidationError(_("You may not “%(move)s”.") % {"move": step.label}, code="no_permission")
    reason = (reason or "").strip()
    if step.reason == REQUIRED and not reason:
        raise ValidationError(
            {workflow.reason_field: ValidationError(step.reason_message, code="reason_required")},
        )
    hook_kwargs = {"actor": actor, "reason": reason, **extra}
    if step.check:
        step.check(locked, **hook_kwargs)
    fields = [workflow.status_field]
    if step.apply:
        fields += list(step.apply(locked, **hook_kwargs) or ())
    setattr(locked, workflow.status_field, step.target)
    try:
        with transaction.atomic():
            audited_save(obj=locked, actor=actor, reason=reason or str(step.label), update_fields=fields)
    except IntegrityError as exc:
        error = workflow.save_error(locked, step, exc)
        if error is None:
            raise
        raise error from exc
    for name in [*fields, *(["updated_at"] if hasattr(locked, "updated_at") else [])]:
        setattr(obj, name, getattr(locked, name))
    if step.after:
        step.after(locked, **hook_kwargs)
    return locked
