"""Index each saved object once at the end of a bulk change, instead of on every save.

Creating a page saves it several times (added to the tree, revised, published), and every save updates the search
index and Wagtail's reference index on the spot: that was half of the time `seed_demo` took, and the test suite seeds
the demo many times. Inside `indexing_deferred()` saves are only noted; on leaving it, every noted object that still
exists is indexed once, in both indexes, in the order it was first saved.

The signal handlers are swapped for the whole process, so this is for management commands and tests, never for a
web request. Deletions are left alone: they still update both indexes at once.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler as update_search_index_on_save
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task

NOTE_SAVED_UID = "arena.deferred_indexing.note_saved"


def _search_indexed_models():
    return {model for model in get_indexed_models() if getattr(model, "search_auto_update", True)}


@contextmanager
def indexing_deferred():
    search_models = _search_indexed_models()
    noted = {}

    def note_saved(sender, instance, raw=False, **kwargs):
        if not raw:
            noted.setdefault((sender, str(instance.pk)), None)

    # Every save is noted, not only those of the models tracked now: Wagtail starts tracking a snippet's references
    # when the admin registers it, which may happen halfway through (the first reverse() of an admin URL).
    swaps = [(update_search_index_on_save, model) for model in search_models]
    swaps += [(update_reference_index_on_save, model) for model in ReferenceIndex.tracked_models]
    for handler, model in swaps:
        post_save.disconnect(handler, sender=model)
    post_save.connect(note_saved, weak=False, dispatch_uid=NOTE_SAVED_UID)
    try:
        yield
    finally:
        post_save.disconnect(dispatch_uid=NOTE_SAVED_UID)
        for handler, model in swaps:
            post_save.connect(handler, sender=model)
    _index_for_search([(model, pk) for model, pk in noted if model in search_models])
    for model, pk in noted:
        if model in ReferenceIndex.tracked_models and model._default_manager.filter(pk=pk).exists():
            update_reference_index_task.call(model._meta.app_label, model._meta.model_name, pk)


def _index_for_search(noted):
    """Index the noted objects that still exist, as the index takes them (a page in its most specific class, and only
    what its class's get_indexed_objects() holds), in one bulk write per class: indexing one object at a time costs
    about 20 ms each on PostgreSQL."""
    pks_by_model = defaultdict(list)
    for model, pk in noted:
        pks_by_model[model].append(pk)
    indexed_pks = defaultdict(set)
    for model, pks in pks_by_model.items():
        for instance in model._default_manager.filter(pk__in=pks):
            indexed = instance.get_indexed_instance()  # no query when the instance already is of its own class
            if indexed is not None:
                indexed_pks[type(indexed)].add(indexed.pk)
    backends = [backend for _name, backend in get_search_backends_with_name(with_auto_update=True)]
    for model, pks in indexed_pks.items():
        objects = list(model.get_indexed_objects().filter(pk__in=pks))
        for backend in backends:
            backend.add_bulk(model, objects)
