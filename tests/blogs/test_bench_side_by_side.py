"""The side-by-side bench's own logic (bench/side_by_side.py): where the large scale lives, what it reads from the URL
file and from wrk, and how the report decides "flat". The load itself only runs in `make bench-side-by-side`."""

import pytest

from bench import side_by_side
from bench.side_by_side import BENCH_LINE, large_database_url, next_redis_url, read_urls, report


def test_the_large_scale_gets_a_database_and_a_redis_database_of_its_own():
    assert large_database_url("postgres://postgres@127.0.0.1:5432/arena_bench") == (
        "postgres://postgres@127.0.0.1:5432/arena_bench_large"
    )
    assert next_redis_url("redis://127.0.0.1:6379/3") == "redis://127.0.0.1:6379/4"
    assert next_redis_url("redis://127.0.0.1:6379") == "redis://127.0.0.1:6379/1"


def test_the_url_file_gives_paths_with_the_user_named_above_them(tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text("# comment\n/robots.txt\n@medarbetare@kunskapsarenan.local\n/bloggar/  # staff\n@\n/\n")
    assert read_urls(urls) == [("/robots.txt", None), ("/bloggar/", "medarbetare@kunskapsarenan.local"), ("/", None)]


def test_a_line_that_is_not_a_path_stops_the_bench(tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text("http://example.com/\n")
    with pytest.raises(SystemExit):
        read_urls(urls)


def test_wrk_reports_are_read_from_the_lua_line():
    output = "Running 4s test\nBENCH requests=1400 rps=350.2 p50_ms=41.26 p95_ms=58.23 non2xx=0 socket_errors=0\n"
    match = BENCH_LINE.search(output)
    assert (float(match[1]), float(match[2]), int(match[3])) == (350.2, 58.23, 0)


def test_a_page_is_flat_when_the_median_ratio_is_at_least_ninety_percent():
    rows = [
        ("/bloggar/", "medarbetare", 350.0, 340.0, 58.0, 60.0, 0.97, 0),
        ("/mognad/", "analytiker", 300.0, 240.0, 60.0, 75.0, 0.80, 0),
    ]
    text = report(rows, rounds=6, seconds=4, load_at_start="0.10 0.20 0.30", urls_file="bench/urls-scale.txt")
    lines = {line.split("|")[0].strip(): line for line in text.splitlines() if line.startswith("/")}
    assert lines["/bloggar/"].split("|")[7].strip() == "yes"
    assert lines["/mognad/"].split("|")[7].strip() == "no"
    assert f"at least {side_by_side.FLAT:.2f}" in text
