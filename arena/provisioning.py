"""Idempotent provisioning of an organisation: its media collection, its writer and editor groups,
and whatever other apps register (the blogs app adds the organisation's blog space).

Other apps plug in through the arena.hooks.PROVISION_ORGANISATION hook (see arena/hooks.py). Their functions
must be idempotent; they run on every save of an organisation and from `manage.py provision_organisations`.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from arena.hooks import PROVISION_ORGANISATION
from arena.models import ARENA_COLLECTION_NAME, Organisation, OrganisationGroup
from arena.roles import ARENA_EDITORS, admin_access_permission, ensure_role_groups, model_permissions

# What each role may do in its organisation's collection (Wagtail collection permissions). Documents are the
# material library's model (arena.ArenaDocument), but Wagtail checks document permissions against
# wagtaildocs.Document whatever the model (wagtail.documents.permissions: auth_model), so those are the ones granted.
COLLECTION_PERMISSIONS = {
    OrganisationGroup.Role.WRITER: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
    OrganisationGroup.Role.EDITOR: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "delete_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "delete_document"),
        ("wagtaildocs", "choose_document"),
    ],
}
# Arena editors: the arena's own collection for the library's shared documents, and choosing any document (a change
# project links documents from every organisation).
ARENA_COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
]
ARENA_EDITOR_ROOT_PERMISSIONS = [("wagtaildocs", "choose_document")]

GROUP_NAME_SUFFIX = {
    OrganisationGroup.Role.WRITER: "skribenter",
    OrganisationGroup.Role.EDITOR: "redaktörer",
}


def ensure_collection(organisation):
    collection = organisation.collection
    if collection is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=organisation.name).first() or root.add_child(
            name=organisation.name
        )
        Organisation.objects.filter(pk=organisation.pk).update(collection=collection)
        organisation.collection = collection
    elif collection.name != organisation.name:
        collection.name = organisation.name
        collection.save(update_fields=["name"])
    return collection


def ensure_groups(organisation, collection):
    access = admin_access_permission()
    groups = {}
    for role in OrganisationGroup.Role:
        name = f"{organisation.name} – {GROUP_NAME_SUFFIX[role]}"
        link = OrganisationGroup.objects.select_related("group").filter(organisation=organisation, role=role).first()
        if link is None:
            group, _created = Group.objects.get_or_create(name=name)
            link = OrganisationGroup.objects.create(organisation=organisation, group=group, role=role)
        group = link.group
        if group.name != name:
            group.name = name
            group.save(update_fields=["name"])
        group.permissions.add(access)
        for permission in model_permissions(COLLECTION_PERMISSIONS[role]):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
        groups[role.value] = group
    return groups


@transaction.atomic
def provision_organisation(organisation):
    """Create or repair everything an organisation needs. Safe to run any number of times."""
    collection = ensure_collection(organisation)
    groups = ensure_groups(organisation, collection)
    for func in hooks.get_hooks(PROVISION_ORGANISATION):
        func(organisation, groups)
    return groups


def ensure_arena_collection():
    """The arena's own collection (top level, beside the organisations'), created once and found by name."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=ARENA_COLLECTION_NAME).first() or root.add_child(name=ARENA_COLLECTION_NAME)


def grant_arena_editor_library():
    """Arena editors upload and edit in the arena's collection and may choose any document. Idempotent."""
    group = ensure_role_groups()[ARENA_EDITORS]
    grants = [
        (ensure_arena_collection(), ARENA_COLLECTION_PERMISSIONS),
        (Collection.get_first_root_node(), ARENA_EDITOR_ROOT_PERMISSIONS),
    ]
    for collection, pairs in grants:
        for permission in model_permissions(pairs):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
    return group


def grant_arena_editor_pages(root_page):
    """Arena editors curate the whole site: add, edit and publish from the home page down."""
    group = ensure_role_groups()[ARENA_EDITORS]
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
    group.permissions.add(
        *model_permissions(
            [
                ("arena", "change_sitesettings"),
                ("arena", "view_organisation"),
                ("arena", "add_focusarea"),
                ("arena", "change_focusarea"),
                ("arena", "add_person"),
                ("arena", "change_person"),
            ]
        )
    )
    # Search: promote results for a query; the same permission opens the search reports (arena.search.admin_views).
    group.permissions.add(
        *model_permissions(
            [
                ("wagtailsearchpromotions", "add_searchpromotion"),
                ("wagtailsearchpromotions", "change_searchpromotion"),
                ("wagtailsearchpromotions", "delete_searchpromotion"),
            ]
        )
    )
    grant_arena_editor_library()
