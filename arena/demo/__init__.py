"""Demo content for `manage.py seed_demo`. Apps add theirs through the arena.hooks.SEED_DEMO hook."""
