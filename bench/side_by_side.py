"""`make bench-side-by-side`: the demo (35 posts) and BENCH_SCALE=large (500 posts) served at the same time, each by
its own gunicorn (2 workers) over its own database and Redis, with wrk load on one and then the other, URL by URL.

Two `make bench` runs minutes apart differ by more than the 10 % the issue allows (the machine drifts, and whatever
ran just before still echoes), even though each reports its share of a bare view. Here every round measures both
scales back to back, in alternating order, so drift and echoes fall on both alike; the report gives each URL's
median requests/s at both scales and the median of the rounds' ratios (large / demo). A page is "flat" when that
ratio is at least 0.90.

    DATABASE_URL                PostgreSQL for the demo scale (created if missing)
    BENCH_LARGE_DATABASE_URL    PostgreSQL for the large scale (default: DATABASE_URL's database name + "_large")
    REDIS_URL                   Redis for the demo scale; the large scale uses the next database number
    BENCH_URLS, BENCH_ROUNDS, BENCH_SECONDS   as for `make bench` (defaults bench/urls-scale.txt, 6, 4)

Only ever talks to 127.0.0.1. Writes bench/results/latest-side-by-side.txt.
"""

import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
LUA = str(ROOT / "bench" / "report.lua")
RESULTS = ROOT / "bench" / "results"
FLAT = 0.90
BENCH_LINE = re.compile(r"^BENCH requests=\d+ rps=([\d.]+) p50_ms=[\d.]+ p95_ms=([\d.]+) non2xx=(\d+)", re.M)


def fail(message):
    sys.exit(f"bench: {message}")


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def environment(database_url, redis_url):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="arena.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        SECURE_HSTS_SECONDS="0",
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        LOG_LEVEL=os.environ.get("LOG_LEVEL", "WARNING"),
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
    )
    return env


def ensure_database(url):
    name = conninfo_to_dict(url).get("dbname")
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as error:
        if not name or "does not exist" not in str(error):
            fail(str(error).strip().splitlines()[0])
        with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def run(env, *command, log):
    if subprocess.run(command, env=env, cwd=ROOT, stdout=log, stderr=log).returncode != 0:
        fail(f"{' '.join(command)} misslyckades (logg: {log.name})")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base, server):
    for _attempt in range(60):
        if server.poll() is not None:
            fail("gunicorn avslutades under starten")
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    fail(f"{base}/healthz svarade inte inom 30 s")


def read_urls(path):
    """[(path, e-mail or None)] from a `make bench` URL file."""
    entries, user = [], None
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line == "@":
            user = None
        elif line.startswith("@"):
            user = line[1:]
        elif line.startswith("/"):
            entries.append((line, user))
        else:
            fail(f"{path}: '{line}' är ingen sökväg")
    return entries


class Scale:
    def __init__(self, name, database_url, redis_url, log):
        self.name, self.log = name, log
        self.env = environment(database_url, redis_url)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = None
        self.cookies = {}

    def prepare(self, grow):
        ensure_database(self.env["DATABASE_URL"])
        run(self.env, PY, "manage.py", "collectstatic", "--noinput", "-v", "0", log=self.log)
        run(self.env, PY, "manage.py", "migrate", "--noinput", "-v", "0", log=self.log)
        run(self.env, PY, "manage.py", "seed_demo", log=self.log)
        if grow:
            run(self.env, PY, "-m", "bench", "scale", log=self.log)

    def start(self):
        command = [GUNICORN, "arena.wsgi:application", "-w", "2", "-b", f"127.0.0.1:{self.port}"]
        self.server = subprocess.Popen(
            [*command, "--log-level", "warning"], env=self.env, cwd=ROOT, stdout=self.log, stderr=self.log
        )
        wait_until_up(self.base, self.server)

    def cookie(self, email):
        if email and email not in self.cookies:
            result = subprocess.run(
                [PY, "-m", "bench", "session", email], env=self.env, cwd=ROOT, capture_output=True, text=True
            )
            if result.returncode != 0:
                fail(f"kunde inte logga in som {email}: {result.stderr.strip()}")
            self.cookies[email] = result.stdout.strip()
        return self.cookies.get(email)

    def drive(self, path, email, seconds):
        """(requests/s, p95 ms, non-2xx) of one wrk run."""
        headers = ["-H", f"Cookie: {self.cookie(email)}"] if email else []
        command = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--timeout", "10s", *headers, "-s", LUA, self.base + path]
        output = subprocess.run(command, capture_output=True, text=True).stdout
        match = BENCH_LINE.search(output)
        if match is None:
            fail(f"wrk gav inget resultat för {self.base + path}: {output.strip()[-300:]}")
        # Requests wrk left queued in gunicorn would still run during the next load: wait them out.
        urllib.request.urlopen(f"{self.base}/healthz", timeout=120)
        return float(match[1]), float(match[2]), int(match[3])

    def stop(self):
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            self.server.wait(timeout=30)


def large_database_url(url):
    parts = urlsplit(url)
    return parts._replace(path=parts.path.rstrip("/") + "_large").geturl()


def next_redis_url(url):
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0) + 1
    return parts._replace(path=f"/{number}").geturl()


def measure(demo, large, entries, rounds, seconds):
    rows = []
    for path, email in entries:
        who = email.split("@")[0] if email else "-"
        say(f"bench: {rounds} x ({seconds}s demo, {seconds}s large) {path} ({who})")
        for scale in (demo, large):
            scale.drive(path, email, 1)  # warm: page cache, routes, fragments, this process's copies
        results = {"demo": [], "large": []}
        ratios, non2xx = [], 0
        for number in range(rounds):
            order = (demo, large) if number % 2 == 0 else (large, demo)
            measured = {scale.name: scale.drive(path, email, seconds) for scale in order}
            for name, (rps, p95, bad) in measured.items():
                results[name].append((rps, p95))
                non2xx += bad
            ratios.append(measured["large"][0] / measured["demo"][0])
        ratio = statistics.median(ratios)
        rows.append(
            (
                path,
                who,
                statistics.median(rps for rps, _p95 in results["demo"]),
                statistics.median(rps for rps, _p95 in results["large"]),
                statistics.median(p95 for _rps, p95 in results["demo"]),
                statistics.median(p95 for _rps, p95 in results["large"]),
                ratio,
                non2xx,
            )
        )
    return rows


def report(rows, rounds, seconds, load_at_start, urls_file):
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    changed = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", ".", ":(exclude)bench/results"], cwd=ROOT)
    local_changes = " (+ local changes)" if changed.returncode != 0 else ""
    width = max(len(row[0]) for row in rows)
    lines = [
        f"Kunskapsarenan benchmark, demo and large side by side, {datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}",
        f"commit:   {commit.stdout.strip() or 'unknown'}{local_changes}",
        "server:   two gunicorns (-w 2 each) on 127.0.0.1, arena.settings.production: demo (35 posts) and large "
        "(500 posts, 200 projects and documents, 5 maturity rounds)",
        f"machine:  {os.cpu_count()} CPUs, load average at the start {load_at_start}, at the end {load_average()}",
        f"load:     wrk -t2 -c16 -d{seconds}s, {rounds} rounds of both back to back in alternating order; medians",
        f"urls:     {urls_file}",
        f"flat:     the median of the rounds' large/demo ratios is at least {FLAT:.2f}",
        "",
        f"{'URL':<{width}} | {'as':<11} | {'demo req/s':>10} | {'large req/s':>11} | {'demo p95':>8} | "
        f"{'large p95':>9} | {'ratio':>5} | flat | non-2xx",
    ]
    lines.append("-" * len(lines[-1]))
    for path, who, demo_rps, large_rps, demo_p95, large_p95, ratio, bad in rows:
        lines.append(
            f"{path:<{width}} | {who:<11} | {demo_rps:>10.1f} | {large_rps:>11.1f} | {demo_p95:>8.2f} | "
            f"{large_p95:>9.2f} | {ratio:>5.2f} | {'yes' if ratio >= FLAT else 'no':<4} | {bad:>7}"
        )
    return "\n".join(lines) + "\n"


def load_average():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main():
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        fail("DATABASE_URL måste peka på PostgreSQL (två databaser skapas: namnet och namnet + _large).")
    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url.startswith("redis://"):
        fail("REDIS_URL måste peka på Redis (skalorna använder databasnumret och nästa).")
    urls_file = os.environ.get("BENCH_URLS", "bench/urls-scale.txt")
    rounds = int(os.environ.get("BENCH_ROUNDS", "6"))
    seconds = int(os.environ.get("BENCH_SECONDS", "4"))
    if not (1 <= rounds <= 99 and 1 <= seconds <= 600):
        fail("BENCH_ROUNDS ska vara 1–99 och BENCH_SECONDS 1–600.")
    entries = read_urls(ROOT / urls_file)
    RESULTS.mkdir(parents=True, exist_ok=True)
    load_at_start = load_average()
    with open(RESULTS / "side-by-side-setup.log", "w") as log:
        demo = Scale("demo", database_url, redis_url, log)
        large_url = os.environ.get("BENCH_LARGE_DATABASE_URL") or large_database_url(database_url)
        large = Scale("large", large_url, next_redis_url(redis_url), log)
        say("bench: förbereder demo och large (migrate, seed_demo, scale)")
        demo.prepare(grow=False)
        large.prepare(grow=True)
        try:
            demo.start()
            large.start()
            rows = measure(demo, large, entries, rounds, seconds)
        finally:
            demo.stop()
            large.stop()
    text = report(rows, rounds, seconds, load_at_start, urls_file)
    (RESULTS / "latest-side-by-side.txt").write_text(text, encoding="utf-8")
    say("\n" + text)


if __name__ == "__main__":
    main()
