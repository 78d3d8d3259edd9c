"""Checks for uploaded conference media: a recording must really be a video and a caption file must really be WebVTT.

The extension is only a hint; the first bytes decide, so a renamed document is refused with a message that says why.
"""

import re
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Extension → MIME type the player announces in <source type>.
VIDEO_TYPES = {".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg"}
WEBVTT_MAX_BYTES = 2 * 1024 * 1024
_TIMING = re.compile(
    r"^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})[ \t]+-->[ \t]+(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})(?:[ \t].*)?$"
)


@contextmanager
def _from_the_start(file):
    """`file` rewound to its first byte. An upload stays open at the position it had; a stored file (a saved
    recording validated again) is opened only for this, so it is closed again instead of leaking its handle."""
    opened_here = getattr(file, "closed", False)
    if opened_here:
        file.open("rb")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    try:
        yield file
    finally:
        if opened_here:
            file.close()
        else:
            file.seek(position)


def _head(file, size=64):
    with _from_the_start(file):
        return file.read(size)


def sniff_video(head):
    """The container a file's first bytes announce, or None: MP4 ('ftyp' box), WebM/Matroska (EBML) or Ogg."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head.startswith(b"OggS"):
        return "ogg"
    return None


def video_mime_type(name):
    return VIDEO_TYPES.get(Path(name or "").suffix.lower(), "")


def validate_video_file(file):
    suffix = Path(file.name or "").suffix.lower()
    if suffix not in VIDEO_TYPES:
        raise ValidationError(
            _("The recording must be a video file of type MP4, WebM or Ogg (%(types)s).")
            % {"types": ", ".join(sorted(VIDEO_TYPES))},
            code="video_extension",
        )
    limit = settings.RECORDING_MAX_UPLOAD_BYTES
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("The video file is too large: at most %(limit)s.") % {"limit": filesizeformat(limit)}, code="video_size"
        )
    if sniff_video(_head(file)) is None:
        raise ValidationError(
            _("The file is not a video: its contents are not MP4, WebM or Ogg, whatever its name says."),
            code="not_video",
        )


def _milliseconds(hours, minutes, seconds, millis):
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def validate_webvtt_text(text):
    """Raise ValidationError unless `text` is a WebVTT file with at least one well-formed cue."""
    text = text.removeprefix("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = lines[0] if lines else ""
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ValidationError(_("The caption file is not WebVTT: its first line must be “WEBVTT”."), code="not_webvtt")
    cues = 0
    for number, line in enumerate(lines, start=1):
        if "-->" not in line:
            continue
        match = _TIMING.match(line.strip())
        if match is None:
            raise ValidationError(
                _("Line %(line)s of the caption file has a malformed cue time: “%(text)s”.")
                % {"line": number, "text": line.strip()[:80]},
                code="webvtt_timing",
            )
        start, end = _milliseconds(*match.group(1, 2, 3, 4)), _milliseconds(*match.group(5, 6, 7, 8))
        if end <= start:
            raise ValidationError(
                _("Line %(line)s of the caption file: a cue must end after it starts.") % {"line": number},
                code="webvtt_order",
            )
        cues += 1
    if cues == 0:
        raise ValidationError(_("The caption file has no cues (no lines with “-->”)."), code="webvtt_empty")


def validate_webvtt_file(file):
    if Path(file.name or "").suffix.lower() != ".vtt":
        raise ValidationError(_("Captions must be a WebVTT file ending in .vtt."), code="webvtt_extension")
    if file.size is not None and file.size > WEBVTT_MAX_BYTES:
        raise ValidationError(
            _("The caption file is too large: at most %(limit)s.") % {"limit": filesizeformat(WEBVTT_MAX_BYTES)},
            code="webvtt_size",
        )
    with _from_the_start(file):
        raw = file.read(WEBVTT_MAX_BYTES + 1)
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        raise ValidationError(_("The caption file must be UTF-8 encoded text."), code="webvtt_encoding") from None
    validate_webvtt_text(text)
