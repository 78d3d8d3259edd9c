"""What the analysts (the arena-wide "Analytiker" group) may do with maturity data.

Granted on every migrate (post_migrate, see apps.py), so a fresh deploy, the demo seed and the test database
all get the same permissions without a separate step. Idempotent."""

from arena.roles import ANALYSTS, ensure_role_groups, model_permissions

ANALYST_PERMISSIONS = [
    ("maturity", "view_maturity_results"),  # every dashboard, every organisation
    ("maturity", "import_maturity_data"),
    ("maturity", "view_importjob"),
    ("maturity", "add_round"),
    ("maturity", "change_round"),
    ("maturity", "view_round"),
    ("maturity", "add_nationalreference"),
    ("maturity", "change_nationalreference"),
    ("maturity", "delete_nationalreference"),
    ("maturity", "view_nationalreference"),
    ("maturity", "view_maturitymodel"),
    # Rounds list their participating organisations.
    ("arena", "view_organisation"),
]


def grant_analyst_permissions():
    group = ensure_role_groups()[ANALYSTS]
    group.permissions.add(*model_permissions(ANALYST_PERMISSIONS))
    return group
