#!/usr/bin/env python
"""Django's command-line utility for Kunskapsarenan."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "arena.settings.dev")
    from django.core.management import execute_from_command_line

    from arena.settings.env import ConfigurationError

    try:
        execute_from_command_line(sys.argv)
    except ConfigurationError as error:
        # A misconfigured environment is an operator's mistake, not a bug: one line, no traceback.
        sys.exit(f"Konfigurationsfel: {error}")


if __name__ == "__main__":
    main()
