"""The parts of `make bench` that need Django (bench/): the bare reference view, the query counter and the
BENCH_SCALE=large top-up. The load itself (wrk against gunicorn) only runs in `make bench`; tests never time."""

import pytest
from django.test import RequestFactory

from arena.models import ArenaDocument
from bench.bare.urls import PAGE, bare
from bench.maturity_import import DIMIOS_FILE
from bench.queries import count_queries
from bench.scale import add_rounds, top_up_documents, top_up_pages
from blogs.models import BlogPostPage
from maturity.loader import load_model_file
from maturity.models import OrganisationScore, Response, Round
from tests.blogs.factories import create_post
from tests.factories import DocumentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_bare_view_answers_every_path_with_the_same_prepared_page():
    for path in ("/", "/bloggar/"):
        response = bare(RequestFactory().get(path), path=path)
        assert response.status_code == 200
        assert response.content == PAGE
    assert 30_000 <= len(PAGE) <= 36_000


def test_queries_are_counted_on_the_warm_second_request(space_a):
    create_post(space_a)
    few, status = count_queries("/bloggar/")
    assert status == 200 and few > 0
    for _ in range(3):
        create_post(space_a)
    more, _status = count_queries("/bloggar/")
    assert more == few


def test_pages_are_topped_up_to_the_target_by_copies_of_live_ones(space_a):
    original = create_post(space_a, title="Originalet")
    create_post(space_a, live=False)
    assert top_up_pages(BlogPostPage, 4) == 3
    copies = BlogPostPage.objects.live().exclude(pk=original.pk)
    assert copies.count() == 3
    assert all(copy.title.startswith("Originalet (") and copy.get_parent().pk == space_a.pk for copy in copies)
    assert top_up_pages(BlogPostPage, 4) == 0


def test_documents_are_topped_up_to_the_target():
    DocumentFactory(title="Rapport")
    assert top_up_documents(3) == 2
    assert ArenaDocument.objects.filter(title__startswith="Rapport").count() == 3
    assert top_up_documents(3) == 0


def test_rounds_are_added_published_with_answers_from_every_organisation():
    load_model_file(DIMIOS_FILE)
    organisations = [OrganisationFactory(name=f"Förvaltning {n}") for n in range(2)]
    assert add_rounds(target_rounds=1, respondents=2) == 1
    round_ = Round.objects.get()
    assert round_.status == Round.Status.PUBLISHED
    for organisation in organisations:
        answers = Response.objects.filter(round=round_, organisation=organisation)
        assert answers.values("respondent").distinct().count() == 2
    assert OrganisationScore.objects.filter(round=round_).exists()
    assert add_rounds(target_rounds=1, respondents=2) == 0
