"""Signal wiring for the arena: organisation provisioning, purging the anonymous page cache (and with it the cached
site frame), forgetting the cached footer pages (arena.site_pages) and the cached user rights (arena.user_rights)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Site,
    TaskState,
    WorkflowState,
)
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.users.models import UserProfile

from arena import page_cache, page_routing, site_pages, user_rights, userbar
from arena.models import ArenaDocument, FocusArea, Organisation, Person, SiteSettings
from arena.projects import signals as projects_signals


def provision_saved_organisation(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the fixture carries the related rows itself
        return
    from arena.provisioning import provision_organisation

    provision_organisation(instance)
    page_cache.purge()


def remove_organisation_groups(sender, instance, **kwargs):
    # The groups only make sense for this organisation. Its media collection is kept for its files but
    # renamed, so a later organisation with the same name starts with an empty collection of its own.
    Group.objects.filter(organisation_link__organisation=instance).delete()
    if instance.collection_id:
        Collection.objects.filter(pk=instance.collection_id).update(name=f"Arkiv – {instance.name}")
    page_cache.purge()


def purge_on_publish(sender, **kwargs):
    page_cache.purge()


def purge_on_delete(sender, **kwargs):
    page_cache.purge()


def purge_on_site_settings_change(sender, created=False, **kwargs):
    # The menu and footer are on every page. A row created empty (for_site() does that on the first
    # render) changes nothing, and purging then would throw away the response being cached.
    if not created:
        page_cache.purge()


def purge_on_shared_content_change(sender, **kwargs):
    # Author names and focus areas appear on many pages.
    page_cache.purge()


def document_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """The library's listing is a cached page: forget it. A new or replaced file has its text read for search once
    the transaction commits (in a Celery task)."""
    page_cache.purge()
    if raw or not instance.file_changed_since_load():
        return
    instance.mark_file_loaded()
    from arena.tasks import enqueue, extract_document_text

    transaction.on_commit(lambda: enqueue(extract_document_text, document_id=instance.pk))


def purge_on_restriction_groups_change(sender, action=None, **kwargs):
    if action.startswith("post_"):
        page_cache.purge()


def forget_changed_site_page(sender, instance, **kwargs):
    # Any page type: the cookie page is found by its slug, whatever its type.
    if isinstance(instance, Page):
        site_pages.page_changed(instance)


def forget_site_pages(sender, **kwargs):
    site_pages.forget()


def forget_user_rights(sender, action=None, **kwargs):
    if action is None or action.startswith("post_"):
        user_rights.forget_all()


def forget_saved_page(sender, instance=None, **kwargs):
    if isinstance(instance, Page):
        page_routing.forget_saved_pages()


def forget_userbars(sender, instance=None, created=False, **kwargs):
    # A profile made with its defaults (Wagtail makes one as it first renders the bar) changes nothing shown.
    if not (created and isinstance(instance, UserProfile)):
        userbar.forget_all()


def connect():
    """Connect the handlers above (from the AppConfig's ready(); connecting a function twice is a no-op)."""
    user_model = get_user_model()
    for through in (user_model.groups.through, user_model.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(forget_user_rights, sender=through)
    post_delete.connect(forget_user_rights, sender=Group)
    post_save.connect(forget_user_rights, sender=GroupPagePermission)
    post_delete.connect(forget_user_rights, sender=GroupPagePermission)
    post_save.connect(provision_saved_organisation, sender=Organisation)
    pre_delete.connect(remove_organisation_groups, sender=Organisation)
    page_published.connect(purge_on_publish)
    page_unpublished.connect(purge_on_publish)
    # A moved page has a new address, in the menu and in every cached page that links to it.
    post_page_move.connect(purge_on_publish)
    post_delete.connect(purge_on_delete, sender=Page)
    post_save.connect(purge_on_site_settings_change, sender=SiteSettings)
    post_save.connect(purge_on_shared_content_change, sender=FocusArea)
    post_save.connect(purge_on_shared_content_change, sender=Person)
    # Deleting a person or focus area clears the pages' references by a bulk update, which sends no page signal.
    post_delete.connect(purge_on_delete, sender=Person)
    post_delete.connect(purge_on_delete, sender=FocusArea)
    post_save.connect(document_saved, sender=ArenaDocument)
    post_delete.connect(purge_on_delete, sender=ArenaDocument)
    post_save.connect(purge_on_shared_content_change, sender=CollectionViewRestriction)
    post_delete.connect(purge_on_delete, sender=CollectionViewRestriction)
    # Restricting a live page (or a whole blog space) takes it out of listings, feeds and the API at once: no cached
    # listing may go on showing its title. Lifting a restriction lists it again.
    post_save.connect(purge_on_shared_content_change, sender=PageViewRestriction)
    post_delete.connect(purge_on_delete, sender=PageViewRestriction)
    # Which groups a restriction admits decides who may open the page (arena.page_routing caches the restrictions).
    m2m_changed.connect(purge_on_restriction_groups_change, sender=PageViewRestriction.groups.through)
    post_save.connect(forget_changed_site_page)
    post_delete.connect(forget_changed_site_page)
    post_page_move.connect(forget_changed_site_page)
    post_save.connect(forget_site_pages, sender=Site)
    post_delete.connect(forget_site_pages, sender=Site)
    # A site's host name or root page decides which page every address leads to (arena.page_routing).
    post_save.connect(purge_on_delete, sender=Site)
    post_delete.connect(purge_on_delete, sender=Site)
    # The pages kept with cached routes (arena.page_routing) and editors' user bars are those of the current rows:
    # any saved page (a draft, a new owner, a lock) gives them new keys.
    post_save.connect(forget_saved_page)
    post_delete.connect(forget_saved_page)
    # What the cached user bar offers an editor besides (arena.userbar): moderators may edit a page in their task,
    # and the bar speaks the editor's admin language.
    for model in (WorkflowState, TaskState, UserProfile):
        post_save.connect(forget_userbars, sender=model)
        post_delete.connect(forget_userbars, sender=model)
    projects_signals.connect()  # change projects: mail followers about new updates
