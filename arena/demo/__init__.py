"""Demo content for `manage.py seed_demo`. Other apps add theirs with @demo_seeder (run after arena's)."""

_seeders = []


def demo_seeder(func):
    if func not in _seeders:
        _seeders.append(func)
    return func


def registered_seeders():
    return list(_seeders)
