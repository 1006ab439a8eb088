"""Reusable validators. Uploads are checked by their content (magic bytes), not by their name.

    scan = models.FileField(validators=[UploadValidator(kinds=("pdf", "jpeg", "png"), max_mb=10)])

The message names the field (the model field's verbose name, or `field_label`) and the rule broken.
"""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# kind → (leading bytes, the file name endings that go with it, label)
FILE_SIGNATURES = {
    "pdf": ((b"%PDF-",), (".pdf",), "PDF"),
    "jpeg": ((b"\xff\xd8\xff",), (".jpg", ".jpeg"), "JPEG"),
    "png": ((b"\x89PNG\r\n\x1a\n",), (".png",), "PNG"),
}
HEAD_BYTES = 16


def detect_kind(head):
    """The kind ("pdf", "jpeg", "png") whose signature `head` starts with, or None."""
    for kind, (signatures, _endings, _label) in FILE_SIGNATURES.items():
        if any(head.startswith(signature) for signature in signatures):
            return kind
    return None


def _read_head(value):
    handle = getattr(value, "file", None) or value
    try:
        position = handle.tell()
    except (AttributeError, OSError, ValueError):
        position = 0
    try:
        handle.seek(0)
        head = handle.read(HEAD_BYTES)
    finally:
        try:
            handle.seek(position)
        except (AttributeError, OSError, ValueError):
            pass
    return head or b""


def _field_label(value, field_label):
    if field_label:
        return field_label
    field = getattr(value, "field", None)
    return getattr(field, "verbose_name", None) or _("file")


@deconstructible
class UploadValidator:
    """Accept only files whose content is one of `kinds` and whose size is at most `max_mb` MB.

    A file whose name claims another kind than its content (a PNG named .pdf) is refused too.
    """

    def __init__(self, *, kinds=("pdf", "jpeg", "png"), max_mb=10, field_label=None):
        unknown = set(kinds) - set(FILE_SIGNATURES)
        if unknown:
            raise ValueError(f"Unknown upload kinds: {sorted(unknown)}")
        self.kinds = tuple(kinds)
        self.max_mb = max_mb
        self.field_label = field_label

    def __eq__(self, other):
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_mb == other.max_mb
            and self.field_label == other.field_label
        )

    def __hash__(self):
        return hash((self.kinds, self.max_mb, self.field_label))

    @property
    def allowed_label(self):
        return "、".join(FILE_SIGNATURES[kind][2] for kind in self.kinds)

    def __call__(self, value):
        if not value or getattr(value, "_committed", False):
            return  # nothing uploaded, or a file already stored (it was checked when it came in)
        label = _field_label(value, self.field_label)
        size = getattr(value, "size", 0) or 0
        if size > self.max_mb * 1024 * 1024:
            raise ValidationError(
                _("%(field)s: the file may be at most %(max)s MB; this one is %(size).1f MB."),
                code="file_too_large",
                params={"field": label, "max": self.max_mb, "size": size / (1024 * 1024)},
            )
        kind = detect_kind(_read_head(value))
        if kind not in self.kinds:
            raise ValidationError(
                _(
                    "%(field)s: only %(allowed)s files are accepted, judged by the file's content; "
                    "this file's content is not one of them, whatever its name says."
                ),
                code="file_type",
                params={"field": label, "allowed": self.allowed_label},
            )
        name = (getattr(value, "name", "") or "").lower()
        endings = FILE_SIGNATURES[kind][1]
        if name and "." in name.rsplit("/", 1)[-1] and not name.endswith(endings):
            raise ValidationError(
                _("%(field)s: the file's content is %(kind)s but its name ends otherwise; rename it to match."),
                code="file_name_mismatch",
                params={"field": label, "kind": FILE_SIGNATURES[kind][2]},
            )
