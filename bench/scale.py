"""`BENCH_SCALE=large`: grow the seeded demo to the size the site must stay fast at (`python -m bench scale`).

500 blog posts, 200 change projects, 200 library documents, and 5 published maturity rounds with 30 respondents from
each of the 44 organisations. Posts and projects are copies of the demo's own (Wagtail's page copy, so they carry
the same body, images, tags and authors a real page has); documents reuse the demo's files; maturity answers go
through the importer the admin uses, and the rounds are published with their stored results. Running it twice adds
nothing: each kind is only topped up to its target.
"""

import itertools

from django.db import transaction
from wagtail.models import Page

from arena.models import ArenaDocument, ChangeProjectPage, Organisation
from bench.maturity_import import encode, generate_rows
from blogs.models import BlogPostPage
from maturity.importers import run_import
from maturity.models import MaturityModel, Question, Round

POSTS = 500
PROJECTS = 200
DOCUMENTS = 200
ROUNDS = 5
RESPONDENTS = 30
# Years for the rounds the bench adds beside the demo's own (2020, 2021).
EXTRA_ROUND_YEARS = (2017, 2018, 2019, 2022, 2023)


def top_up_pages(model, target):
    """Copy the live pages of `model` (round-robin, next to their originals) until there are `target` of them."""
    pages = model.objects.live()
    missing = target - pages.count()
    originals = list(pages.order_by("pk"))
    if missing <= 0 or not originals:
        return 0
    start = Page.objects.type(model).count()
    for number, original in zip(range(start, start + missing), itertools.cycle(originals), strict=False):
        with transaction.atomic():
            original.copy(
                to=original.get_parent(),
                update_attrs={"title": f"{original.title} ({number})", "slug": f"{original.slug}-bench-{number}"},
                keep_live=True,
                copy_revisions=False,
                log_action=None,
                reset_translation_key=True,
            )
    return missing


def top_up_documents(target):
    documents = ArenaDocument.objects.order_by("pk")
    missing = target - documents.count()
    originals = list(documents)
    if missing <= 0 or not originals:
        return 0
    copies = []
    for number, original in zip(range(missing), itertools.cycle(originals), strict=False):
        copy = ArenaDocument.objects.get(pk=original.pk)
        copy.pk = None
        copy.id = None
        copy.title = f"{original.title} ({number})"
        copies.append(copy)
    with transaction.atomic():
        for copy in copies:
            copy.save()
            copy.focus_areas.set(originals[0].focus_areas.all())
    return missing


def add_rounds(target_rounds=ROUNDS, respondents=RESPONDENTS):
    """Published rounds until there are `target_rounds`, each with `respondents` answers from every organisation."""
    model = MaturityModel.objects.order_by("pk").first()
    if model is None:
        return 0
    organisations = list(Organisation.objects.active().order_by("name").values_list("name", flat=True))
    codes = list(Question.objects.filter(category__dimension__model=model).values_list("code", flat=True))
    added = 0
    for year in EXTRA_ROUND_YEARS:
        if Round.objects.filter(model=model).count() >= target_rounds:
            break
        if Round.objects.filter(model=model, year=year).exists():
            continue
        with transaction.atomic():
            round_ = Round.objects.create(
                model=model, year=year, name=f"Mognadsmätning {year} (prestandatest)", status=Round.Status.OPEN
            )
            rows = generate_rows(round_.name, organisations, codes, len(organisations) * respondents * len(codes))
            run_import("responses", encode(rows, "csv"), f"bench-{year}.csv")
            for status in (Round.Status.CLOSED, Round.Status.PUBLISHED):
                round_.status = status
                round_.save()
        added += 1
    return added


def scale_up():
    """Grow the demo; returns one line per kind for the bench's log."""
    return [
        f"blog posts: +{top_up_pages(BlogPostPage, POSTS)}",
        f"change projects: +{top_up_pages(ChangeProjectPage, PROJECTS)}",
        f"documents: +{top_up_documents(DOCUMENTS)}",
        f"maturity rounds: +{add_rounds()}",
    ]
