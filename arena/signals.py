"""Signal wiring for the arena: organisation provisioning and purging the anonymous page cache."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from arena import page_cache
from arena.models import Organisation


@receiver(post_save, sender=Organisation)
def provision_saved_organisation(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the fixture carries the related rows itself
        return
    from arena.provisioning import provision_organisation

    provision_organisation(instance)
    page_cache.purge()


@receiver(pre_delete, sender=Organisation)
def remove_organisation_groups(sender, instance, **kwargs):
    # The groups only make sense for this organisation; its media collection is kept for its files.
    Group.objects.filter(organisation_link__organisation=instance).delete()
    page_cache.purge()


@receiver(page_published)
@receiver(page_unpublished)
def purge_on_publish(sender, **kwargs):
    page_cache.purge()


@receiver(post_delete, sender=Page)
def purge_on_delete(sender, **kwargs):
    page_cache.purge()
