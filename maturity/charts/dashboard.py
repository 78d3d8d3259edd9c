"""The dashboards' charts: each builder turns stored figures (maturity.queries) into a Chart with its summary
and data table, drawn by maturity.charts.svg."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maturity.charts.formats import NO_VALUE, percent, points
from maturity.charts.svg import (
    GREEN,
    NATIONAL_COLOURS,
    NATIONAL_DASHES,
    NAVY,
    ORANGE,
    PURPLE,
    Chart,
    DataTable,
    Series,
    bar_chart,
    histogram,
    line_chart,
    quadrant,
)


def histogram_bins(values):
    """Counts per 10-point bin; 100 falls in the last bin."""
    counts = [0] * 10
    for value in values:
        counts[min(int(value // 10), 9)] += 1
    return counts


def bin_labels():
    return [f"{low}–{low + 10}" for low in range(0, 100, 10)]


def percent_with_n(row):
    """A group figure with its number of organisations, e.g. "52,3 % (n = 40)"."""
    if row is None:
        return NO_VALUE
    return _("%(score)s (n = %(n)s)") % {"score": percent(row.score), "n": row.organisations}


def short_source(source):
    """A source as a label: without a trailing parenthesis (e.g. its web addresses), never cut short, so a column
    header or legend names the report in full; the addresses are listed under "About the figures"."""
    return re.sub(r"\s*\(.*\)\s*$", "", source) or source


def national_label(series):
    return _("National (%(source)s)") % {"source": short_source(series.source)}


def _national_series(national, values_of):
    """One Series per source, never joined: each keeps its own colour and dash pattern."""
    result = []
    for index, source in enumerate(national):
        values = values_of(source)
        if any(value is not None for value in values):
            result.append(
                Series(
                    national_label(source),
                    values,
                    colour=NATIONAL_COLOURS[index % len(NATIONAL_COLOURS)],
                    dash=NATIONAL_DASHES[index % len(NATIONAL_DASHES)],
                    marker="diamond",
                )
            )
    return result


def kind_label(kind):
    from maturity.models import GroupScore

    if kind == GroupScore.Kind.ALL:
        return _("The whole city")
    return str(GroupScore.Kind(kind).label)


def _group_series(keys_and_values):
    """Series for the whole group and each kind, skipping kinds without any shown figure."""
    styles = {"all": (NAVY, "circle"), "forvaltning": (GREEN, "square"), "bolag": (PURPLE, "triangle")}
    result = []
    for kind, values in keys_and_values:
        if kind != "all" and all(value is None for value in values):
            continue
        colour, marker = styles[kind]
        result.append(Series(kind_label(kind), values, colour=colour, marker=marker))
    return result


def participation_notes(selection, groups, kinds):
    """One sentence per group whose number of organisations differs between the selected and the previous round,
    e.g. "Hela staden bygger på 3 organisationer 2022 mot 42 2021.": a change between them is partly a change in who
    took part."""
    if selection.previous is None:
        return []
    current_year, previous_year = selection.selected.year, selection.previous.year
    notes = []
    for kind in kinds:
        current, previous = groups.get(selection.selected.pk, kind), groups.get(selection.previous.pk, kind)
        if current is None or previous is None or current.organisations == previous.organisations:
            continue
        notes.append(
            ngettext(
                "%(group)s rests on %(n)s organisation in %(year)s against %(previous_n)s in %(previous_year)s.",
                "%(group)s rests on %(n)s organisations in %(year)s against %(previous_n)s in %(previous_year)s.",
                current.organisations,
            )
            % {
                "group": kind_label(kind),
                "n": current.organisations,
                "year": current_year,
                "previous_n": previous.organisations,
                "previous_year": previous_year,
            }
        )
    return notes


def group_trend_chart(selection, groups, national):
    rounds = selection.trend
    years = [str(round_.year) for round_ in rounds]
    kinds = ("all", "forvaltning", "bolag")
    series = _group_series([(kind, [groups.score(r.pk, kind) for r in rounds]) for kind in kinds])
    series += _national_series(national, lambda source: [source.score(r.pk) for r in rounds])
    chart = Chart(
        id="trend",
        title=_("Total result per round"),
        description=_(
            "Line chart: the group-wide total, administrations, companies and national averages per year, "
            "in per cent of optimal conditions."
        ),
        summary=_group_trend_summary(selection, groups, national),
        table=DataTable(
            caption=_("Total result per round, per cent of optimal conditions (n = number of organisations)"),
            column_headers=[_("Round")] + [item.label for item in series],
            rows=[
                (
                    years[i],
                    [percent_with_n(groups.get(r.pk, kind)) for kind in kinds if kind_label(kind) in _labels(series)]
                    + [percent(source.score(r.pk)) for source in national if national_label(source) in _labels(series)],
                )
                for i, r in enumerate(rounds)
            ],
        ),
    )
    return line_chart(chart, years, series)


def _labels(series):
    return {item.label for item in series}


def _group_trend_summary(selection, groups, national):
    current = groups.get(selection.selected.pk, "all")
    if current is None:
        missing = _("No group-wide result is shown for %(year)s.") % {"year": selection.selected.year}
        return " ".join([missing, *participation_notes(selection, groups, ("forvaltning", "bolag"))])
    sentences = [
        ngettext(
            "In %(year)s the group-wide total was %(score)s of optimal conditions, over %(n)s organisation.",
            "In %(year)s the group-wide total was %(score)s of optimal conditions, over %(n)s organisations.",
            current.organisations,
        )
        % {"year": selection.selected.year, "score": percent(current.score), "n": current.organisations}
    ]
    previous = groups.get(selection.previous.pk, "all") if selection.previous else None
    if previous is not None:
        sentences.append(
            _("That is %(change)s percentage points compared with %(year)s.")
            % {"change": points(current.score - previous.score), "year": selection.previous.year}
        )
    sentences += participation_notes(selection, groups, ("all", "forvaltning", "bolag"))
    for source in national:
        score = source.score(selection.selected.pk)
        if score is not None:
            sentences.append(
                _("The national average according to %(source)s was %(score)s.")
                % {"source": short_source(source.source), "score": percent(score)}
            )
    return " ".join(sentences)


def group_category_chart(selection, categories, groups, national):
    round_id = selection.selected.pk
    kinds = ("all", "forvaltning", "bolag")
    level = "category"
    series = _group_series([(kind, [groups.score(round_id, kind, level, c.pk) for c in categories]) for kind in kinds])
    series += _national_series(national, lambda source: [source.score(round_id, c.pk) for c in categories])
    shown_kinds = [kind for kind in kinds if kind_label(kind) in _labels(series)]
    shown_national = [source for source in national if national_label(source) in _labels(series)]
    chart = Chart(
        id="categories",
        title=_("Result per category, %(year)s") % {"year": selection.selected.year},
        description=_(
            "Bar chart: each category's result for the whole group, administrations, companies and "
            "national averages where known, in per cent of optimal conditions."
        ),
        summary=" ".join(
            [
                _category_summary(round_id, categories, groups),
                *national_category_notes(
                    _("the whole city"),
                    [groups.score(round_id, "all", "category", c.pk) for c in categories],
                    national,
                    round_id,
                    categories,
                ),
            ]
        ),
        table=DataTable(
            caption=_("Result per category in %(year)s, per cent of optimal conditions (n = number of organisations)")
            % {"year": selection.selected.year},
            column_headers=[_("Category")] + [item.label for item in series],
            rows=[
                (
                    category_name(category),
                    [percent_with_n(groups.get(round_id, kind, level, category.pk)) for kind in shown_kinds]
                    + [percent(source.score(round_id, category.pk)) for source in shown_national],
                )
                for category in categories
            ],
        ),
    )
    return bar_chart(chart, [category.name for category in categories], series)


def category_name(category):
    if category.reconstructed:
        return _("%(name)s (reconstructed)") % {"name": category.name}
    return category.name


def national_values(national, round_id, category):
    """The national values for one category in the round, one (label, formatted value) per source that has one."""
    return [
        (national_label(source), percent(source.score(round_id, category.pk)))
        for source in national
        if source.score(round_id, category.pk) is not None
    ]


def national_category_notes(name, scores, national, round_id, categories):
    """One sentence per national source with values per category: in how many of them `name` is above it."""
    notes = []
    for source in national:
        pairs = [
            (score, source.score(round_id, category.pk))
            for score, category in zip(scores, categories, strict=True)
            if score is not None and source.score(round_id, category.pk) is not None
        ]
        if pairs:
            notes.append(
                _(
                    "Against the national values per category according to %(source)s, %(name)s is above in "
                    "%(above)s of %(count)s categories."
                )
                % {
                    "source": short_source(source.source),
                    "name": name,
                    "above": sum(1 for own, reference in pairs if own > reference),
                    "count": len(pairs),
                }
            )
    return notes


def _category_summary(round_id, categories, groups):
    scored = [(groups.score(round_id, "all", "category", c.pk), c) for c in categories]
    scored = [(score, category) for score, category in scored if score is not None]
    if not scored:
        return _("No category results are shown for this round.")
    best = max(scored, key=lambda item: item[0])
    worst = min(scored, key=lambda item: item[0])
    sentences = [
        _("The group as a whole scores highest in %(best)s (%(best_score)s) and lowest in %(worst)s (%(worst_score)s).")
        % {
            "best": best[1].name,
            "best_score": percent(best[0]),
            "worst": worst[1].name,
            "worst_score": percent(worst[0]),
        }
    ]
    compared = [
        (groups.score(round_id, "bolag", "category", c.pk), groups.score(round_id, "forvaltning", "category", c.pk))
        for c in categories
    ]
    compared = [
        (bolag, forvaltning) for bolag, forvaltning in compared if bolag is not None and forvaltning is not None
    ]
    if compared:
        sentences.append(
            _("Companies score higher than administrations in %(count)s of %(total)s categories.")
            % {"count": sum(1 for bolag, forvaltning in compared if bolag > forvaltning), "total": len(compared)}
        )
    return " ".join(sentences)


def kind_comparison_chart(selection, dimensions, groups):
    """Administrations against companies: the total and each dimension."""
    round_id = selection.selected.pk
    figures = [(_("Total"), "total", None)] + [(d.name, "dimension", d.pk) for d in dimensions]
    kinds = ("forvaltning", "bolag", "all")
    series = _group_series(
        [(kind, [groups.score(round_id, kind, level, target) for _l, level, target in figures]) for kind in kinds],
    )
    shown_kinds = [kind for kind in kinds if kind_label(kind) in _labels(series)]
    forvaltning, bolag = groups.get(round_id, "forvaltning"), groups.get(round_id, "bolag")
    if forvaltning is not None and bolag is not None:
        summary = _(
            "In total, companies (n = %(bolag_n)s) reach %(bolag)s and administrations (n = %(forvaltning_n)s) "
            "%(forvaltning)s, a difference of %(difference)s percentage points."
        ) % {
            "bolag": percent(bolag.score),
            "bolag_n": bolag.organisations,
            "forvaltning": percent(forvaltning.score),
            "forvaltning_n": forvaltning.organisations,
            "difference": points(bolag.score - forvaltning.score),
        }
    else:
        summary = _("Administrations and companies are not shown separately for this round.")
    chart = Chart(
        id="kinds",
        title=_("Administrations and companies, %(year)s") % {"year": selection.selected.year},
        description=_("Bar chart: the total and each dimension for administrations, companies and the whole group."),
        summary=summary,
        table=DataTable(
            caption=_(
                "Administrations and companies in %(year)s, per cent of optimal conditions (n = number of "
                "organisations)"
            )
            % {"year": selection.selected.year},
            column_headers=[_("Result")] + [item.label for item in series],
            rows=[
                (label, [percent_with_n(groups.get(round_id, kind, level, target)) for kind in shown_kinds])
                for label, level, target in figures
            ],
        ),
    )
    return bar_chart(chart, [label for label, _level, _target in figures], series)


def distribution_chart(selection, totals, minimum):
    counts = histogram_bins(totals)
    labels = bin_labels()
    if totals:
        top = max(range(len(counts)), key=lambda index: counts[index])
        summary = ngettext(
            "%(count)s organisation has at least %(minimum)s respondents. The most common interval is "
            "%(low)s–%(high)s per cent (%(top_count)s).",
            "%(count)s organisations have at least %(minimum)s respondents. The most common interval is "
            "%(low)s–%(high)s per cent (%(top_count)s).",
            len(totals),
        ) % {
            "count": len(totals),
            "minimum": minimum,
            "top_count": counts[top],
            "low": top * 10,
            "high": top * 10 + 10,
        }
    else:
        summary = _("No organisation has enough respondents to be shown this round.")
    chart = Chart(
        id="distribution",
        title=_("Distribution of organisations, %(year)s") % {"year": selection.selected.year},
        description=_("Histogram: the number of organisations whose total falls in each 10-point interval."),
        summary=summary,
        table=DataTable(
            caption=_("Number of organisations per interval of the total, %(year)s")
            % {"year": selection.selected.year},
            column_headers=[_("Total (per cent)"), _("Organisations")],
            rows=[(label, [str(count)]) for label, count in zip(labels, counts, strict=True)],
        ),
    )
    return histogram(chart, counts)


# --- One organisation -------------------------------------------------------------------------------------------


def _group_label(groups, round_id, kind):
    """A group's name with its number of organisations in one round, e.g. "Hela staden (n = 42)"."""
    row = groups.get(round_id, kind)
    if row is None:
        return kind_label(kind)
    return _("%(group)s (n = %(n)s)") % {"group": kind_label(kind), "n": row.organisations}


def _comparison_series(organisation, kind, values, groups=None, round_id=None):
    """The organisation, the whole group and the organisation's own kind, in that order. Given one round, the
    groups' labels carry their n (a trend over several rounds gives n per cell instead)."""
    own, whole, same_kind = values

    def label(group_kind):
        return _group_label(groups, round_id, group_kind) if groups is not None else kind_label(group_kind)

    series = [Series(organisation.name, own, colour=NAVY, marker="circle")]
    series.append(Series(label("all"), whole, colour=ORANGE, marker="square"))
    if kind is not None and any(value is not None for value in same_kind):
        series.append(Series(label(kind), same_kind, colour=GREEN, marker="triangle"))
    return series


def organisation_category_chart(organisation, kind, selection, categories, results, groups, national):
    round_id = selection.selected.pk
    own = [results.score(round_id, "category", c.pk) for c in categories]
    whole = [groups.score(round_id, "all", "category", c.pk) for c in categories]
    same_kind = [groups.score(round_id, kind, "category", c.pk) if kind else None for c in categories]
    series = _comparison_series(organisation, kind, (own, whole, same_kind), groups, round_id)
    series += _national_series(national, lambda source: [source.score(round_id, c.pk) for c in categories])
    above = sum(1 for mine, theirs in zip(own, whole, strict=True) if None not in (mine, theirs) and mine > theirs)
    scored = [(score, category) for score, category in zip(own, categories, strict=True) if score is not None]
    summary = ""
    if scored:
        best, worst = max(scored, key=lambda item: item[0]), min(scored, key=lambda item: item[0])
        summary = _(
            "%(organisation)s scores highest in %(best)s (%(best_score)s) and lowest in %(worst)s (%(worst_score)s), "
            "and is above the group-wide result in %(above)s of %(count)s categories."
        ) % {
            "organisation": organisation.name,
            "best": best[1].name,
            "best_score": percent(best[0]),
            "worst": worst[1].name,
            "worst_score": percent(worst[0]),
            "above": above,
            "count": len(scored),
        }
        summary = " ".join([summary, *national_category_notes(organisation.name, own, national, round_id, categories)])
    chart = Chart(
        id="org-categories",
        title=_("%(organisation)s per category, %(year)s")
        % {"organisation": organisation.name, "year": selection.selected.year},
        description=_(
            "Bar chart: the organisation's result in each category against the whole group, organisations "
            "of the same kind and national averages, in per cent of optimal conditions."
        ),
        summary=summary,
        table=DataTable(
            caption=_("%(organisation)s per category in %(year)s, per cent of optimal conditions")
            % {"organisation": organisation.name, "year": selection.selected.year},
            column_headers=[_("Category")] + [item.label for item in series],
            rows=[
                (category_name(category), [percent(item.values[index]) for item in series])
                for index, category in enumerate(categories)
            ],
        ),
    )
    return bar_chart(chart, [category.name for category in categories], series)


def organisation_quadrant_chart(organisation, kind, selection, dimensions, results, groups):
    """The organisation on the two dimensions (first on x, second on y), with the whole group as the reference.

    Only for models with exactly two dimensions; returns None otherwise or when a figure is missing."""
    if len(dimensions) != 2:
        return None
    round_id = selection.selected.pk
    x_dim, y_dim = dimensions
    own = (results.score(round_id, "dimension", x_dim.pk), results.score(round_id, "dimension", y_dim.pk))
    whole = (groups.score(round_id, "all", "dimension", x_dim.pk), groups.score(round_id, "all", "dimension", y_dim.pk))
    if None in own:
        return None
    marks = [(Series(organisation.name, [], colour=NAVY, marker="circle"), *own)]
    rows = [(organisation.name, [percent(own[0]), percent(own[1])])]
    if None not in whole:
        marks.append((Series(kind_label("all"), [], colour=ORANGE, marker="square"), *whole))
        rows.append((_group_label(groups, round_id, "all"), [percent(whole[0]), percent(whole[1])]))
    same_kind = (
        (groups.score(round_id, kind, "dimension", x_dim.pk), groups.score(round_id, kind, "dimension", y_dim.pk))
        if kind
        else (None, None)
    )
    if None not in same_kind:
        marks.append((Series(kind_label(kind), [], colour=GREEN, marker="triangle"), *same_kind))
        rows.append((_group_label(groups, round_id, kind), [percent(same_kind[0]), percent(same_kind[1])]))
    summary = _("%(organisation)s: %(x_name)s %(x)s and %(y_name)s %(y)s.") % {
        "organisation": organisation.name,
        "x_name": x_dim.name,
        "x": percent(own[0]),
        "y_name": y_dim.name,
        "y": percent(own[1]),
    }
    if None not in whole:
        summary += " " + _position_sentence(own, whole, x_dim.name, y_dim.name)
    chart = Chart(
        id="quadrant",
        title=_("%(x_name)s and %(y_name)s, %(year)s")
        % {"x_name": x_dim.name, "y_name": y_dim.name, "year": selection.selected.year},
        description=_(
            "Quadrant chart: %(x_name)s on the horizontal axis, %(y_name)s on the vertical axis, both "
            "0–100; the dashed lines mark the group-wide result."
        )
        % {"x_name": x_dim.name, "y_name": y_dim.name},
        summary=summary,
        table=DataTable(
            caption=_("%(x_name)s and %(y_name)s in %(year)s, per cent of optimal conditions")
            % {"x_name": x_dim.name, "y_name": y_dim.name, "year": selection.selected.year},
            column_headers=[_("Organisation or group"), x_dim.name, y_dim.name],
            rows=rows,
        ),
    )
    return quadrant(chart, x_dim.name, y_dim.name, marks, reference=whole if None not in whole else None)


def _position_sentence(own, whole, x_name, y_name):
    x_above, y_above = own[0] >= whole[0], own[1] >= whole[1]
    if x_above and y_above:
        return _("It is at or above the group-wide result on both dimensions.")
    if not x_above and not y_above:
        return _("It is below the group-wide result on both dimensions.")
    above, below = (x_name, y_name) if x_above else (y_name, x_name)
    return _("It is at or above the group-wide result in %(above)s and below it in %(below)s.") % {
        "above": above,
        "below": below,
    }


def organisation_trend_chart(organisation, kind, selection, results, groups, national):
    rounds = selection.trend
    years = [str(round_.year) for round_ in rounds]
    own = [results.score(r.pk) for r in rounds]
    whole = [groups.score(r.pk, "all") for r in rounds]
    same_kind = [groups.score(r.pk, kind) if kind else None for r in rounds]
    series = _comparison_series(organisation, kind, (own, whole, same_kind))
    series += _national_series(national, lambda source: [source.score(r.pk) for r in rounds])
    shown = [(r, value) for r, value in zip(rounds, own, strict=True) if value is not None]
    if len(shown) > 1:
        (first_round, first), (last_round, last) = shown[0], shown[-1]
        summary = _(
            "%(organisation)s went from %(first)s in %(first_year)s to %(last)s in %(last_year)s "
            "(%(change)s percentage points)."
        ) % {
            "organisation": organisation.name,
            "first": percent(first),
            "first_year": first_round.year,
            "last": percent(last),
            "last_year": last_round.year,
            "change": points(last - first),
        }
    elif shown:
        summary = _("%(organisation)s has a shown result for one round only: %(score)s in %(year)s.") % {
            "organisation": organisation.name,
            "score": percent(shown[0][1]),
            "year": shown[0][0].year,
        }
    else:
        summary = _("%(organisation)s has no shown result in these rounds.") % {"organisation": organisation.name}
    summary = " ".join([summary, *participation_notes(selection, groups, ("all", kind) if kind else ("all",))])
    chart = Chart(
        id="org-trend",
        title=_("%(organisation)s over time") % {"organisation": organisation.name},
        description=_(
            "Line chart: the organisation's total per year against the whole group, its own kind and "
            "national averages, in per cent of optimal conditions; a gap means too few respondents."
        ),
        summary=summary,
        table=DataTable(
            caption=_("%(organisation)s's total per round, per cent of optimal conditions")
            % {"organisation": organisation.name},
            column_headers=[_("Round")] + [item.label for item in series],
            rows=[
                (years[index], _trend_cells(series, index, rounds[index], kind, groups)) for index in range(len(rounds))
            ],
        ),
    )
    return line_chart(chart, years, series)


def _trend_cells(series, index, round_, kind, groups):
    """One round's row of the organisation's trend table: the groups' figures with their n that round."""
    cells = [percent(item.values[index]) for item in series]
    cells[1] = percent_with_n(groups.get(round_.pk, "all"))
    if len(series) > 2 and series[2].label == kind_label(kind):
        cells[2] = percent_with_n(groups.get(round_.pk, kind))
    return cells
