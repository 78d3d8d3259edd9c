"""The conference in the Wagtail admin (one "Mötesplats" menu group with the viewsets of conferences.admin) and
its answers to arena's hooks."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from arena import hooks as arena_hooks
from conferences import home, linkable, open_data, related, search
from conferences.admin.viewsets import ConferenceViewSetGroup
from conferences.demo import seed
from conferences.registration import audit

register_snippet(ConferenceViewSetGroup)


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    for action, formatter in audit.FORMATTERS.items():
        actions.register_action(action)(formatter)


# --- Plug-in points of arena (arena/hooks.py) ----------------------------------------------------------------------
hooks.register(arena_hooks.HOME_SECTIONS, home.conference_section, order=15)
hooks.register(arena_hooks.SEED_DEMO, seed.seed_conference_demo, order=20)
hooks.register(arena_hooks.RELATED_CONTENT, related.related_sessions, order=20)
hooks.register(arena_hooks.CONTENT_VERSION, related.sessions_version, order=20)
hooks.register(arena_hooks.LINKABLE_CONTENT, linkable.linkable_sessions, order=20)
hooks.register(arena_hooks.LINKABLE_CONTENT, linkable.linkable_recordings, order=21)
hooks.register(arena_hooks.SEARCH_SOURCES, search.search_hits, order=30)
hooks.register(arena_hooks.OPEN_DATASETS, open_data.programmes_dataset, order=20)
