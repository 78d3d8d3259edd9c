"""arena.deferred_indexing: inside the block saves only note the object; on leaving it each object that still exists
is indexed once, in the search index and Wagtail's reference index, as a full rebuild would index it."""

import pytest
from django.db.models.signals import post_save
from wagtail.models import Page, ReferenceIndex, Site

from arena.deferred_indexing import indexing_deferred
from arena.models import StandardPage

pytestmark = pytest.mark.django_db


def found_by_search(word):
    return [page.slug for page in StandardPage.objects.search(word)]


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page


def linking_body(target):
    return [("paragraph", f'<p>Se <a linktype="page" id="{target.pk}">sidan</a>.</p>')]


def test_saves_inside_the_block_are_indexed_once_at_the_end_with_the_last_version(home):
    with indexing_deferred():
        page = home.add_child(instance=StandardPage(title="Kvartersbiblioteket", slug="kvarter"))
        assert found_by_search("Kvartersbiblioteket") == []  # nothing indexed yet
        page.title = "Stadsdelsbiblioteket"
        page.body = linking_body(home)
        page.save_revision().publish()
        assert not ReferenceIndex.get_references_for_object(page).exists()
    assert found_by_search("Stadsdelsbiblioteket") == ["kvarter"]
    assert found_by_search("Kvartersbiblioteket") == []
    references = ReferenceIndex.get_references_for_object(page)
    assert [ref.to_object_id for ref in references] == [str(home.pk)]


def test_an_object_deleted_inside_the_block_is_skipped(home):
    with indexing_deferred():
        page = home.add_child(instance=StandardPage(title="Tillfälliga sidan", slug="tillfallig"))
        Page.objects.filter(pk=page.pk).delete()
    assert found_by_search("Tillfälliga") == []


def test_the_handlers_are_back_after_the_block_even_after_an_error(home):
    receivers_before = len(post_save.receivers)
    with pytest.raises(RuntimeError), indexing_deferred():
        home.add_child(instance=StandardPage(title="Avbrutna sidan", slug="avbruten"))
        raise RuntimeError("seeding failed")
    assert found_by_search("Avbrutna") == []  # an aborted block indexes nothing
    assert len(post_save.receivers) == receivers_before
    page = home.add_child(instance=StandardPage(title="Efterföljande sidan", slug="efter", body=linking_body(home)))
    assert found_by_search("Efterföljande") == ["efter"]  # indexed on save again
    assert ReferenceIndex.get_references_for_object(page).count() == 1
