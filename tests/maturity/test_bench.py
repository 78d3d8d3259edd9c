"""The benchmark helpers in bench/ (`python -m bench ...`, run by `make bench`): the maturity import benchmark
leaves nothing behind, and the session helper prints a cookie that logs the user in."""

import io
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user, get_user_model
from django.test import RequestFactory

from bench import BenchError
from bench.__main__ import main
from bench.maturity_import import BENCH_ROUND_YEAR, run_import_bench
from bench.session import create_session
from maturity.models import Response, Round

pytestmark = pytest.mark.django_db


def test_the_import_benchmark_leaves_nothing_behind(forvaltning):
    result = run_import_bench(rows=500)
    assert result.rows == 500 and result.seconds > 0 and result.organisations >= 40
    assert not Round.objects.filter(year=BENCH_ROUND_YEAR).exists()
    assert not Response.objects.exists()


def test_the_import_command_prints_one_line_and_fails_when_too_slow(forvaltning):
    out = io.StringIO()
    main(["maturity-import", "--rows", "200"], out=out)
    assert out.getvalue().startswith("maturity import: 200 rows (csv, ")
    with pytest.raises(SystemExit, match="bench: Importen tog .* s, mer än --max-seconds 0.0"):
        main(["maturity-import", "--rows", "200", "--max-seconds", "0"], out=io.StringIO())
    with pytest.raises(SystemExit, match="bench: --rows måste vara minst 1."):
        main(["maturity-import", "--rows", "0"], out=io.StringIO())
    assert not Round.objects.filter(year=BENCH_ROUND_YEAR).exists()


def test_session_prints_a_cookie_that_logs_the_user_in():
    user = get_user_model().objects.create_user("bench-analytiker", email="bench.analytiker@example.org")
    out = io.StringIO()
    main(["session", "Bench.Analytiker@example.org"], out=out)
    name, _, key = out.getvalue().strip().partition("=")
    assert name == "sessionid" and key
    request = RequestFactory().get("/")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore(key)
    assert get_user(request) == user


def test_session_refuses_unknown_addresses_and_bad_lifetimes():
    get_user_model().objects.create_user("bench-analytiker", email="bench.analytiker@example.org")
    with pytest.raises(BenchError, match="Ingen aktiv användare har e-postadressen nobody@example.org."):
        create_session("nobody@example.org")
    with pytest.raises(BenchError, match="--minutes måste vara mellan 1 och 1440."):
        create_session("bench.analytiker@example.org", minutes=0)
    with pytest.raises(SystemExit, match="bench: Ingen aktiv användare"):
        main(["session", "nobody@example.org"], out=io.StringIO())


def test_python_m_bench_lists_its_commands():
    root = Path(__file__).resolve().parents[2]
    listed = subprocess.run(
        [sys.executable, "-m", "bench", "--help"], cwd=root, capture_output=True, text=True, check=True
    )
    assert "maturity-import" in listed.stdout and "session" in listed.stdout
