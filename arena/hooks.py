"""The names of arena's plug-in points. Apps answer them with Wagtail's hooks, in their own `wagtail_hooks.py`:

    from wagtail import hooks
    from arena import hooks as arena_hooks

    hooks.register(arena_hooks.PROVISION_ORGANISATION, provision_blog_space, order=10)

arena imports no app: it only calls `wagtail.hooks.get_hooks(NAME)`, which returns the registered functions
sorted by `order` (lowest first). docs/architecture.md lists who provides and who consumes each hook.
"""

# fn(organisation, groups) -> None. Adds an app's part to an organisation (groups: {"writer": Group, "editor":
# Group}). Runs inside provision_organisation's transaction on every save and must be idempotent.
PROVISION_ORGANISATION = "arena_provision_organisation"

# fn(request) -> arena.home_sections.HomeSection | None. A section of the start page; order = position.
HOME_SECTIONS = "arena_home_sections"

# fn(request) -> arena.main_menu.MenuItem | None. An item after the editors' menu (site settings) in the public
# site's main menu, for the users it concerns (e.g. the maturity dashboards for logged-in staff).
MAIN_MENU_ITEMS = "arena_main_menu_items"

# fn(home, organisations, stdout) -> None. An app's demo content for `manage.py seed_demo`, run after arena's own
# and in order (later seeders may link to what earlier ones made). Must be idempotent.
SEED_DEMO = "arena_seed_demo"

# fn(query: arena.related_content.RelatedQuery) -> arena.related_content.RelatedGroup | None. Public, live
# content about some focus areas, tags or words, from one app (e.g. blog posts, conference sessions).
RELATED_CONTENT = "arena_related_content"

# fn() -> str. Changes whenever content that RELATED_CONTENT answers with is published or unpublished; caches of
# related content are keyed by the concatenation.
CONTENT_VERSION = "arena_content_version"

# fn() -> arena.linkable_content.LinkableType | None. A kind of public content (blog posts, conference sessions,
# recordings ...) that arena's pages may link to, e.g. a change project's related content: arena stores the link
# generically (content type + id) and shows only what the type's `published()` queryset holds.
LINKABLE_CONTENT = "arena_linkable_content"
# fn(text, request) -> iterable of arena.search.results.SearchHit. Things that /sok/ finds for the (cleaned) search
# text, only what this request's user may see (sessions and transcripts: what an anonymous visitor may see). Every
# source's hits are ranked together; order only decides which source is asked first.
SEARCH_SOURCES = "arena_search_sources"

# fn() -> arena.open_data.datasets.Dataset | None. A dataset of public data that /oppna-data/ offers as JSON, CSV
# and JSON Schema and lists in its DCAT-AP-SE catalogue; order = position on the landing page. The provider alone
# decides what may be published (nothing below its privacy thresholds, no drafts, nothing staff-only).
OPEN_DATASETS = "arena_open_datasets"
