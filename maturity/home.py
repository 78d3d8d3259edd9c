"""The maturity headline on the start page: the whole city's total in the latest published round against the
national averages of that round, as a sentence and a small bar drawing.

The figure comes from queries.headline(), which reads the whole city's total through the rule for group figures
(privacy.py). A figure that rule lets through is public: the open data (/mognad/oppna-data.json) gives it to
anyone. So the section is the same for every visitor and may be cached for anonymous ones; when the rule withholds
the figure, or before the first published round, there is no section at all. Only the link to the dashboards
depends on the visitor: it is there for logged-in users, who may open /mognad/ (see access.py).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from arena.home_sections import HomeSection, varies_by_audience
from maturity import queries
from maturity.charts.dashboard import short_source
from maturity.charts.formats import number, percent

TEMPLATE = "maturity/includes/home_headline.html"
# One bar per figure, 0–100 % over BAR_WIDTH (SVG user units).
BAR_WIDTH = 240


@dataclass(frozen=True)
class Bar:
    label: str
    value: str  # the figure as shown, e.g. "52,0 %"
    width: str  # SVG coordinates are written with a dot, whatever the locale
    is_city: bool = False


@varies_by_audience  # the link to the dashboards is for logged-in users
def maturity_headline(request):
    headline = queries.headline()
    if headline is None or headline.city is None:
        return None
    city = headline.city.score
    sentences = [
        ngettext(
            "The whole city reached %(score)s of optimal conditions for digitalisation in %(round)s, over "
            "%(n)s organisation.",
            "The whole city reached %(score)s of optimal conditions for digitalisation in %(round)s, over "
            "%(n)s organisations.",
            headline.city.organisations,
        )
        % {"score": percent(city), "round": headline.round.name, "n": headline.city.organisations}
    ]
    sentences += [comparison(city, reference) for reference in headline.national] or [
        _("There is no national average for this round.")
    ]
    figures = [(_("The whole city"), city, True)] + [
        (_("National (%(source)s)") % {"source": short_source(reference.source)}, reference.score, False)
        for reference in headline.national
    ]
    return HomeSection(
        TEMPLATE,
        {
            "round": headline.round,
            "sentences": sentences,
            "bars": bars(figures),
            "bar_width": BAR_WIDTH,
            "dashboard_url": reverse("maturity:dashboard") if request.user.is_authenticated else None,
        },
    )


def comparison(city, reference):
    """One sentence comparing the city with one source's national total, in the rounded figures it shows."""
    difference = round(city, 1) - round(reference.score, 1)
    values = {
        "points": number(abs(difference)),
        "national": percent(reference.score),
        "source": short_source(reference.source),
    }
    if round(difference, 1) > 0:
        text = _("That is %(points)s percentage points above the national average of %(national)s (%(source)s).")
    elif round(difference, 1) < 0:
        text = _("That is %(points)s percentage points below the national average of %(national)s (%(source)s).")
    else:
        text = _("That is the same as the national average of %(national)s (%(source)s).")
    return text % values


def bars(figures):
    """(label, score, is_city) → the bars, top to bottom."""
    return [
        Bar(
            label=label,
            value=percent(score),
            width=f"{BAR_WIDTH * max(0.0, min(score, 100.0)) / 100:.1f}",
            is_city=is_city,
        )
        for label, score, is_city in figures
    ]
