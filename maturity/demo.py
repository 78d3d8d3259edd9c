"""Demo content for seed_demo: the DiMiOS-style model, two published demo rounds (2020, 2021) with synthetic answers
from every active förvaltning and bolag, stored results, and national reference values with their sources.

The answers are drawn with random.Random and fixed seeds (maturity/demo_data.py), so every run gives the same
numbers. Idempotent: the model is loaded only when missing, a round is filled only while it has no answers and no
results, and a round that is not marked as demo data (real data for the same year) is never touched.
"""

import datetime
import hashlib
import math
import random
from statistics import fmean

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Site

from arena.blocks import LinkBlock
from arena.demo.taxonomy import ensure_focus_areas
from arena.models import Organisation, SiteSettings
from maturity import demo_data
from maturity.loader import load_model, read_model_file
from maturity.models import (
    Category,
    GroupScore,
    MaturityModel,
    NationalReference,
    Response,
    Round,
    RoundParticipant,
    ScoreLevel,
)
from maturity.scoring import recompute_round

KINDS = (Organisation.Kind.FORVALTNING, Organisation.Kind.BOLAG)


@transaction.atomic  # all or nothing, and SQLite writes the answers in one transaction instead of one per row
def seed_maturity_demo(home=None, organisations=(), stdout=None):
    ensure_focus_areas()  # the model file links categories to focus areas by slug
    model = ensure_model()
    participants = list(Organisation.objects.active().filter(kind__in=KINDS).order_by("slug"))
    structure = model_structure(model)
    new_answers = 0
    rounds = []
    for spec in demo_data.ROUNDS:
        round_ = ensure_round(model, spec)
        if not round_.is_demo:
            continue  # real data for that year: the demo leaves it alone
        rounds.append(round_)
        if participants and not (round_.responses.exists() or round_.scores.exists()):
            new_answers += fill_round(round_, participants, structure)
        ensure_national_references(round_)
    add_maturity_to_main_menu(home)
    if stdout is not None:
        stdout.write(summary(rounds, new_answers))


def ensure_model():
    """The shipped model, loaded through the loader the first time only (later edits in the admin are kept)."""
    data = read_model_file(demo_data.MODEL_FILE)
    existing = MaturityModel.objects.filter(slug=data.get("slug")).first()
    return existing or load_model(data).model


def ensure_round(model, spec):
    published = datetime.datetime.combine(datetime.date.fromisoformat(spec["published"]), datetime.time(10, 0))
    round_, _created = Round.objects.get_or_create(
        model=model,
        year=spec["year"],
        defaults={
            "name": spec["name"],
            "status": Round.Status.PUBLISHED,
            "published_at": timezone.make_aware(published),
            "is_demo": True,
            "notes": spec["notes"],
        },
    )
    return round_


def model_structure(model):
    """[(dimension code, [(category code, [(question id, lowest, highest)])])] in the model's order."""
    structure = []
    for dimension in model.dimensions.prefetch_related("categories__questions"):
        categories = [
            (category.code, [(q.pk, *q.scale(model)) for q in category.questions.all()])
            for category in dimension.categories.all()
        ]
        structure.append((dimension.code, categories))
    return structure


def rng_for(*parts):
    return random.Random(":".join([demo_data.SEED, *map(str, parts)]))


def centred(values):
    """The values shifted so that their mean is zero: effects move things apart without moving the mean."""
    if not values:
        return {}
    mean = fmean(values.values())
    return {key: value - mean for key, value in values.items()}


def name_tilt(organisation):
    name = organisation.name.lower()
    return next((tilt for word, tilt in demo_data.NAME_TILTS if word in name), 0.0)


def organisation_levels(organisations, year):
    """Each organisation's mean level in the year: a lasting offset plus a yearly change, centred per kind on
    KIND_LEVELS so the group-wide and per-kind means land where the demo aims."""
    spread = demo_data.SPREAD
    levels = {}
    for kind in KINDS:
        members = [org for org in organisations if org.kind == kind]
        offsets = {
            org.pk: rng_for("organisation", org.slug).gauss(0, spread["organisation"])
            + rng_for("organisation", org.slug, year).gauss(0, spread["organisation_year"])
            + name_tilt(org)
            for org in members
        }
        target = demo_data.KIND_LEVELS[year][kind]
        levels.update({pk: target + offset for pk, offset in centred(offsets).items()})
    return levels


def category_effects(structure, organisation=None):
    """{category code: percentage points}: how far a category lies above or below its organisation's level.
    Without an organisation: the effects shared by everyone; with one: that organisation's own profile.
    Centred within each dimension, and dimension effects centred too, so they leave the total unchanged."""
    spread = demo_data.SPREAD
    key = ("profile", organisation.slug) if organisation is not None else ("shared",)
    dimension_spread = spread["organisation_dimension" if organisation is not None else "dimension"]
    category_spread = spread["organisation_category" if organisation is not None else "category"]
    dimension_effects = centred({code: rng_for(*key, code).gauss(0, dimension_spread) for code, _ in structure})
    effects = {}
    for dimension_code, categories in structure:
        own = centred({code: rng_for(*key, dimension_code, code).gauss(0, category_spread) for code, _ in categories})
        effects.update({code: dimension_effects[dimension_code] + value for code, value in own.items()})
    return effects


def small_organisations(organisations):
    """The organisations that get fewer respondents than the privacy threshold, in a fixed order."""
    wanted = min(len(demo_data.SMALL_ORGANISATIONS), len(organisations) // 5)
    by_name = {org.name: org for org in organisations}
    chosen = [by_name[name] for name in demo_data.SMALL_ORGANISATIONS if name in by_name][:wanted]
    others = sorted(
        (org for org in organisations if org not in chosen), key=lambda org: hashlib.sha256(org.slug.encode()).digest()
    )
    return chosen + others[: wanted - len(chosen)]


def answer(percent, lowest, highest):
    value = round(lowest + percent / 100 * (highest - lowest))
    return min(highest, max(lowest, value))


def fill_round(round_, organisations, structure):
    """Synthetic answers and participants for one round, then its stored results. Returns the number of rows."""
    year = round_.year
    spread = demo_data.SPREAD
    levels = organisation_levels(organisations, year)
    shared = category_effects(structure)
    counts = demo_data.SMALL_RESPONDENTS[year]
    small = {org.pk: count for org, count in zip(small_organisations(organisations), counts, strict=False)}
    participants, responses = [], []
    for organisation in organisations:
        rng = rng_for("answers", year, organisation.slug)
        respondents = small.get(organisation.pk) or rng.randint(*demo_data.RESPONDENTS)
        invited = math.ceil(respondents / rng.uniform(*demo_data.RESPONSE_RATE))
        participants.append(RoundParticipant(round=round_, organisation=organisation, invited=invited))
        own = category_effects(structure, organisation)
        for number in range(1, respondents + 1):
            respondent = f"demo-{number:03d}"
            personal = rng.gauss(0, spread["respondent"])
            for _dimension, categories in structure:
                for code, questions in categories:
                    mean = levels[organisation.pk] + shared[code] + own[code] + personal
                    skipped = rng.random() < demo_data.SKIP_CATEGORY
                    for question_id, lowest, highest in questions:
                        value = None
                        if not skipped and rng.random() >= demo_data.SKIP_QUESTION:
                            value = answer(mean + rng.gauss(0, spread["answer"]), lowest, highest)
                        responses.append((round_.pk, organisation.pk, respondent, question_id, value))
    RoundParticipant.objects.filter(round=round_).delete()
    RoundParticipant.objects.bulk_create(participants)
    insert_responses(responses)
    recompute_round(round_)
    return len(responses)


def insert_responses(rows):
    """Store answers given as plain tuples. Some 35,000 answers per round as model instances through bulk_create
    spend most of the seeding time in the ORM: PostgreSQL takes them with COPY, other databases (SQLite in
    `make bench` by default) with one executemany."""
    meta = Response._meta
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(meta.get_field(name).column) for name in ("round", "organisation", "respondent", "question", "value")
    )
    table = quote(meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s)", rows)


def ensure_national_references(round_):
    categories = {c.code: c for c in Category.objects.filter(dimension__model_id=round_.model_id)}
    for reference in demo_data.NATIONAL_REFERENCES:
        if reference["year"] != round_.year:
            continue
        category = categories.get(reference["category"]) if reference["category"] else None
        if reference["category"] and category is None:
            continue  # the model has no such category (e.g. after an edit in the admin)
        NationalReference.objects.get_or_create(
            round=round_,
            category=category,
            source=reference["source"],
            defaults={"score": reference["score"], "source_year": reference["source_year"]},
        )


def menu_accepts_local_paths():
    """Whether the main menu's link block accepts a path on this site such as /mognad/ (the dashboards are
    Django views, not pages, so a page link cannot point at them)."""
    block = LinkBlock()
    try:
        block.clean(block.to_python({"label": demo_data.MENU_LABEL, "page": None, "url": demo_data.MENU_URL}))
    except ValidationError:
        return False
    return True


def add_maturity_to_main_menu(home):
    """Put "Digital mognad" last in the demo site's main menu (once), when the menu can hold a local path;
    a link the admin would refuse to save again is not added."""
    site = Site.objects.filter(root_page=home).first() if home is not None else None
    if site is None or not menu_accepts_local_paths():
        return False
    settings = SiteSettings.for_site(site)
    links = [(block.block_type, block.value) for block in settings.primary_navigation]
    if any(value.get("url") == demo_data.MENU_URL for _kind, value in links):
        return False
    links.append(("link", {"label": demo_data.MENU_LABEL, "page": None, "url": demo_data.MENU_URL}))
    settings.primary_navigation = links
    settings.save()
    return True


def summary(rounds, new_answers):
    if not rounds:
        return "Digital mognad: inga demoomgångar (åren har redan riktiga omgångar)."
    totals = dict(
        GroupScore.objects.filter(round__in=rounds, kind=GroupScore.Kind.ALL, level=ScoreLevel.TOTAL).values_list(
            "round__year", "score"
        )
    )
    figures = ", ".join(f"{year}: {f'{score:.1f}'.replace('.', ',')} %" for year, score in sorted(totals.items()))
    answers = Response.objects.filter(round__in=rounds).count()
    years = ", ".join(str(round_.year) for round_ in rounds)
    return (
        f"Digital mognad: demoomgångar {years} med {answers} svar ({new_answers} nya); "
        f"koncernen totalt {figures or '–'}."
    )
