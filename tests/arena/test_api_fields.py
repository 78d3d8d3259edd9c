"""The Wagtail API (/api/v2/) exposes each page type's content: for every page model, ?type=app.Model&fields=*
answers 200 and returns the fields the model declares in api_fields. Staff-only (view-restricted) and draft pages
never appear, whoever asks. Run on the seeded demo, which has at least one page of every type."""

import pytest
from wagtail.models import Page, PageViewRestriction, get_page_models

from arena.models import HomePage
from tests.factories import SuperUserFactory
from tests.helpers.demo import demo_seeded

PAGE_MODELS = [model for model in get_page_models() if model is not Page]
# The site's root page is never view-restricted (the whole site would be); every other type is restricted once.
RESTRICTABLE = [model for model in PAGE_MODELS if model is not HomePage]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_seeded(django_db_blocker, tmp_path_factory.mktemp("demo-media")) as result:
        yield result


def label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def api_items(client, model):
    response = client.get("/api/v2/pages/", {"type": label(model), "fields": "*", "limit": 50})
    assert response.status_code == 200, (label(model), response.content[:300])
    return response.json()["items"]


@pytest.mark.parametrize("model", PAGE_MODELS, ids=label)
def test_every_page_type_declares_api_fields(model):
    assert [field.name for field in model.api_fields], f"{label(model)} exposes no content in the API"


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_MODELS, ids=label)
def test_each_page_type_answers_with_its_declared_fields(client, seeded, model):
    items = api_items(client, model)
    public = model.objects.live().public()
    assert public.exists(), f"the demo has no public {label(model)}"
    assert {item["id"] for item in items} == set(public.values_list("pk", flat=True)[:50])
    for item in items:
        missing = {field.name for field in model.api_fields} - set(item)
        assert not missing, (label(model), missing)


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize("model", RESTRICTABLE, ids=label)
def test_staff_only_and_draft_pages_never_appear(client, seeded, model):
    page = model.objects.live().public().order_by("-path").first()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(SuperUserFactory())
    ids = {item["id"] for item in api_items(client, model)}
    assert page.pk not in ids
    drafts = set(model.objects.filter(live=False).values_list("pk", flat=True))
    assert not ids & drafts
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
