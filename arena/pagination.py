"""One way to paginate a listing: `?sida=N`, the same rules on every page that lists things.

- no `sida`, or one that is not a whole number of at least 1: the first page (a mistyped link still shows the
  listing rather than an error);
- a number past the last page: 404, so crawlers drop stale deep links instead of indexing duplicates of page 1.

The returned Django Page carries `elided_range` (1 2 … 7 8 9 … 20) for templates/includes/pagination.html.
"""

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

PAGE_PARAMETER = "sida"


def requested_page_number(request):
    try:
        number = int(request.GET.get(PAGE_PARAMETER, 1))
    except (TypeError, ValueError):
        return 1
    return number if number >= 1 else 1


def paginate(request, items, per_page):
    paginator = Paginator(items, per_page)
    try:
        page = paginator.page(requested_page_number(request))
    except EmptyPage:
        if requested_page_number(request) == 1:  # an empty listing still has its (empty) first page
            page = paginator.page(1)
        else:
            raise Http404(_("There is no such page in this list.")) from None
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page


def frozen(page):
    """`page` made fit for a cache (arena.fragments.cached): its objects as a list and its paginator without the
    queryset, which pickling would otherwise load whole. The count and the page range are kept."""
    page.object_list = list(page.object_list)
    page.paginator.num_pages  # noqa: B018 - computes and keeps the count and the number of pages
    page.paginator.object_list = ()
    return page


def head(page):
    """What a listing shows of its page outside the cached list (the title's "page 2 of 5"), apart from the objects:
    cached on its own, it spares loading the cached page of objects when the list's HTML is cached too."""
    return {"number": page.number, "num_pages": page.paginator.num_pages, "count": page.paginator.count}
