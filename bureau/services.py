"""Bureau-wide write services (HackSoft style: keyword-only, atomic, audited).

Every save through a service goes through `audited_save` (or `model_update`, `audited_delete`), so
the history row names who did it even outside a web request (a task, the shell, a test): no code
outside this module sets django-simple-history's `_history_user` by hand.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from bureau.names import split_person_name

# django-simple-history's history_change_reason column is this long.
CHANGE_REASON_LENGTH = 100


def _audit(obj, *, actor, reason):
    if actor is not None:
        obj._history_user = actor
    else:
        # No actor (a management command): simple_history falls back to the request's user, if any;
        # an actor left over from an earlier save of the same object must not be reused.
        obj.__dict__.pop("_history_user", None)
    obj.__dict__.pop("_change_reason", None)
    if reason:
        obj._change_reason = str(reason)[:CHANGE_REASON_LENGTH]


def audited_save(*, obj, actor, reason=None, update_fields=None):
    """Save one row; its history row records `actor` (and `reason`, when given)."""
    _audit(obj, actor=actor, reason=reason)
    if update_fields is not None and any(f.name == "updated_at" for f in obj._meta.concrete_fields):
        update_fields = [*dict.fromkeys([*update_fields, "updated_at"])]
    obj.save(update_fields=update_fields)
    return obj


def audited_delete(*, obj, actor, reason=None):
    """Delete one row (only rows without money or legal weight); the deletion's history names `actor`."""
    _audit(obj, actor=actor, reason=reason)
    obj.delete()


def model_update(*, instance, fields, data, actor, reason=None, check=None):
    """Set the `fields` of `instance` that `data` changes, validate, and save only those, audited.

    `data` may only hold names from `fields`. `check(instance, changed)`, when given, runs the
    model's own rules on the changed instance before the save (raising ValidationError).
    Returns (instance, changed field names); nothing is saved when nothing changed.
    """
    unknown = set(data) - set(fields)
    if unknown:
        raise TypeError(f"model_update does not change {', '.join(sorted(unknown))}")
    changed = []
    for name in fields:
        if name in data and getattr(instance, name) != data[name]:
            setattr(instance, name, data[name])
            changed.append(name)
    if changed:
        instance.full_clean()
        if check is not None:
            check(instance, changed)
        audited_save(obj=instance, actor=actor, reason=reason, update_fields=changed)
    return instance, changed


@transaction.atomic
def record_void(*, obj, actor, reason):
    """Void a VoidableModel row: kept, marked void with who/when/why, recorded in its history."""
    obj.voided_at = timezone.now()
    obj.voided_by = actor
    obj.void_reason = reason
    return audited_save(obj=obj, actor=actor, reason=reason, update_fields=["voided_at", "voided_by", "void_reason"])


@transaction.atomic
def person_save(*, profile, name, actor):
    """Save a person of the people register (通讯录): a new person gets an account that cannot log in
    (no usable password; an administrator gives a login later if they need one); an existing one
    has their name kept on their account. `profile` is an unsaved or changed StaffProfile."""
    surname, given = split_person_name(name)
    if profile.user_id is None:
        User = get_user_model()
        user = User(username=_new_username(User), last_name=surname, first_name=given)
        user.set_unusable_password()
        user.save()
        profile.user = user
    elif (profile.user.last_name, profile.user.first_name) != (surname, given):
        profile.user.last_name, profile.user.first_name = surname, given
        profile.user.save(update_fields=["last_name", "first_name"])
    profile.full_clean()
    return audited_save(obj=profile, actor=actor)


def _new_username(User):
    import secrets

    while True:
        username = f"p-{secrets.token_hex(5)}"  # a person without a login: never typed, never guessed
        if not User.objects.filter(username=username).exists():
            return username
