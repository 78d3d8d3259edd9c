"""Who a new post is by: the writer's own Person, created and linked to their account the first time."""

from arena.models import Organisation, Person


def writer_person(user, space):
    """The Person of `user` to preselect as the author of a new post in `space`, or None.

    A user without a Person gets one only when they belong to the space's organisation: an administrator
    writing in someone else's space should not become one of its people by opening the form.
    """
    if not user.is_authenticated:
        return None
    person = Person.objects.filter(user=user).first()
    if person is not None:
        return person
    if not Organisation.objects.for_user(user).filter(pk=space.organisation_id).exists():
        return None
    person, _created = Person.objects.get_or_create(
        user=user, defaults={"name": display_name(user), "organisation_id": space.organisation_id}
    )
    return person


def display_name(user):
    """A public byline: the full name, else the part of the e-mail address before the @ (never the whole address)."""
    return user.get_full_name().strip() or user.email.partition("@")[0] or user.get_username()
