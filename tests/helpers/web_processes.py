"""Real web processes for the scale-out tests: gunicorn from the project's virtualenv with the production settings,
one sync worker each on a free local port, all sharing one database, one Redis and one media bucket.

Each process is stopped (and its database connections with it) when the context ends; its log is shown when it did not
come up, so a configuration error reads as one line instead of a timeout.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"
START_SECONDS = 90


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(**overrides):
    """The environment of a production web process on this machine: arena.settings.production, plain HTTP on
    127.0.0.1 (no HTTPS redirect, cookies without Secure), Celery tasks run in the request; `overrides` add the
    shared services (DATABASE_URL, REDIS_URL, AWS_* …)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "DJANGO_", "AWS_", "DATABASE_", "REDIS_", "CELERY_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="arena.settings.production",
        SECRET_KEY="scale-out-test-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        PAGE_CACHE_SECONDS="300",
        PUBLIC_BASE_URL="http://127.0.0.1",
        CELERY_TASK_ALWAYS_EAGER="true",
    )
    environment.update(overrides)
    return environment


def manage(environment, *args, timeout=180):
    """`manage.py <args>` in a subprocess with `environment`; fails the test with its output when it fails."""
    done = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _wait_until_up(process, url, log):
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if requests.get(f"{url}/healthz", timeout=5).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass  # not listening yet, or the worker is still importing the site
        time.sleep(0.3)
    raise AssertionError(f"gunicorn at {url} did not come up:\n{log.read_text(errors='replace')[-4000:]}")


def _start_gunicorn(environment, log):
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(GUNICORN), "arena.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    return process, f"http://127.0.0.1:{port}"


def _stop(processes):
    # Gunicorn's quick shutdown (SIGINT), all at once: the test's requests are over, nothing is left to finish.
    for process in processes:
        process.send_signal(signal.SIGINT)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def web_processes(count, environment, log_dir):
    """`count` gunicorn processes started side by side; yields their base URLs once every one answers /healthz."""
    logs = [Path(log_dir) / f"web-{n}.log" for n in range(count)]
    started = []
    try:
        for log in logs:
            started.append(_start_gunicorn(environment, log))
        for (process, url), log in zip(started, logs, strict=True):
            _wait_until_up(process, url, log)
        yield [url for _process, url in started]
    finally:
        _stop([process for process, _url in started])
