"""Signal wiring for maturity: a round or a national reference value changed in the admin purges the anonymous
page cache, since the start page's headline and the open data show them (imports and recomputation purge it
themselves, see scoring.recompute_round and importers.NationalImporter)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from arena import page_cache
from maturity.models import NationalReference, Round


def purge_page_cache(sender, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(page_cache.purge)


def connect():
    """Connect the handlers above (from the AppConfig's ready(); connecting a function twice is a no-op)."""
    for model in (Round, NationalReference):
        post_save.connect(purge_page_cache, sender=model)
        post_delete.connect(purge_page_cache, sender=model)
