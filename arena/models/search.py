"""Searches that found nothing, per query and day, for the editors' report (the searches themselves are counted by
wagtail.contrib.search_promotions' Query and QueryDailyHits)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query


class UnansweredSearch(models.Model):
    query = models.ForeignKey(
        Query, verbose_name=_("search terms"), on_delete=models.CASCADE, related_name="unanswered_days"
    )
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [models.UniqueConstraint(fields=["query", "date"], name="one_unanswered_row_per_query_and_day")]

    def __str__(self):
        return f"{self.query} ({self.date})"
