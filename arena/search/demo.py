"""Demo promoted search results (arena/search/demo_data/promotions.yaml), seeded after every app's content so they
can point at it (arena_seed_demo hook, order 90). Idempotent: a pick that exists is left as it is."""

from pathlib import Path

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from arena.demo.data_files import load_demo_data

PROMOTIONS_FILE = Path(__file__).resolve().parent / "demo_data" / "promotions.yaml"


def seed_search_promotions(home, organisations, stdout=None):
    created = 0
    for entry in load_demo_data(PROMOTIONS_FILE):
        query = Query.get(entry["query"])
        for order, pick in enumerate(entry["picks"]):
            page = home.get_descendants().filter(url_path=f"{home.url_path}{pick['path']}/").first()
            if page is None:
                continue
            _promotion, was_created = SearchPromotion.objects.get_or_create(
                query=query, page=page, defaults={"description": pick["description"], "sort_order": order}
            )
            created += was_created
    if stdout is not None and created:
        stdout.write(f"Premierade sökresultat: {created}\n")
