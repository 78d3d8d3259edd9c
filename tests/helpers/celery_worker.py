"""A real Celery worker in a thread, consuming from the real Redis broker, for tests of what happens between runs
(retries, countdowns)."""

import logging
import os
import uuid
from contextlib import contextmanager

from celery.contrib.testing.worker import start_worker


@contextmanager
def celery_worker():
    """Yields the name of a queue of its own that the worker consumes (send tasks there with queue=...), so a test
    never runs another test's tasks. Tasks are queued for the worker meanwhile, not run in the caller."""
    from arena.celery import app

    queue = f"test-{uuid.uuid4().hex}"
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    # Starting a worker sets up logging again (Celery's own setup, and django.setup() through Celery's Django
    # fixup), which replaces the root logger's handlers: pytest's log capture among them. Put them back.
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    # The worker would run Django's system checks first (10 s on a busy machine); the test run has its own.
    skip_checks = os.environ.get("CELERY_SKIP_CHECKS")
    os.environ["CELERY_SKIP_CHECKS"] = "1"
    try:
        with start_worker(app, perform_ping_check=False, queues=[queue], loglevel="WARNING", shutdown_timeout=15):
            root.handlers[:], root.level = handlers, level
            yield queue
    finally:
        root.handlers[:], root.level = handlers, level
        app.conf.task_always_eager = eager
        if skip_checks is None:
            os.environ.pop("CELERY_SKIP_CHECKS")
        else:
            os.environ["CELERY_SKIP_CHECKS"] = skip_checks
