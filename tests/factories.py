"""factory_boy factories shared by the test suite.

Organisations provision themselves (collection + writer/editor groups) on save, so
``OrganisationFactory()`` gives a fully provisioned tenant; ``add_writer``/``add_editor`` put a
user into its groups through the explicit OrganisationGroup link.
"""

import io

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from arena.library.files import pdf_bytes
from arena.models import Organisation, OrganisationGroup

TEST_PASSWORD = "Testlösen-123"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"anvandare{n}")
    email = factory.LazyAttribute(lambda obj: f"{obj.username}@exempel.test")
    first_name = "Testa"
    last_name = factory.Sequence(lambda n: f"Testsson{n}")
    is_active = True

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or TEST_PASSWORD)
        if create:
            obj.save(update_fields=["password"])


class SuperUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Förvaltning {n}")
    kind = Organisation.Kind.FORVALTNING
    description = factory.LazyAttribute(lambda obj: f"{obj.name} i testerna.")


def organisation_group(organisation, role):
    """The Wagtail group serving `organisation` in `role` ("writer" or "editor")."""
    return OrganisationGroup.objects.select_related("group").get(organisation=organisation, role=role).group


def add_to_organisation(user, organisation, role):
    user.groups.add(organisation_group(organisation, role))
    return user


def add_writer(user, organisation):
    return add_to_organisation(user, organisation, OrganisationGroup.Role.WRITER)


def add_editor(user, organisation):
    return add_to_organisation(user, organisation, OrganisationGroup.Role.EDITOR)


def writer_of(*organisations, **kwargs):
    user = UserFactory(**kwargs)
    for organisation in organisations:
        add_writer(user, organisation)
    return user


def editor_of(*organisations, **kwargs):
    user = UserFactory(**kwargs)
    for organisation in organisations:
        add_editor(user, organisation)
    return user


def png_bytes(size=(8, 6), colour=(200, 30, 60)):
    """A real, small PNG made by Pillow."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in a given collection: ``ImageFactory(collection=organisation.collection)``."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Testbild {n}")
    file = factory.django.ImageField(width=8, height=6, color="green")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class DocumentFactory(DjangoModelFactory):
    """A document in a given collection: ``DocumentFactory(collection=organisation.collection)``."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Testdokument {n}")
    file = factory.LazyAttribute(
        lambda obj: ContentFile(pdf_bytes(obj.title, [f"Innehåll i {obj.title}."]), name="dokument.pdf")
    )
    collection = factory.LazyFunction(Collection.get_first_root_node)
