"""A page-create POST whose StreamField data is malformed (no count field, text where a number belongs, a block
without its fields) is a Swedish form error with nothing saved, never a 500."""

import pytest

from arena.demo.seed import ensure_home_page
from arena.models import StandardPage

pytestmark = pytest.mark.django_db

MESSAGE = "Innehållet i det här fältet kom fram ofullständigt"
PAGE = {"title": "Ny sida", "slug": "ny-sida"}


@pytest.fixture
def add_url(client, superuser):
    client.force_login(superuser)
    return f"/admin/pages/add/arena/standardpage/{ensure_home_page().pk}/"


@pytest.mark.parametrize(
    "stream_data",
    [
        {},
        {"body-count": "abc"},
        {"body-count": "1"},
        {"body-count": "1", "body-0-type": "paragraph", "body-0-deleted": "", "body-0-order": "x"},
        {"body-count": "99999999999"},
    ],
    ids=["no-count", "count-not-a-number", "block-without-fields", "order-not-a-number", "huge-count"],
)
def test_malformed_stream_data_is_a_form_error(client, add_url, stream_data):
    response = client.post(add_url, {**PAGE, **stream_data})
    assert response.status_code == 200
    # The admin renders a StreamField's errors into the block editor's JSON, so read them from the form.
    assert any(MESSAGE in error for error in response.context["form"].errors["body"])
    assert "Sidan kunde inte skapas" in response.content.decode()
    assert not StandardPage.objects.exists()


def test_well_formed_stream_data_still_saves(client, add_url):
    response = client.post(add_url, {**PAGE, "body-count": "0"})
    assert response.status_code == 302
    assert StandardPage.objects.get().title == "Ny sida"
