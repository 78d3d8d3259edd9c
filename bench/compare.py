"""Compare two `make bench` reports row by row, e.g. the demo scale against BENCH_SCALE=large.

Each report's "% of bare" is already relative to the bare view measured in its own run, so two runs minutes apart
on a drifting machine can still be compared: a page whose work does not grow with the content keeps its share.
A row is "flat" when the larger run's share is within TOLERANCE of the smaller run's (the issue's contract for
signed-in /bloggar/ with 500 posts against 35).
"""

from pathlib import Path

TOLERANCE = 0.10


def read_report(path):
    """{(url, as): (share in percent, queries)} and the report's scale, from a bench/results/*.txt table."""
    rows = {}
    scale = "?"
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("scale:"):
            scale = line.split(":", 1)[1].strip()
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) != 9 or not cells[0].startswith("/"):
            continue
        share = cells[7].rstrip("% ").strip()
        try:
            rows[(cells[0], cells[1])] = (float(share), cells[5])
        except ValueError:
            continue  # a row wrk could not measure
    return scale, rows


def compare(small_path, large_path):
    """The comparison table as lines of text."""
    small_scale, small = read_report(small_path)
    large_scale, large = read_report(large_path)
    common = [key for key in small if key in large]
    width = max([len(url) for url, _who in common] + [3])
    lines = [
        f"{small_scale} ({small_path}) against {large_scale} ({large_path}); flat = within {TOLERANCE:.0%}",
        f"{'URL':<{width}} | {'as':<11} | {small_scale + ' %':>9} | {large_scale + ' %':>9} | {'ratio':>6} | flat",
    ]
    for key in common:
        (small_share, _q), (large_share, _q2) = small[key], large[key]
        ratio = large_share / small_share if small_share else 0.0
        flat = "yes" if ratio >= 1 - TOLERANCE else "no"
        lines.append(
            f"{key[0]:<{width}} | {key[1]:<11} | {small_share:>8.1f}% | {large_share:>8.1f}% | {ratio:>6.2f} | {flat}"
        )
    return lines
