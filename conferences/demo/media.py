"""Media for the demo recordings, made by the project itself so the demo plays offline and ships no binary files.

Each recorded session has a video of its own: ten seconds of a title card with the session's title and speakers
over the site's blue, with a progress bar and a clock so one sees it play. The frames are drawn with Pillow and
encoded to WebM (VP8) with PyAV. The output is byte-for-byte the same on every run: one encoder thread and a
"bitexact" container (no muxing date). Its WebVTT captions are the opening lines of the session's own transcript
(conferences/demo/data/recordings.yaml), spread evenly over the video.

Files are written through Django's default storage under recordings/ only when they are missing, so each video is
encoded once per MEDIA_ROOT and seeding again is free. PyAV is a development requirement (requirements-dev.txt):
without it, as on a production install, there is no video unless one was stored before.
"""

import importlib.util
import io
from fractions import Fraction

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 640, 360
FPS = 12
SECONDS = 10
VIDEO_NAME = "recordings/motesplats-{year}-{session}.webm"
CAPTIONS_NAME = "recordings/captions/motesplats-{year}-{session}.{language}.vtt"

# The site's palette (static/css/arena.css): brand blue, a lighter blue, the tint and the focus yellow.
BRAND, MID, TINT, YELLOW = (31, 59, 115), (46, 109, 164), (238, 243, 248), (255, 221, 0)


def video_name(year, session):
    return VIDEO_NAME.format(year=year, session=session)


def captions_name(year, session, language):
    return CAPTIONS_NAME.format(year=year, session=session, language=language)


def cue_times(count):
    """(start, end) in seconds for `count` cues that share the video evenly; the last ends with the video."""
    length = SECONDS / count
    return [(index * length, (index + 1) * length) for index in range(count)]


def timestamp(seconds):
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def webvtt(cues):
    """A WebVTT document from (start_seconds, end_seconds, text) cues."""
    lines = ["WEBVTT", ""]
    for number, (start, end, text) in enumerate(cues, start=1):
        lines += [str(number), f"{timestamp(start)} --> {timestamp(end)}", text, ""]
    return "\n".join(lines)


def session_captions(texts):
    """WebVTT captions with one cue per text, spread evenly over the video."""
    return webvtt([(start, end, text) for (start, end), text in zip(cue_times(len(texts)), texts, strict=True)])


def _font(size):
    # Pillow's bundled scalable font gives the same glyphs on every machine without system fonts, but it has no
    # Swedish letters: draw_text() adds the dots and rings itself.
    return ImageFont.load_default(size=size)


# Swedish letters as their base letter plus a mark drawn above it; the en dash (in session titles), which the font
# lacks too, as a hyphen.
MARKED = {
    "–": ("-", None),
    "å": ("a", "ring"),
    "ä": ("a", "dots"),
    "ö": ("o", "dots"),
    "Å": ("A", "ring"),
    "Ä": ("A", "dots"),
    "Ö": ("O", "dots"),
}


def draw_text(draw, xy, text, font, fill):
    """Draw `text` at `xy`, with å, ä and ö built from a, a and o and their marks."""
    x, y = xy
    plain = "".join(MARKED.get(char, (char,))[0] for char in text)
    draw.text((x, y), plain, font=font, fill=fill)
    size = font.size
    for index, char in enumerate(text):
        if char not in MARKED:
            continue
        base, mark = MARKED[char]
        if mark is None:
            continue
        left, top, right, _bottom = font.getbbox(base)
        offset = x + draw.textlength(plain[:index], font=font)
        centre, width = offset + (left + right) / 2, right - left
        if mark == "dots":
            radius, height = max(size * 0.05, 1.5), y + top - size * 0.15
            for dot in (centre - width * 0.22, centre + width * 0.22):
                draw.ellipse((dot - radius, height - radius, dot + radius, height + radius), fill=fill)
        else:
            radius, height = size * 0.11, y + top - size * 0.19
            draw.ellipse(
                (centre - radius, height - radius, centre + radius, height + radius),
                outline=fill,
                width=max(round(size * 0.045), 2),
            )


def _wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line]


def draw_card(heading, subheading):
    """The session's title card, without the moving parts (progress bar and clock)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    draw = ImageDraw.Draw(image)
    draw_text(draw, (32, 24), "Kunskapsarenan", _font(20), TINT)
    big, small = _font(34), _font(24)
    y = 80
    for line in _wrap(draw, heading, big, WIDTH - 64):
        draw_text(draw, (32, y), line, big, "white")
        y += 44
    draw.rectangle((32, y + 8, 112, y + 14), fill=YELLOW)
    y += 30
    for line in _wrap(draw, subheading, small, WIDTH - 64):
        draw_text(draw, (32, y), line, small, TINT)
        y += 32
    return image


def draw_frame(card, number, total):
    """A copy of `card` with the progress so far: a bar along the bottom and the elapsed time."""
    image = card.copy()
    draw = ImageDraw.Draw(image)
    done = (number + 1) / total
    draw.rectangle((0, HEIGHT - 10, WIDTH, HEIGHT), fill=MID)
    draw.rectangle((0, HEIGHT - 10, round(WIDTH * done), HEIGHT), fill=YELLOW)
    elapsed = int(number / FPS)
    draw.text((WIDTH - 120, 26), f"0:{elapsed:02d} / 0:{SECONDS:02d}", font=_font(18), fill=TINT)
    return image


def session_video(heading, subheading):
    """A session's video as WebM bytes (VP8, 640×360, 12 frames a second, ten seconds, no sound): its title card."""
    card = draw_card(heading, subheading)
    import av
    from av.video.reformatter import VideoReformatter

    total = FPS * SECONDS
    buffer = io.BytesIO()
    reformatter = VideoReformatter()
    with av.open(buffer, mode="w", format="webm", container_options={"fflags": "+bitexact"}) as container:
        stream = container.add_stream("libvpx", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.bit_rate = 250_000
        stream.codec_context.time_base = Fraction(1, FPS)
        stream.codec_context.gop_size = FPS  # a key frame every second keeps seeking quick
        # "good" rather than "realtime": realtime mode adapts its effort to the wall clock, so a busy machine
        # encoded different bytes; this keeps the demo file (and its ETag) the same on every machine.
        stream.options = {"deadline": "good", "cpu-used": "5", "threads": "1"}
        for number in range(total):
            frame = reformatter.reformat(av.VideoFrame.from_image(draw_frame(card, number, total)), format="yuv420p")
            frame.pts = number
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return buffer.getvalue()


def ensure_file(name, make_content):
    """Store make_content() (bytes or text) as `name` in the default storage unless it is already there."""
    if default_storage.exists(name):
        return name
    content = make_content()
    if isinstance(content, str):
        content = content.encode("utf-8")
    return default_storage.save(name, ContentFile(content))


def ensure_session_video(year, session, heading, subheading):
    """The stored video's name for one session, encoded first if missing; None when it is missing and PyAV is not
    installed."""
    name = video_name(year, session)
    if not default_storage.exists(name) and importlib.util.find_spec("av") is None:
        return None
    return ensure_file(name, lambda: session_video(heading, subheading))


def ensure_session_captions(year, session, language, texts):
    return ensure_file(captions_name(year, session, language), lambda: session_captions(texts))
