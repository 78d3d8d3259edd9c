"""The bare Django view `make bench` measures the site against: the physical limit of this machine's gunicorn."""
