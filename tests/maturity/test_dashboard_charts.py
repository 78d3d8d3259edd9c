"""The SVG charts on their own: Swedish number formats, bins, escaping, gaps in lines and the accessible name
of every chart (the primitives in maturity.charts.svg, the builders in maturity.charts.dashboard)."""

import pytest
from django.utils import translation

from maturity.charts import dashboard, formats
from maturity.charts import svg as primitives


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


def chart(chart_id="test"):
    table = primitives.DataTable(caption="Tabell", column_headers=["A", "B"], rows=[("x", ["1"])])
    return primitives.Chart(id=chart_id, title="Titel <b>", description="Beskrivning & mer", summary="", table=table)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(52.3, "52,3\u00a0%"), (52.29999999, "52,3\u00a0%"), (47.75, "47,8\u00a0%"), (0, "0,0\u00a0%"), (None, "–")],
)
def test_percent_in_swedish(value, expected):
    assert formats.percent(value) == expected


@pytest.mark.parametrize(("change", "expected"), [(5.5, "+5,5"), (-2.0, "\u22122,0"), (-0.04, "0,0"), (None, "–")])
def test_percentage_points_carry_their_sign(change, expected):
    assert formats.points(change) == expected


def test_histogram_bins_put_100_in_the_last_bin():
    assert dashboard.histogram_bins([0, 9.99, 10, 55, 99.9, 100]) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    assert dashboard.bin_labels()[0] == "0–10" and dashboard.bin_labels()[-1] == "90–100"


def test_svg_is_named_by_title_and_desc_and_escapes_text():
    svg = str(primitives.bar_chart(chart(), ["<script>alert(1)</script>"], [primitives.Series("S & T", [50.0])]).svg)
    assert 'role="img" aria-labelledby="test-title test-desc"' in svg
    assert '<title id="test-title">Titel &lt;b&gt;</title>' in svg
    assert '<desc id="test-desc">Beskrivning &amp; mer</desc>' in svg
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    # Coordinates keep a decimal point whatever the locale; the value label uses a decimal comma.
    assert 'width="225"' in svg
    assert ">50,0</text>" in svg


def test_line_chart_breaks_at_missing_values():
    series = primitives.Series("Org", [40.0, None, 50.0, 55.0])
    svg = str(primitives.line_chart(chart(), ["2018", "2019", "2020", "2021"], [series]).svg)
    assert svg.count("<polyline") == 1  # 2020–2021 only: the lone 2018 point has a marker, no line
    assert svg.count("<circle") == 3


def test_each_national_source_is_its_own_series():
    class Source:
        def __init__(self, source, values):
            self.source, self._values = source, values

        def score(self, round_id, category_id=None):
            return self._values.get(round_id)

    national = [Source("Rapport A", {1: 50.0}), Source("Rapport B", {2: 47.0}), Source("Rapport C", {})]
    series = dashboard._national_series(national, lambda source: [source.score(1), source.score(2)])
    assert [item.label for item in series] == ["Nationellt (Rapport A)", "Nationellt (Rapport B)"]
    assert series[0].values == [50.0, None] and series[1].values == [None, 47.0]
    assert series[0].dash != series[1].dash


def test_legend_swatch_is_decorative():
    swatch = str(primitives.Series("Hela staden", [1.0], dash="6 4").swatch)
    assert 'aria-hidden="true"' in swatch and 'stroke-dasharray="6 4"' in swatch


def test_sources_lose_their_addresses_but_are_never_cut_short():
    source = "Göteborgs universitet/SCDI, Statusrapport 2022 (https://www.adda.se/a ; https://example.org/b)"
    assert dashboard.short_source(source) == "Göteborgs universitet/SCDI, Statusrapport 2022"
    assert dashboard.short_source("Rapport") == "Rapport"
    assert dashboard.short_source("x" * 80) == "x" * 80


def test_adjacent_bars_differ_in_lightness_by_three_to_one():
    """Neighbouring bar fills (and the last against the first, as the cycle wraps) and every fill against white."""

    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a, b):
        low, high = sorted([luminance(a), luminance(b)])
        return (high + 0.05) / (low + 0.05)

    fills = primitives.BAR_FILLS
    for left, right in zip(fills, fills[1:] + fills[:1], strict=True):
        assert contrast(left, right) >= 3, (left, right)
    for fill in fills:
        assert contrast(fill, "#ffffff") >= 3, fill


def test_charts_keep_their_minimum_width_by_class_not_inline_style():
    """The site's Content-Security-Policy blocks style attributes: each drawing's minimum width is a class, and the
    style sheet defines every class the drawings use."""
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "maturity.css").read_text()
    series = [primitives.Series("S", [50.0])]
    drawings = {
        "chart__svg--680": primitives.bar_chart(chart(), ["A"], series).svg,
        "chart__svg--400": primitives.quadrant(chart(), "X", "Y", [(series[0], 40.0, 60.0)]).svg,
    }
    for css_class, svg in drawings.items():
        assert "style=" not in str(svg)
        assert f'class="chart__svg {css_class}"' in str(svg)
    for width, css_class in primitives.MIN_WIDTH_CLASSES.items():
        assert f".{css_class} {{\n    min-width: {width}px;\n}}" in css
