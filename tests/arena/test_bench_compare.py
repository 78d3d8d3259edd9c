"""`python -m bench compare`: two bench reports side by side, each row's share of the bare view in both runs."""

from bench.compare import compare, read_report

REPORT = """Kunskapsarenan benchmark 2026-12-03 19:00:00 +0000
scale:    {scale}

URL       | as          |     req/s |   p50 ms |   p95 ms | queries | bare req/s | % of bare | non-2xx
-----------------------------------------------------------------------------------------------------
/         | -           |     800.0 |    17.00 |    36.00 |       0 |    1000.0 |   {home} % |       0
/bloggar/ | medarbetare |      50.0 |    90.00 |   120.00 |       4 |    1000.0 |    {blogs} % |       0
/mognad/  | analytiker  |   wrk fel |        - |        - |       5 |         - |         - |       -
"""


def write(tmp_path, name, **values):
    path = tmp_path / name
    path.write_text(REPORT.format(**values), encoding="utf-8")
    return path


def test_a_report_is_read_by_url_and_user(tmp_path):
    scale, rows = read_report(write(tmp_path, "demo.txt", scale="demo", home="80.0", blogs="5.0"))
    assert scale == "demo"
    assert rows == {("/", "-"): (80.0, "0"), ("/bloggar/", "medarbetare"): (5.0, "4")}


def test_rows_within_ten_percent_are_flat(tmp_path):
    small = write(tmp_path, "demo.txt", scale="demo", home="80.0", blogs="5.0")
    large = write(tmp_path, "large.txt", scale="large", home="74.0", blogs="4.4")
    lines = compare(small, large)
    home = next(line for line in lines if line.startswith("/ "))
    blogs = next(line for line in lines if line.startswith("/bloggar/"))
    assert home.endswith("| yes")  # 74 / 80 = 0.925
    assert blogs.endswith("| no")  # 4.4 / 5 = 0.88
    assert "0.88" in blogs
