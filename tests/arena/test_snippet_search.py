"""Searching the arena's snippets in the admin: partial words match, on every database (SQLite included)."""

import pytest
from django.urls import reverse

from arena.models import FocusArea, Person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model, create, query, expected",
    [
        (Person, lambda: Person.objects.create(name="Annika Berg", job_title="Digitaliseringsstrateg"), "strateg", 1),
        (FocusArea, lambda: FocusArea.objects.create(name="Digital kompetens", slug="kompetens"), "kompet", 1),
    ],
    ids=["people", "focus-areas"],
)
def test_admin_search_finds_part_of_a_word(client, superuser, model, create, query, expected):
    create()
    client.force_login(superuser)
    url = reverse(f"wagtailsnippets_arena_{model._meta.model_name}:list")

    response = client.get(url, {"q": query})

    assert response.status_code == 200
    assert len(response.context["object_list"]) == expected
    assert client.get(url, {"q": "finnsinte"}).context["object_list"].count() == 0
