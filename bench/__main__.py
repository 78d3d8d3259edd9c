"""python -m bench COMMAND: the benchmark helpers that need Django.

    python -m bench maturity-import [--rows N] [--format csv|xlsx] [--max-seconds S]
    python -m bench session EMAIL [--minutes M]
    python -m bench queries < "PATH [COOKIE]" lines
    python -m bench scale
    python -m bench compare SMALL_REPORT LARGE_REPORT

Like manage.py they read DJANGO_SETTINGS_MODULE (default: the dev settings) and DATABASE_URL. Django is set up
before the helpers are imported, since they use its models.
"""

import argparse
import os
import sys

import django

from bench import BenchError


def parser():
    main = argparse.ArgumentParser(prog="python -m bench", description="Benchmark helpers that need Django.")
    commands = main.add_subparsers(dest="command", required=True)
    importing = commands.add_parser(
        "maturity-import",
        help="Generate an answers file (default 100,000 rows), import it in a rolled-back transaction and time it.",
    )
    importing.add_argument("--rows", type=int, default=100_000)
    importing.add_argument("--format", dest="file_format", choices=["csv", "xlsx"], default="csv")
    importing.add_argument(
        "--max-seconds", type=float, default=None, help="Exit with an error when the import takes longer."
    )
    session = commands.add_parser(
        "session", help="Create a logged-in session for a user and print it as name=value for a Cookie header."
    )
    session.add_argument("email", help="The user's e-mail address.")
    session.add_argument("--minutes", type=int, default=60, help="How long the session lasts (1–1440, default 60).")
    commands.add_parser(
        "queries",
        help="Read lines 'PATH [COOKIE]' (COOKIE as printed by `session`) from standard input and print, for each, "
        "the database queries of a warm request and its status code.",
    )
    comparing = commands.add_parser(
        "compare", help="Compare two reports (e.g. bench/results/latest-demo.txt and latest-large.txt) row by row."
    )
    comparing.add_argument("small", help="The report of the smaller run.")
    comparing.add_argument("large", help="The report of the larger run.")
    commands.add_parser(
        "scale", help="Grow the demo to BENCH_SCALE=large: 500 posts, 200 projects and documents, 5 maturity rounds."
    )
    return main


def run(args, out):
    """Write the command's result to out; raises BenchError when it cannot be done or is too slow."""
    from django.utils.translation import gettext as _

    if args.command == "session":
        from bench.session import create_session

        out.write(create_session(args.email, args.minutes) + "\n")
        return
    if args.command == "queries":
        from bench.queries import count_queries

        for line in sys.stdin:
            path, _space, cookie = line.strip().partition(" ")
            if path:
                queries, status = count_queries(path, cookie.strip())
                out.write(f"{queries} {status}\n")
                out.flush()
        return
    if args.command == "compare":
        from bench.compare import compare

        out.write("\n".join(compare(args.small, args.large)) + "\n")
        return
    if args.command == "scale":
        from bench.scale import scale_up

        out.write("\n".join(scale_up()) + "\n")
        return
    from bench.maturity_import import run_import_bench, summary

    if args.rows < 1:
        raise BenchError(_("--rows must be at least 1."))
    result = run_import_bench(rows=args.rows, file_format=args.file_format)
    out.write(summary(result) + "\n")
    if args.max_seconds is not None and result.seconds > args.max_seconds:
        raise BenchError(
            _("The import took %(seconds).2f s, more than --max-seconds %(limit)s.")
            % {"seconds": result.seconds, "limit": args.max_seconds}
        )


def main(argv=None, out=None):
    args = parser().parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "arena.settings.dev")
    django.setup()
    try:
        run(args, out or sys.stdout)
    except BenchError as exc:
        sys.exit(f"bench: {exc}")


if __name__ == "__main__":
    main()
