"""arena's own search sources (arena.hooks.SEARCH_SOURCES): public live pages of every type, and documents
(arena.ArenaDocument, through get_document_model()).

Page classes say two things about themselves for search:
- `search_container = True`: the page is only a container (the home page, a section index, a blog space); its rank is
  cut to a fraction so it never outranks the content it holds;
- `search_organisations = ("organisation", ...)`: the names of its foreign keys or many-to-many fields to
  arena.Organisation, for the organisation facet (prefetched per page type: a fixed number of queries).
"""

from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from arena.models import MaterialLibraryPage
from arena.search.results import SearchHit, organisation_refs, relevance

# A container's rank is multiplied by this: a post titled like its blog space still ranks above the space.
CONTAINER_RANK_FACTOR = 0.2


def page_kind(model):
    return f"page-{model._meta.model_name}"


def is_container(model):
    return getattr(model, "search_container", False)


def raw_stream_text(data):
    """The words in a StreamField's stored JSON (paragraphs, headings, quotes, captions ...), read without turning
    blocks into Python values: a chooser block would load its image or page, one query per result."""
    if isinstance(data, str):
        return [strip_tags(data)]
    if isinstance(data, list):
        return [text for item in data for text in raw_stream_text(item)]
    if isinstance(data, dict):
        if "type" in data and "value" in data:  # a stream child: its type and id are not text
            return raw_stream_text(data["value"])
        return [text for value in data.values() for text in raw_stream_text(value)]
    return []


def searchable_text(obj):
    """The plain text of an object's own indexed fields other than the title, for its excerpt. Methods and related
    fields are skipped: they may query the database, and the excerpt needs none of them."""
    parts = []
    for search_field in obj.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        try:
            model_field = obj._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            continue
        value = model_field.value_from_object(obj)
        if isinstance(model_field, StreamField):
            parts.extend(raw_stream_text(list(value.raw_data) if hasattr(value, "raw_data") else value))
        elif isinstance(model_field, RichTextField):
            parts.append(strip_tags(value or ""))
        elif isinstance(value, str):
            parts.append(value)
    return " ".join(" ".join(part.split()) for part in parts if part and part.strip())


def page_organisations(pages):
    """{page pk: (OrganisationRef, ...)} for pages whose class names its organisation fields; one or two queries per
    page type and field, however many pages."""
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    found = {}
    for model, model_pages in by_model.items():
        fields = getattr(model, "search_organisations", ())
        if not fields:
            continue
        prefetch_related_objects(model_pages, *fields)
        for page in model_pages:
            organisations = []
            for name in fields:
                value = getattr(page, name)
                organisations.extend(value.all() if hasattr(value, "all") else [value])
            found[page.pk] = organisation_refs(organisations)
    return found


def page_hits(text, request):
    """Every live page that anyone may see (no view restriction on it or above it), of every type."""
    found = Page.objects.live().public().exclude(depth=1).specific().search(text).annotate_score("_score")
    pages = list(found)
    organisations = page_organisations(pages)
    hits = []
    for page in pages:
        url = page.get_url(request)
        if not url:  # outside every site
            continue
        model = type(page)
        rank = relevance(page._score)
        hits.append(
            SearchHit(
                key=f"page:{page.pk}",
                title=page.title,
                url=url,
                kind=page_kind(model),
                kind_label=str(model._meta.verbose_name).capitalize(),
                rank=rank * CONTAINER_RANK_FACTOR if is_container(model) else rank,
                text=searchable_text(page) or page.search_description,
                organisations=organisations.get(page.pk, ()),
            )
        )
    return hits


def document_hits(text, request):
    """Documents the user may see (`for_user`: anonymous visitors the public ones, logged-in staff also the staff-only
    collections open to them), found by title, summary and the text inside the file. A document links to its page in
    the material library, or to its file (served under the same collection rules) when the site has no library."""
    Document = get_document_model()
    documents = Document.objects.for_user(request.user)
    found = documents.only("pk").search(text).annotate_score("_score")
    ranks = {document.pk: relevance(document._score) for document in found}
    if not ranks:
        return []
    label = str(Document._meta.verbose_name).capitalize()
    loaded = Document.objects.filter(pk__in=ranks).select_related("organisation")
    library = MaterialLibraryPage.objects.live().first()  # a document's page there says what it is before download
    return [
        SearchHit(
            key=f"document:{document.pk}",
            title=document.title,
            url=library.document_url(document, request) if library else document.url,
            kind="document",
            kind_label=label,
            rank=ranks[document.pk],
            text=" ".join(part for part in (document.summary, document.extracted_text) if part),
            organisations=organisation_refs([document.organisation]),
        )
        for document in loaded
    ]
