"""Benchmark helpers (`make bench`): the shell scripts drive the load, the Python modules here prepare what needs
Django. Run them from the repository root as `python -m bench COMMAND` (see __main__.py); the site never
imports this package."""


class BenchError(Exception):
    """A helper cannot do what it was asked; the message is for the person running the benchmark."""
