"""The maturity survey's group figures as open data (an arena.hooks.OPEN_DATASETS answer), one row per figure.

The same figures as /mognad/oppna-data.json, read the same way: published rounds only, through
queries.published_results(), whose GroupFigures lets through only the groups that privacy.py allows. No
organisation-level figure and no respondent appear. The national reference values are other publishers' data and
stay out."""

from django.db.models import Max
from django.utils.translation import gettext as _

from arena.open_data.datasets import Column, Dataset
from maturity import privacy, queries
from maturity.models import GroupScore, Round, ScoreLevel


def _columns():
    return (
        Column("year", "integer", _("The survey round's year.")),
        Column("round", "string", _("The survey round.")),
        Column("demo", "boolean", _("True for synthetic demo data.")),
        Column("model", "string", _("The maturity model the round used.")),
        Column("group", "string", _("The group: all (every organisation), forvaltning or bolag.")),
        Column("group_label", "string", _("The group in words.")),
        Column("level", "string", _("What the figure covers: total, dimension or category.")),
        Column("code", "string", _("The dimension's or category's code; empty for the total."), nullable=True),
        Column("name", "string", _("The dimension's or category's name; empty for the total."), nullable=True),
        Column("score", "number", _("Per cent of optimal conditions (0–100, one decimal).")),
        Column("organisations", "integer", _("The number of organisations the figure rests on.")),
        Column("respondents", "integer", _("The number of respondents the figure rests on.")),
    )


def _row(round_, kind, level, target, row):
    return {
        "year": round_.year,
        "round": round_.name,
        "demo": round_.is_demo,
        "model": round_.model.name,
        "group": kind.value,
        "group_label": str(kind.label),
        "level": level.value,
        "code": target.code if target else None,
        "name": target.name if target else None,
        "score": round(row.score, 1),
        "organisations": row.organisations,
        "respondents": row.respondents,
    }


def _rows():
    published = queries.published_results()
    for round_ in published.rounds:
        categories = published.categories_by_model.get(round_.model_id, [])
        dimensions = list(dict.fromkeys(category.dimension for category in categories))
        for kind in GroupScore.Kind:
            total = published.groups.get(round_.pk, kind.value)
            if total is None:
                continue
            yield _row(round_, kind, ScoreLevel.TOTAL, None, total)
            for level, targets in ((ScoreLevel.DIMENSION, dimensions), (ScoreLevel.CATEGORY, categories)):
                for target in targets:
                    if (row := published.groups.get(round_.pk, kind.value, level, target.pk)) is not None:
                        yield _row(round_, kind, level, target, row)


def _modified():
    return Round.objects.published().aggregate(latest=Max("published_at"))["latest"]


def maturity_dataset():
    return Dataset(
        slug="digital-mognad",
        title=_("Digital maturity: group-level results"),
        description=_(
            "Results of the published rounds of the digital maturity survey for the whole group, the "
            "administrations and the companies, in per cent of optimal conditions. A group's figures are published "
            "only when each rests on at least %(organisations)s organisations and %(respondents)s respondents and "
            "no single organisation can be worked out from them; there are no figures for individual "
            "organisations or respondents."
        )
        % {"organisations": privacy.MIN_ORGANISATIONS_IN_GROUP, "respondents": privacy.MIN_RESPONDENTS},
        columns=_columns(),
        rows=_rows,
        modified=_modified,
        themes=("GOVE", "TECH"),
        keywords=(_("digital maturity"), _("digitalisation"), _("survey")),
    )
