"""The four focus areas of the city's digitalisation plan, seeded idempotently (get_or_create by slug)."""

from arena.models import FocusArea

FOCUS_AREAS = [
    {
        "slug": "digitala-tjanster",
        "name": "Digitala tjänster för invånare och företag",
        "description": (
            "Tjänster som är enkla att hitta, använda och lita på, så att göteborgare, besökare och företag "
            "kan få sina ärenden lösta när det passar dem."
        ),
    },
    {
        "slug": "effektiv-och-innovativ-verksamhet",
        "name": "Effektiv och innovativ verksamhet",
        "description": (
            "Vi balanserar effektivitet och innovation: automatiserar det som går att automatisera och "
            "prövar nya arbetssätt där de kan skapa mer värde för dem vi är till för."
        ),
    },
    {
        "slug": "data-och-digital-infrastruktur",
        "name": "Data och digital infrastruktur",
        "description": (
            "Öppna och tillgängliga data, säker information och en gemensam infrastruktur som förvaltningar "
            "och bolag kan bygga vidare på."
        ),
    },
    {
        "slug": "digital-kompetens-och-ledarskap",
        "name": "Digital kompetens och ledarskap",
        "description": (
            "Medarbetare och chefer som har kunskap, mod och stöd att leda och genomföra förändring med "
            "hjälp av digitalisering."
        ),
    },
]


def ensure_focus_areas():
    """Create the four focus areas if they are missing; never overwrite what an arena editor has changed."""
    areas = []
    for order, data in enumerate(FOCUS_AREAS, start=1):
        area, _ = FocusArea.objects.get_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "description": data["description"], "sort_order": order},
        )
        areas.append(area)
    return areas
