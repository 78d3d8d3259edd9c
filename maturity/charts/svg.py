"""SVG drawing primitives: a Chart with its data table, series, and the bar, line, histogram and quadrant
drawings. Every text passes through format_html, which escapes it; coordinates are written with a dot whatever the
active locale."""

from dataclasses import dataclass, field, replace

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from maturity.charts.formats import number

# Every colour has at least 4.5:1 contrast on white (WCAG 1.4.11 asks 3:1 for graphics); lines also differ by
# marker shape and dash pattern, and bars carry their value, so colour is never the only cue.
NAVY, ORANGE, GREEN, PURPLE, GREY = "#1f3b73", "#b34700", "#1e6b35", "#5b2a86", "#4b4f54"
NATIONAL_COLOURS = (GREY, "#00558c", "#8a4b00")
NATIONAL_DASHES = ("6 4", "2 3", "10 3 2 3")
# Bars next to each other alternate between a dark and a light fill, so neighbours differ in lightness by at least
# 3:1 (WCAG 1.4.1 and 1.4.11) and every fill still has 3:1 against white; hue alone never tells series apart.
BAR_FILLS = ("#13294f", "#d46a00", "#3d1a63", "#2e9455", "#262626", "#8a8a8a")
TEXT = "#1b1b1b"
MUTED = "#4b4f54"
RULE = "#c9d3de"
FONT = 'font-family="system-ui, sans-serif"'


# --- Data structures --------------------------------------------------------------------------------------------


@dataclass
class Series:
    label: str
    values: list  # one value (0–100 or None) per category / x position
    colour: str = NAVY
    dash: str = ""
    marker: str = "circle"

    @property
    def swatch(self):
        """The series' line and marker in small, for the legend (decorative: the label says it all)."""
        line = _line(1, 8, 27, 8, colour=self.colour, width=2.5, dash=self.dash) if self.dash else ""
        return format_html(
            '<svg class="chart__swatch" width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" '
            'focusable="false">{}{}</svg>',
            line,
            _marker(self.marker, 14, 8, self.colour),
        )


@dataclass
class DataTable:
    caption: str
    column_headers: list  # the first entry heads the row headers
    rows: list  # (row header, [cell texts])


@dataclass
class Chart:
    id: str
    title: str
    description: str
    summary: str
    table: DataTable
    svg: str = ""
    legend: list = field(default_factory=list)  # Series, shown as a list beside the chart

    @property
    def title_id(self):
        return f"{self.id}-title"

    @property
    def desc_id(self):
        return f"{self.id}-desc"


# The drawing never gets narrower than its own width, so its text keeps the sizes drawn (at least 12 px) on a narrow
# screen: the chart scrolls inside its own box instead (templates/maturity/includes/chart.html). The minimum is a
# class per drawing width in static/css/maturity.css, since the site's Content-Security-Policy allows no inline style.
MIN_WIDTH_CLASSES = {680: "chart__svg--680", 400: "chart__svg--400"}


def _svg(chart, width, height, body):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart__svg {}" viewBox="0 0 {} {}" '
        'role="img" aria-labelledby="{} {}" focusable="false" preserveAspectRatio="xMidYMid meet">'
        '<title id="{}">{}</title><desc id="{}">{}</desc>{}</svg>',
        MIN_WIDTH_CLASSES[width],
        width,
        height,
        chart.title_id,
        chart.desc_id,
        chart.title_id,
        chart.title,
        chart.desc_id,
        chart.description,
        body,
    )


def _join(parts):
    return mark_safe("".join(str(part) for part in parts))


def _text(x, y, content, anchor="start", size=13, colour=TEXT, weight="normal"):
    return format_html(
        '<text x="{}" y="{}" text-anchor="{}" font-size="{}" fill="{}" font-weight="{}" ' + FONT + ">{}</text>",
        _n(x),
        _n(y),
        anchor,
        size,
        colour,
        weight,
        content,
    )


def _line(x1, y1, x2, y2, colour=RULE, width=1, dash=""):
    return format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{}/>',
        _n(x1),
        _n(y1),
        _n(x2),
        _n(y2),
        colour,
        width,
        format_html(' stroke-dasharray="{}"', dash) if dash else "",
    )


def _n(value):
    """Coordinates with at most one decimal and a dot, whatever the active locale."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _marker(shape, x, y, colour, size=5):
    if shape == "square":
        return format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
            _n(x - size),
            _n(y - size),
            _n(2 * size),
            _n(2 * size),
            colour,
        )
    if shape == "triangle":
        return format_html(
            '<polygon points="{},{} {},{} {},{}" fill="{}"/>',
            _n(x),
            _n(y - size - 1),
            _n(x - size - 1),
            _n(y + size),
            _n(x + size + 1),
            _n(y + size),
            colour,
        )
    if shape == "diamond":
        return format_html(
            '<polygon points="{},{} {},{} {},{} {},{}" fill="{}"/>',
            _n(x),
            _n(y - size - 1),
            _n(x + size + 1),
            _n(y),
            _n(x),
            _n(y + size + 1),
            _n(x - size - 1),
            _n(y),
            colour,
        )
    return format_html('<circle cx="{}" cy="{}" r="{}" fill="{}"/>', _n(x), _n(y), _n(size), colour)


# --- Horizontal grouped bars (categories × series) ---------------------------------------------------------------


def bar_chart(chart, labels, series):
    """One group of horizontal bars per label (e.g. a category), one bar per series, on a 0–100 scale."""
    width, left, right, top = 680, 190, 640, 30
    bar, gap, group_gap = 12, 3, 16
    group_height = len(series) * (bar + gap) + group_gap
    height = top + len(labels) * group_height + 10
    scale = (right - left) / 100
    fills = [BAR_FILLS[position % len(BAR_FILLS)] for position in range(len(series))]
    parts = []
    for tick in range(0, 101, 25):
        x = left + tick * scale
        parts.append(_line(x, top - 6, x, height - 10))
        parts.append(_text(x, top - 12, number(tick, 0), anchor="middle", size=12, colour=MUTED))
    for index, label in enumerate(labels):
        y0 = top + index * group_height
        parts.append(_text(left - 10, y0 + (group_height - group_gap) / 2 + 4, label, anchor="end", weight="600"))
        for position, item in enumerate(series):
            value = item.values[index]
            if value is None:
                continue
            y = y0 + position * (bar + gap)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" data-series="{}"/>',
                    _n(left),
                    _n(y),
                    _n(max(value * scale, 1)),
                    bar,
                    fills[position],
                    position,
                )
            )
            parts.append(_text(left + value * scale + 4, y + bar - 2, number(value), size=12))
    parts.append(_line(left, top - 6, left, height - 10, colour=MUTED))
    chart.svg = _svg(chart, width, height, _join(parts))
    # Bars: the legend shows plain squares in the bar's fill, whatever marker and colour the series has in a line chart.
    chart.legend = [
        replace(item, colour=fill, marker="square", dash="") for item, fill in zip(series, fills, strict=True)
    ]
    return chart


# --- Lines over rounds ------------------------------------------------------------------------------------------


def line_chart(chart, x_labels, series):
    """One line per series over the rounds (x) on a 0–100 scale; a missing value breaks the line."""
    width, left, right, top, bottom = 680, 50, 650, 20, 250
    height = bottom + 40
    step = (right - left) / max(len(x_labels) - 1, 1)

    def x_at(index):
        return left + index * step if len(x_labels) > 1 else (left + right) / 2

    def y_at(value):
        return bottom - value * (bottom - top) / 100

    parts = []
    for tick in range(0, 101, 20):
        parts.append(_line(left, y_at(tick), right, y_at(tick)))
        parts.append(_text(left - 8, y_at(tick) + 4, number(tick, 0), anchor="end", size=12, colour=MUTED))
    for index, label in enumerate(x_labels):
        parts.append(_text(x_at(index), bottom + 22, label, anchor="middle", size=12))
    for item in series:
        segment = []
        segments = [segment]
        for index, value in enumerate(item.values):
            if value is None:
                segment = []
                segments.append(segment)
            else:
                segment.append((x_at(index), y_at(value)))
        for run in segments:
            if len(run) > 1:
                parts.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"{}/>',
                        " ".join(f"{_n(x)},{_n(y)}" for x, y in run),
                        item.colour,
                        format_html(' stroke-dasharray="{}"', item.dash) if item.dash else "",
                    )
                )
            for x, y in run:
                parts.append(_marker(item.marker, x, y, item.colour))
    parts.append(_line(left, bottom, right, bottom, colour=MUTED))
    chart.svg = _svg(chart, width, height, _join(parts))
    chart.legend = list(series)
    return chart


# --- Histogram --------------------------------------------------------------------------------------------------


def histogram(chart, counts):
    """Vertical bars for ten 10-point bins (0–10, …, 90–100) with the count above each bar."""
    width, left, right, top, bottom = 680, 40, 660, 20, 220
    height = bottom + 40
    highest = max(max(counts, default=0), 1)
    slot = (right - left) / len(counts)
    parts = [_line(left, bottom, right, bottom, colour=MUTED)]
    for index, count in enumerate(counts):
        x = left + index * slot
        bar_height = count * (bottom - top - 16) / highest
        if count:
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                    _n(x + 4),
                    _n(bottom - bar_height),
                    _n(slot - 8),
                    _n(bar_height),
                    NAVY,
                )
            )
        parts.append(_text(x + slot / 2, bottom - bar_height - 5, str(count), anchor="middle", size=12))
        parts.append(_text(x + slot / 2, bottom + 18, f"{index * 10}–{index * 10 + 10}", anchor="middle", size=12))
    chart.svg = _svg(chart, width, height, _join(parts))
    return chart


# --- Quadrant (two dimensions) ----------------------------------------------------------------------------------


def quadrant(chart, x_label, y_label, points_, reference=None):
    """Points on two 0–100 axes; the reference (e.g. group-wide) draws the dividing lines.

    points_: [(Series, x, y)] with one value each."""
    size, left, top = 300, 70, 20
    width, height = left + size + 30, top + size + 60

    def x_at(value):
        return left + value * size / 100

    def y_at(value):
        return top + size - value * size / 100

    parts = [
        format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{}"/>', left, top, size, size, MUTED
        )
    ]
    for tick in range(0, 101, 25):
        parts.append(_text(x_at(tick), top + size + 18, number(tick, 0), anchor="middle", size=12, colour=MUTED))
        parts.append(_text(left - 6, y_at(tick) + 4, number(tick, 0), anchor="end", size=12, colour=MUTED))
    if reference is not None:
        ref_x, ref_y = reference
        parts.append(_line(x_at(ref_x), top, x_at(ref_x), top + size, colour=MUTED, dash="4 3"))
        parts.append(_line(left, y_at(ref_y), left + size, y_at(ref_y), colour=MUTED, dash="4 3"))
    for item, x, y in points_:
        parts.append(_marker(item.marker, x_at(x), y_at(y), item.colour, size=7))
    parts.append(_text(left + size / 2, top + size + 42, x_label, anchor="middle", weight="600"))
    parts.append(
        format_html(
            '<text x="{}" y="{}" text-anchor="middle" font-size="13" font-weight="600" fill="{}" '
            'transform="rotate(-90 {} {})" ' + FONT + ">{}</text>",
            18,
            _n(top + size / 2),
            TEXT,
            18,
            _n(top + size / 2),
            y_label,
        )
    )
    chart.svg = _svg(chart, width, height, _join(parts))
    chart.legend = [item for item, _x, _y in points_]
    return chart
