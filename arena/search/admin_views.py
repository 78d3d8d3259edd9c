"""The editors' search reports in the Wagtail admin (Reports menu): popular searches and searches that found nothing.

search_promotions' own "Search terms" report is for superusers only; these two are for everyone who may promote
search results (arena editors), the people who act on them.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

from arena.search.statistics import flush_counts, unanswered_queries

REPORT_PERMISSION = "wagtailsearchpromotions.change_searchpromotion"


def may_see_search_reports(user):
    return user.has_perm(REPORT_PERMISSION)


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_search_reports(request.user)


class PopularSearchesReportView(SearchTermsReportView):
    page_title = _("Popular searches")
    index_url_name = "arena_search_popular"
    index_results_url_name = "arena_search_popular_results"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_search_reports(request.user):
            return permission_denied(request)
        flush_counts()  # the searches counted since the last flush (arena.search.statistics)
        # Past search_promotions' superuser-only check, to the report itself.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)


class UnansweredSearchesFilterSet(WagtailFilterSet):
    date = DateFromToRangeFilter(label=_("Date"), field_name="unanswered_days__date", widget=DateRangePickerWidget)

    class Meta:
        model = Query
        fields = []


class UnansweredSearchesReportView(ReportView):
    page_title = _("Searches without results")
    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    filterset_class = UnansweredSearchesFilterSet
    default_ordering = "-_misses"
    index_url_name = "arena_search_unanswered"
    index_results_url_name = "arena_search_unanswered_results"
    columns = [
        Column("query_string", label=_("Search terms"), sort_key="query_string"),
        NumberColumn("_misses", label=_("Searches"), sort_key="_misses"),
        DateColumn("_last", label=_("Last searched"), sort_key="_last"),
    ]
    export_headings = {"query_string": _("Search terms"), "_misses": _("Searches"), "_last": _("Last searched")}
    list_export = ["query_string", "_misses", "_last"]

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def get_base_queryset(self):
        return unanswered_queries()

    def dispatch(self, request, *args, **kwargs):
        if not may_see_search_reports(request.user):
            return permission_denied(request)
        flush_counts()
        return super().dispatch(request, *args, **kwargs)


def admin_urls():
    return [
        path("reports/sokningar/", PopularSearchesReportView.as_view(), name="arena_search_popular"),
        path(
            "reports/sokningar/results/",
            PopularSearchesReportView.as_view(results_only=True),
            name="arena_search_popular_results",
        ),
        path("reports/sokningar-utan-traffar/", UnansweredSearchesReportView.as_view(), name="arena_search_unanswered"),
        path(
            "reports/sokningar-utan-traffar/results/",
            UnansweredSearchesReportView.as_view(results_only=True),
            name="arena_search_unanswered_results",
        ),
    ]


def popular_menu_item():
    return SearchReportMenuItem(
        _("Popular searches"), reverse("arena_search_popular"), name="popular-searches", icon_name="search", order=1310
    )


def unanswered_menu_item():
    return SearchReportMenuItem(
        _("Searches without results"),
        reverse("arena_search_unanswered"),
        name="searches-without-results",
        icon_name="search",
        order=1320,
    )
