"""Signal wiring for maturity: a round (published or unpublished, too) or a national reference value changed in
the admin purges the anonymous page cache, since the start page's headline and the open data show them. It and any
change of a round's participants or of a model's parts also moves the results version on, which the dashboards'
and exports' cached parts are keyed by (imports and recomputation do both themselves, see scoring.recompute_round
and importers.NationalImporter)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from arena import page_cache
from maturity import results_version
from maturity.models import Category, Dimension, MaturityModel, NationalReference, Round, RoundParticipant


def purge_page_cache(sender, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(page_cache.purge)
        results_version.bump_on_commit()


def results_changed(sender, raw=False, **kwargs):
    """Shown on the dashboards only: invited counts, and the names of the model's parts."""
    if not raw:
        results_version.bump_on_commit()


def connect():
    """Connect the handlers above (from the AppConfig's ready(); connecting a function twice is a no-op)."""
    for model in (Round, NationalReference):
        post_save.connect(purge_page_cache, sender=model)
        post_delete.connect(purge_page_cache, sender=model)
    for model in (RoundParticipant, MaturityModel, Dimension, Category):
        post_save.connect(results_changed, sender=model)
        post_delete.connect(results_changed, sender=model)
