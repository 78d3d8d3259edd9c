"""What the library shows: the documents a visitor may see, filtered and searched, and the facts beside them."""

from datetime import date

from django.db.models import F, IntegerField
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from arena.models import GOVERNING_TYPES, FocusArea, Organisation
from arena.search_text import clean_search_text

# The type filter's extra value: every kind of governing document at once.
GOVERNING = "styrande"


def visible_documents(user):
    return get_document_model().objects.for_user(user)


def filter_documents(documents, *, organisation=None, document_type=None, focus_area=None, year=None):
    """Filters on indexed fields only, so the result can still be searched (Wagtail's FilterFields)."""
    Document = get_document_model()
    if organisation:
        documents = documents.filter(organisation__in=Organisation.objects.filter(slug=organisation).values("pk"))
    if document_type == GOVERNING:
        documents = documents.filter(document_type__in=GOVERNING_TYPES)
    elif document_type:
        documents = documents.filter(document_type=document_type)
    if focus_area:
        documents = documents.filter(id__in=Document.objects.filter(focus_areas__slug=focus_area).values("pk"))
    if year:
        documents = documents.filter(published_date__gte=date(year, 1, 1), published_date__lt=date(year + 1, 1, 1))
    return documents


def library_documents(user, *, query="", **filters):
    """The documents to list: newest first, or by relevance when searched."""
    documents = filter_documents(visible_documents(user), **filters).with_listing_data()
    text = clean_search_text(query)
    if text:
        return documents.search(text)
    return documents.order_by(F("published_date").desc(nulls_last=True), "title", "pk")


def document_years(documents):
    return sorted({day.year for day in documents.dates("published_date", "year")}, reverse=True)


def publishing_organisations(documents):
    """The organisations that have documents among `documents`, for the organisation filter."""
    return Organisation.objects.filter(pk__in=documents.values("organisation")).only("name", "slug")


def focus_areas():
    return FocusArea.objects.only("name", "slug")


def document_for_page(user, document_id):
    """The document to show on its page, or None when it does not exist or `user` may not see it."""
    return visible_documents(user).with_listing_data().filter(pk=document_id).first()


def pages_using(document):
    """The live, public pages that link to the document (Wagtail's reference index), for its page's "used in"."""
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ReferenceIndex._get_base_content_type(Page)
    )
    # object_id is text (it serves every model); a page's is its integer id.
    page_ids = references.annotate(page_id=Cast("object_id", IntegerField())).values("page_id")
    return Page.objects.live().public().filter(pk__in=page_ids).order_by("title")
