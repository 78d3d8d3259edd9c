"""robots.txt, sitemap.xml, the Swedish 404 and 500 pages, and the read-only API."""

import pytest
from django.template import loader
from wagtail.models import PageViewRestriction, Site

from arena.models import StandardPage


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
def test_sitemap_lists_live_public_pages_only(client, home):
    home.add_child(instance=StandardPage(title="Publik", slug="publik"))
    draft = home.add_child(instance=StandardPage(title="Utkast", slug="utkast", live=False))
    private = home.add_child(instance=StandardPage(title="Intern", slug="intern"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/publik/" in body
    assert f"/{draft.slug}/" not in body
    assert "/intern/" not in body


@pytest.mark.django_db
def test_unknown_path_gives_the_swedish_404(client):
    response = client.get("/finns-inte-alls/")
    assert response.status_code == 404
    body = response.content.decode()
    assert '<html lang="sv"' in body
    assert "Sidan hittades inte" in body


def test_500_page_renders_without_any_context():
    html = loader.get_template("500.html").render()
    assert '<html lang="sv"' in html
    assert "Något gick fel" in html


@pytest.mark.django_db
def test_api_serves_only_live_public_pages(client, home):
    home.add_child(instance=StandardPage(title="Publik sida", slug="publik"))
    home.add_child(instance=StandardPage(title="Opublicerad sida", slug="opublicerad", live=False))
    private = home.add_child(instance=StandardPage(title="Personalsida", slug="personal"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    titles = {item["title"] for item in client.get("/api/v2/pages/?limit=50").json()["items"]}
    assert "Publik sida" in titles
    assert "Opublicerad sida" not in titles
    assert "Personalsida" not in titles
    assert client.get(f"/api/v2/pages/{private.id}/").status_code == 404


@pytest.mark.django_db
def test_api_is_read_only(client):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405


@pytest.mark.django_db
def test_uploaded_media_is_served_when_configured(settings, tmp_path):
    import importlib

    from django.test import Client
    from django.urls import clear_url_caches

    import arena.urls

    (tmp_path / "bild.txt").write_text("hej")
    settings.MEDIA_ROOT = str(tmp_path)
    settings.SERVE_MEDIA = True
    try:
        importlib.reload(arena.urls)
        clear_url_caches()
        response = Client().get("/media/bild.txt")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"hej"
    finally:
        settings.SERVE_MEDIA = False
        importlib.reload(arena.urls)
        clear_url_caches()
    assert Client().get("/media/bild.txt").status_code == 404
