"""Tenancy is enforced one way: every model of ours that carries an organisation has a `for_user(user)` queryset
method saying what that user may see (pages excepted: they use Wagtail's page permissions)."""

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Page

from arena.models import Organisation, OrganisationGroup, Person
from tests.factories import OrganisationFactory, SuperUserFactory, UserFactory, add_writer

OUR_APPS = ("arena", "blogs", "conferences", "maturity")


def models_carrying_an_organisation():
    found = []
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS or issubclass(model, Page):
            continue
        if any(
            field.concrete and getattr(field, "related_model", None) is Organisation
            for field in model._meta.get_fields()
            if field.many_to_one or field.many_to_many
        ):
            found.append(model)
    return found


def test_the_check_finds_the_models_it_should():
    labels = {model._meta.label for model in models_carrying_an_organisation()}
    assert {"blogs.Comment", "conferences.Registration", "maturity.OrganisationScore", "maturity.Response"} <= labels


@pytest.mark.parametrize("model", models_carrying_an_organisation(), ids=lambda model: model._meta.label)
def test_every_model_with_an_organisation_says_what_a_user_may_see(model):
    assert callable(getattr(model.objects, "for_user", None)), f"{model._meta.label}.objects.for_user is missing"


@pytest.mark.django_db
def test_organisation_groups_a_user_sees_are_their_own():
    mine, other = OrganisationFactory(), OrganisationFactory()
    writer = add_writer(UserFactory(), mine)
    assert {link.organisation for link in OrganisationGroup.objects.for_user(writer)} == {mine}
    assert OrganisationGroup.objects.for_user(SuperUserFactory()).filter(organisation=other).count() == 2
    assert not OrganisationGroup.objects.for_user(AnonymousUser()).exists()


@pytest.mark.django_db
def test_people_are_public():
    person = Person.objects.create(name="Ada Lind")
    assert list(Person.objects.for_user(AnonymousUser())) == [person]
