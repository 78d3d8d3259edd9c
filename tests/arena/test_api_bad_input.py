"""The public API answers a NUL byte in any parameter with 400 and a message, never a 500 from PostgreSQL."""

import pytest
from wagtail.models import Site

from arena.demo.seed import ensure_home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    return home


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("query", ["search=%00", "search=digital%00isering", "title=a%00", "order=%00", "fie%00lds=x"])
def test_a_nul_byte_is_a_400_with_a_message(client, home, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/?{query}")
    assert response.status_code == 400
    message = response.json()["message"]
    assert "innehåller ett NUL-tecken" in message
    assert "\x00" not in message


def test_ordinary_searches_still_answer(client, home):
    response = client.get("/api/v2/pages/?search=digitalisering")
    assert response.status_code == 200
    assert "items" in response.json()
