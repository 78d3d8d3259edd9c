"""The routes of /material/ (arena.models.MaterialLibraryPage): the listing and one page per document."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from arena import fragments, pagination
from arena.library import queries
from arena.library.forms import LibraryFilterForm
from arena.pagination import frozen, paginate

DOCUMENTS_PER_PAGE = 20
LISTING_NAMES = ("documents", "organisations", "focus_areas", "years")  # library_index's listing()


def library_index(request, page):
    form = LibraryFilterForm(request.GET)
    filters = form.filters()

    def listing():
        visible = queries.visible_documents(request.user)
        documents = frozen(paginate(request, queries.library_documents(request.user, **filters), DOCUMENTS_PER_PAGE))
        for document in documents:
            document.page_url = page.document_url(document, request)
        return {
            "documents": documents,
            "organisations": list(queries.publishing_organisations(visible)),
            "focus_areas": list(queries.focus_areas()),
            "years": list(queries.document_years(visible)),
        }

    # What the user may see of the library, cached per audience at the content version (arena.fragments: saving or
    # deleting a document purges it, as it purges the page cache), and read from the cache only when the template's
    # fragment is a miss. The title's page numbers are cached on their own (computing them 404s a page past the end).
    cached_listing = fragments.lazy(request, "library-listing", listing)
    context = page.get_context(request)
    context.update(
        {name: SimpleLazyObject(lambda name=name: cached_listing[name]) for name in LISTING_NAMES},
        listing_head=fragments.cached(
            request, "library-listing-head", lambda: pagination.head(cached_listing["documents"])
        ),
        filter_form=form,
        active_filters={key: value for key, value in form.cleaned_data.items() if value},
    )
    return TemplateResponse(
        request, "arena/library/material_library_page.html", context, status=400 if form.errors else 200
    )


def document_detail(request, page, document_id, slug):
    document = queries.document_for_page(request.user, document_id)
    if document is None:
        raise Http404(_("There is no such document in the library."))
    if slug != document.slug:
        return redirect(page.document_url(document, request), permanent=True)
    context = page.get_context(request)
    context.update(document=document, used_in=list(queries.pages_using(document)))
    return TemplateResponse(request, "arena/library/document_page.html", context)
