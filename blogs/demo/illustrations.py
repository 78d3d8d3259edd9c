"""Hero images for the demo posts: deterministic abstract drawings in the site's blues, one motif per style."""

import hashlib
import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

SIZE = (1200, 675)
# The site's palette (static/css/arena.css): brand, link, tint, rule, focus yellow, plus two in-between blues.
BRAND, LINK, TINT, RULE, YELLOW = (31, 59, 115), (0, 85, 140), (238, 243, 248), (201, 211, 222), (255, 221, 0)
MID, LIGHT = (46, 109, 164), (120, 170, 214)
BLUES = [BRAND, LINK, MID, LIGHT, RULE]


def create_illustration(organisation, slug, title, style):
    png = draw_illustration(style, slug)
    image = get_image_model()(
        title=f"Illustration: {title}"[:255],
        file=ImageFile(io.BytesIO(png), name=f"blogg-{slug}.png"),
        collection=organisation.collection,
        file_size=len(png),
        file_hash=hashlib.sha1(png).hexdigest(),  # noqa: S324 - Wagtail's duplicate detection uses SHA-1
    )
    image.save()
    return image


def draw_illustration(style, seed):
    """A deterministic abstract PNG (1200x675) in the site's blues: a vertical gradient plus one motif."""
    rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:12], 16))
    width, height = SIZE
    top, bottom = (BRAND, LINK) if style not in ("grid", "speech") else (TINT, RULE)
    image = PILImage.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / (height - 1)
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    MOTIFS[style](draw, rng, width, height)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _network(draw, rng, width, height):
    nodes = [(rng.randint(60, width - 60), rng.randint(60, height - 60)) for _ in range(16)]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            if math.dist(a, b) < 330:
                draw.line([a, b], fill=LIGHT, width=3)
    for x, y in nodes:
        r = rng.randint(12, 34)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice([TINT, LIGHT, RULE]), outline=TINT, width=3)


def _grid(draw, rng, width, height):
    for x in range(40, width - 40, 70):
        for y in range(40, height - 40, 70):
            colour = YELLOW if rng.random() < 0.08 else rng.choice(BLUES)
            draw.rectangle([x, y, x + 52, y + 52], fill=colour)


def _waves(draw, rng, width, height, moon=False):
    if moon:
        draw.ellipse([width - 260, 70, width - 170, 160], fill=YELLOW)
    for layer, colour in enumerate([MID, LIGHT, RULE, TINT]):
        base, phase = height * (0.45 + 0.12 * layer), rng.uniform(0, math.tau)
        points = [
            (x, base + (60 - 12 * layer) * (1 - x / width * (0 if moon else 0.8)) * math.sin(x / 140 + phase))
            for x in range(0, width + 10, 10)
        ]
        draw.polygon(points + [(width, height), (0, height)], fill=colour)


def _bars(draw, rng, width, height):
    count, gap = 9, 24
    bar = (width - 160 - gap * (count - 1)) // count
    for i in range(count):
        top = height - 80 - (120 + i * 45 + rng.randint(-20, 20))
        x = 80 + i * (bar + gap)
        draw.rectangle([x, top, x + bar, height - 80], fill=YELLOW if i == count - 1 else [LIGHT, RULE, TINT][i % 3])


def _barcode(draw, rng, width, height):
    x = 120
    while x < width - 120:
        stripe = rng.choice([6, 10, 16, 28])
        draw.rectangle([x, 140, x + stripe, height - 140], fill=rng.choice([TINT, LIGHT, YELLOW, TINT]))
        x += stripe + rng.choice([8, 12, 20])


def _path(draw, rng, width, height):
    phase = rng.uniform(0, math.tau)
    for i in range(14):
        x = 90 + i * (width - 180) / 13
        y = height / 2 + 170 * math.sin(i / 2.2 + phase)
        r = 26 + (i % 3) * 10
        draw.ellipse([x - r, y - r, x + r, y + r], fill=[TINT, LIGHT, RULE][i % 3])


def _ripples(draw, rng, width, height):
    for _ in range(5):
        x, y = rng.randint(150, width - 150), rng.randint(120, height - 120)
        for r in range(20, 200, 36):
            draw.ellipse([x - r, y - r, x + r, y + r], outline=rng.choice([LIGHT, RULE, TINT]), width=4)
        draw.ellipse([x - 10, y - 10, x + 10, y + 10], fill=YELLOW)


def _blocks(draw, rng, width, height):
    for y in range(60, height - 80, 90):
        x = 60
        while x < width - 120:
            block = rng.randint(90, 260)
            draw.rectangle([x, y, min(x + block, width - 60), y + 64], fill=rng.choice([TINT, LIGHT, RULE, MID]))
            x += block + 18


def _speech(draw, rng, width, height):
    for x in range(30, width, 40):
        for y in range(30, height, 40):
            draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=rng.choice([LIGHT, RULE, MID]))
    draw.rounded_rectangle([300, 150, 900, 450], radius=60, outline=BRAND, width=14)
    draw.polygon([(420, 440), (380, 560), (520, 445)], fill=BRAND)
    for i in range(3):
        draw.ellipse([500 + i * 80 - 18, 282, 500 + i * 80 + 18, 318], fill=LINK)


MOTIFS = {
    "network": _network,
    "grid": _grid,
    "waves": _waves,
    "night": lambda draw, rng, width, height: _waves(draw, rng, width, height, moon=True),
    "bars": _bars,
    "barcode": _barcode,
    "path": _path,
    "ripples": _ripples,
    "blocks": _blocks,
    "speech": _speech,
}
