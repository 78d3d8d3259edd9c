"""Issue 10, item 5: the "add post" form starts with the writer's own Person as the author.

A writer without a Person gets one, linked to their account, the first time they open the form (once only).
"""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from arena.models import Person
from blogs.authors import display_name
from blogs.models import BlogPostPage
from tests.blogs.factories import PersonFactory
from tests.factories import UserFactory, add_writer

pytestmark = pytest.mark.django_db


def add_url(space):
    return reverse("wagtailadmin_pages:add", args=("blogs", "blogpostpage", space.id))


def selected_author(response):
    """The person chosen in the first author field of the add/edit page (a snippet chooser), or None."""
    assert response.status_code == 200
    field = re.search(r'<input [^>]*name="post_authors-0-person"[^>]*>', response.content.decode())
    assert field, "no author field"
    chosen = re.search(r'value="(\d+)"', field.group(0))
    return int(chosen.group(1)) if chosen else None


def post_data(person_pk, slug):
    return nested_form_data(
        {
            "title": f"Inlägg {slug}",
            "slug": slug,
            "intro": "En kort ingress.",
            "hero_image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Brödtext.</p>"))]),
            "published_date": "2026-03-01",
            "post_authors": inline_formset([{"person": person_pk}], min=1),
            "tags": "",
            "comments": inline_formset([]),
        }
    )


def test_the_form_preselects_the_writers_own_person_and_saving_keeps_it(client, writer_a, space_a, org_a):
    own = PersonFactory(name="Karin Lind", organisation=org_a, user=writer_a)
    PersonFactory(name="Anna Annan", organisation=org_a)
    client.force_login(writer_a)

    assert selected_author(client.get(add_url(space_a))) == own.pk

    response = client.post(add_url(space_a), post_data(own.pk, "karins-inlagg"))

    assert response.status_code == 302
    post = BlogPostPage.objects.get(slug="karins-inlagg")
    assert [link.person_id for link in post.get_latest_revision_as_object().post_authors.all()] == [own.pk]


def test_a_writer_without_a_person_gets_one_created_and_linked_once(client, space_a, org_a):
    writer = add_writer(UserFactory(username="ny_skribent", first_name="Nora", last_name="Nyberg"), org_a)
    client.force_login(writer)

    first = selected_author(client.get(add_url(space_a)))
    person = Person.objects.get(user=writer)
    assert first == person.pk
    assert (person.name, person.organisation) == ("Nora Nyberg", org_a)
    assert client.post(add_url(space_a), post_data(person.pk, "noras-forsta")).status_code == 302

    assert selected_author(client.get(add_url(space_a))) == person.pk
    assert Person.objects.filter(user=writer).count() == 1
    assert Person.objects.filter(name="Nora Nyberg").count() == 1


def test_someone_outside_the_organisation_gets_no_person_there(client, space_a, superuser):
    client.force_login(superuser)

    assert selected_author(client.get(add_url(space_a))) is None
    assert not Person.objects.filter(user=superuser).exists()


def test_the_edit_form_keeps_the_posts_own_authors(client, writer_a, space_a, org_a):
    PersonFactory(organisation=org_a, user=writer_a)
    someone = PersonFactory(name="Anna Annan", organisation=org_a)
    client.force_login(writer_a)
    client.post(add_url(space_a), post_data(someone.pk, "annas-inlagg"))
    post = BlogPostPage.objects.get(slug="annas-inlagg")

    response = client.get(reverse("wagtailadmin_pages:edit", args=(post.pk,)))

    assert selected_author(response) == someone.pk


def test_a_byline_never_shows_a_whole_email_address():
    assert display_name(UserFactory.build(first_name="", last_name="", email="kim.berg@stad.test")) == "kim.berg"
    assert display_name(UserFactory.build(first_name="Kim", last_name="Berg")) == "Kim Berg"
