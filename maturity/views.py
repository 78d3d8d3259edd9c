"""The maturity dashboards (/mognad/, /mognad/<organisation>/), their exports and the public open data.

Dashboards and exports need a login; what a user sees is decided by the access rule in access.py (through the
models' for_user() querysets) and the privacy rule in privacy.py, both applied inside queries.py. Logged-in
responses are Cache-Control: private, so neither the anonymous page cache nor a shared proxy keeps them; the open
data is public and cacheable.

The stored results change only on import, recomputation or a round's publication, so the dashboards' bodies and
the export files are cached (arena.fragments, maturity.results_version), keyed by the results version and by the
access decision (access.audience: every organisation, or which ones), never by the user. The decision itself is
checked on every request before anything cached is read; on a warm cache a dashboard reads nothing else.
"""

import hashlib
import json
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from arena import fragments
from arena.models import Organisation
from maturity import access, exporters, privacy, queries, results_version
from maturity.charts import dashboard as charts
from maturity.charts import formats

OPEN_DATA_MAX_AGE = 60 * 60
SORT_COLUMNS = ("name", "kind", "total", "change", "rate")
TEXT_COLUMNS = ("name", "kind")


def message(request, status, title, text):
    """A Swedish page for a refused or impossible request (400, 403, 404) inside the dashboards."""
    response = render(request, "maturity/message.html", {"title": title, "text": text}, status=status)
    patch_cache_control(response, private=True)
    return response


def _selection_or_error(request, empty_status=404):
    """(selection, None) or (None, error response) for ?omgang=. Before the first published round the
    dashboards answer 200 with a note (nothing is wrong), the exports 404 (there is no file to give)."""
    year = request.GET.get("omgang", "").strip()
    try:
        return queries.select_round(
            year or None, rounds=results_version.cached("rounds", queries.published_rounds)
        ), None
    except queries.BadRoundParameter:
        return None, message(
            request,
            400,
            _("Unknown round"),
            _("The round must be given as a year, for example ?omgang=2021."),
        )
    except queries.RoundNotFound:
        if year:
            return None, message(
                request,
                404,
                _("No published round"),
                _("There is no published round for %(year)s.") % {"year": year},
            )
        return None, message(
            request,
            empty_status,
            _("No published results yet"),
            _("Results are shown here once a round has been published."),
        )


def _sort_or_error(request):
    sort = request.GET.get("sort", queries.DEFAULT_SORT)
    direction = request.GET.get("dir", "asc")
    if sort not in SORT_COLUMNS or direction not in ("asc", "desc"):
        return (
            None,
            None,
            message(
                request,
                400,
                _("Unknown sort order"),
                _(
                    "The table can be sorted by name, kind, total, change or rate, ascending (asc) or "
                    "descending (desc)."
                ),
            ),
        )
    return sort, direction, None


def _sort_columns(selection, sort, direction):
    """Column headers as links (sortable without JavaScript), with aria-sort on the sorted one."""
    labels = {
        "name": _("Organisation"),
        "kind": _("Kind"),
        "total": _("Total"),
        "change": _("Change since %(year)s") % {"year": selection.previous.year}
        if selection.previous
        else _("Change since the previous round"),
        "rate": _("Response rate"),
    }
    columns = []
    for key in SORT_COLUMNS:
        current = key == sort
        if current:
            next_direction = "desc" if direction == "asc" else "asc"
        else:
            next_direction = "asc" if key in TEXT_COLUMNS else "desc"
        query = urlencode({"omgang": selection.selected.year, "sort": key, "dir": next_direction})
        columns.append(
            {
                "key": key,
                "label": labels[key],
                "href": f"?{query}#organisationer",
                "aria_sort": ("ascending" if direction == "asc" else "descending") if current else "",
                "action": _("sort descending") if next_direction == "desc" else _("sort ascending"),
                "numeric": key not in TEXT_COLUMNS,
            }
        )
    return columns


def _display_row(row):
    return {
        "organisation": row.organisation,
        "kind": row.organisation.get_kind_display(),
        "hidden": row.hidden,
        "total": formats.percent(row.total),
        "change": formats.points(row.change),
        "respondents": row.respondents,
        "invited": row.invited,
        "rate": formats.percent(row.response_rate, 0),
    }


def _render_dashboard(request, template, name, selection, body, **frame):
    """The page with its body (everything but the site's frame) from the fragment cache, keyed by the results
    version and the access decision; body() reads and draws the results only on a miss. The key is not the arena's
    audience (the user's groups) but access.audience, the maturity rule itself: an analyst by a permission of their
    own has the groups of a staff member without one, and must not share their table."""
    context = {"selection": selection, "round": selection.selected, **frame}
    audience = access.audience(request.user)
    html = fragments.cached(
        request,
        f"maturity-{name}",
        lambda: render_to_string(
            f"maturity/includes/{name}_body.html",
            {
                **context,
                **body(),
                "min_respondents": privacy.MIN_RESPONDENTS,
                "min_organisations": privacy.MIN_ORGANISATIONS_IN_GROUP,
            },
            request=request,
        ),
        per_audience=False,
        vary=(audience.key, results_version.current()),
    )
    return render(request, template, {**context, "body": mark_safe(html)})


@require_safe
@login_required
@cache_control(private=True)
def dashboard(request):
    selection, error = _selection_or_error(request, empty_status=200)
    if error:
        return error
    sort, direction, error = _sort_or_error(request)
    if error:
        return error

    def body():
        categories = queries.model_categories(selection.selected.model)
        dimensions = queries.dimensions_of(categories)
        groups = queries.group_figures(selection.trend)
        national = queries.national_series(selection.trend)
        rows = queries.sort_rows(
            queries.organisation_rows(request.user, selection), sort, descending=direction == "desc"
        )
        totals = queries.visible_totals(selection.selected)
        return {
            "sees_all": access.sees_all_organisations(request.user),
            "rows": [_display_row(row) for row in rows],
            "columns": _sort_columns(selection, sort, direction),
            "national": national,
            "demo_in_trend": any(round_.is_demo for round_ in selection.trend),
            "trend_chart": charts.group_trend_chart(selection, groups, national),
            "category_chart": charts.group_category_chart(selection, categories, groups, national),
            "kind_chart": charts.kind_comparison_chart(selection, dimensions, groups),
            "distribution_chart": charts.distribution_chart(selection, totals, privacy.MIN_RESPONDENTS),
            "export_query": urlencode({"omgang": selection.selected.year}),
        }

    return _render_dashboard(request, "maturity/dashboard.html", "dashboard", selection, body)


def _organisation(slug):
    """The organisation of a dashboard URL, kept with the results (an organisation saved or removed purges the
    page cache, whose generation is part of the key)."""
    found = results_version.cached(
        "organisation", lambda: Organisation.objects.filter(slug=slug).first() or False, slug
    )
    if not found:
        raise Http404
    return found


@require_safe
@login_required
@cache_control(private=True)
def organisation_dashboard(request, slug):
    organisation = _organisation(slug)
    if not access.may_view_organisation(request.user, organisation):
        return message(
            request,
            403,
            _("You do not have access to this organisation's results"),
            _(
                "Each organisation's own results are shown to its staff and to the city's analysts. You can follow "
                "the results for the whole group on the overview."
            ),
        )
    selection, error = _selection_or_error(request, empty_status=200)
    if error:
        return error

    def body():
        round_id = selection.selected.pk
        categories = queries.model_categories(selection.selected.model)
        dimensions = queries.dimensions_of(categories)
        groups = queries.group_figures(selection.trend)
        national = queries.national_series(selection.trend)
        results = queries.organisation_results(request.user, organisation, selection.trend)
        kind = queries.GROUP_OF_KIND.get(organisation.kind)
        visible = results.visible_in(round_id)
        context = {
            "participated": round_id in results.participated,
            "has_history": bool(results.participated),
            "visible": visible,
            "respondents": results.respondents.get(round_id, 0),
            "invited": results.invited.get(round_id),
            "demo_in_trend": any(round_.is_demo for round_ in selection.trend),
            "trend_chart": charts.organisation_trend_chart(organisation, kind, selection, results, groups, national),
        }
        if visible:
            total, respondents, invited = results.score(round_id), context["respondents"], context["invited"]
            weakest = queries.weakest_categories(results, round_id, categories)
            context.update(
                total=formats.percent(total),
                group_total=charts.percent_with_n(groups.get(round_id, queries.ALL)),
                response_rate=formats.percent(100.0 * respondents / invited, 0) if invited else None,
                category_chart=charts.organisation_category_chart(
                    organisation, kind, selection, categories, results, groups, national
                ),
                quadrant_chart=charts.organisation_quadrant_chart(
                    organisation, kind, selection, dimensions, results, groups
                ),
                learning=[
                    {
                        "links": links,
                        "score": formats.percent(links.score),
                        "national": charts.national_values(national, round_id, links.category),
                    }
                    for links in queries.learning_links(weakest, organisation)
                ],
            )
        return context

    return _render_dashboard(
        request, "maturity/organisation.html", "organisation", selection, body, organisation=organisation
    )


def _export(request, write):
    """The organisation table of the selected round, as the user may see it, written by write()."""
    selection, error = _selection_or_error(request)
    if error:
        return error

    def compute():
        categories = queries.model_categories(selection.selected.model)
        dimensions = queries.dimensions_of(categories)
        rows = queries.organisation_rows(request.user, selection, with_details=True)
        header, body = exporters.table(selection, dimensions, categories, rows)
        return write(selection, header, body)

    # The same file for everyone with the same access decision, until the results change.
    content, content_type, extension = results_version.cached(
        "export",
        compute,
        request.path,
        selection.selected.pk,
        access.audience(request.user).key,
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="mognad-{selection.selected.year}.{extension}"'
    patch_cache_control(response, private=True)
    return response


@require_safe
@login_required
def export_csv(request):
    return _export(
        request, lambda selection, header, body: (exporters.to_csv(header, body), exporters.CSV_CONTENT_TYPE, "csv")
    )


@require_safe
@login_required
def export_xlsx(request):
    def write(selection, header, body):
        title = _("Maturity %(year)s") % {"year": selection.selected.year}
        return exporters.to_xlsx(header, body, sheet_title=title), exporters.XLSX_CONTENT_TYPE, "xlsx"

    return _export(request, write)


@require_safe
def open_data(request):
    """Group-level results of the published rounds as JSON: public, identical for everyone, cacheable."""
    published = queries.published_results()
    document = exporters.open_data(
        published.rounds, published.categories_by_model, published.groups, published.national_by_round
    )
    body = json.dumps(document, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder).encode("utf-8")
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=OPEN_DATA_MAX_AGE)
    return get_conditional_response(request, etag=etag, response=response)
