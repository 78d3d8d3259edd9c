"""Addresses are ASCII: new pages and tags get ASCII slugs, and pages made earlier move, with redirects."""

import pytest
from taggit.models import Tag
from wagtail.models import Page

from arena.demo.seed import ensure_home_page
from arena.models import StandardPage
from arena.slugs import asciify_existing_slugs

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return ensure_home_page()


def test_a_new_page_gets_an_ascii_slug_from_its_title(home):
    page = home.add_child(instance=StandardPage(title="Så gick införandet"))
    assert page.slug == "sa-gick-inforandet"


def test_the_admin_refuses_a_non_ascii_slug(client, superuser, home):
    client.force_login(superuser)
    response = client.post(
        f"/admin/pages/add/arena/standardpage/{home.pk}/",
        {"title": "Så gick införandet", "slug": "så-gick-införandet", "body-count": "0", "action-publish": "1"},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Ange en giltig adressdel: bara bokstäverna a–z (inte å, ä eller ö)" in response.content.decode()
    assert not StandardPage.objects.filter(title="Så gick införandet").exists()


def test_a_new_tag_gets_an_ascii_slug():
    assert Tag.objects.create(name="Införande på förvaltningen").slug == "inforande-pa-forvaltningen"


def test_pages_made_before_move_to_ascii_and_their_old_addresses_redirect(client, home):
    parent = home.add_child(instance=StandardPage(title="Mötesplats"))
    child = parent.add_child(instance=StandardPage(title="Programmet"))
    parent.save_revision().publish()
    # As an earlier version of the site stored it: a Unicode slug, in the page and in its latest revision.
    Page.objects.filter(pk=parent.pk).update(slug="mötesplats", url_path=f"{home.url_path}mötesplats/")
    Page.objects.filter(pk=child.pk).update(url_path=f"{home.url_path}mötesplats/programmet/")
    revision = Page.objects.get(pk=parent.pk).latest_revision
    revision.content["slug"] = "mötesplats"
    revision.save()
    Tag.objects.create(name="Återbruk")
    Tag.objects.filter(name="Återbruk").update(slug="återbruk")

    assert asciify_existing_slugs() == (1, 1)
    assert asciify_existing_slugs() == (0, 0)  # idempotent

    parent = Page.objects.get(pk=parent.pk)
    assert parent.slug == "motesplats"
    assert parent.latest_revision.content["slug"] == "motesplats"
    assert Page.objects.get(pk=child.pk).url == "/motesplats/programmet/"
    assert Tag.objects.get(name="Återbruk").slug == "aterbruk"
    assert client.get("/motesplats/programmet/").status_code == 200
    for old in ("/m%C3%B6tesplats/", "/m%C3%B6tesplats/programmet/"):
        response = client.get(old)
        assert response.status_code == 301, old
    assert client.get("/m%C3%B6tesplats/programmet/")["Location"] == "/motesplats/programmet/"
