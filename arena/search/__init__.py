"""The site search at /sok/: one ranked list over pages, documents and whatever the apps add through the
arena_search_sources hook (conference sessions and transcripts), with facets, excerpts, promotions and statistics.

- results.py     the SearchHit that every source returns, and helpers for sources;
- sources.py     arena's own sources: public live pages and documents;
- services.py    runs the sources, merges, ranks, counts facets, filters, adds promotions and excerpts;
- excerpts.py    highlighted excerpts (PostgreSQL's ts_headline; a plain excerpt on SQLite);
- suggestions.py "Menade du …?" from the words in public titles (pg_trgm on PostgreSQL);
- statistics.py  what editors see: every search counted (search_promotions' Query), and the ones without results;
- admin_views.py the editors' reports in the Wagtail admin.
"""
