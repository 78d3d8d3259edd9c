"""Staff without admin rights get a Swedish 403 page on /admin/, not a redirect loop through the login."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/snippets/"])
def test_staff_without_admin_rights_get_a_swedish_forbidden_page(client, staff, path):
    client.force_login(staff)

    response = client.get(path)

    assert response.status_code == 403
    html = response.content.decode()
    assert "Du har inte behörighet till administrationen" in html
    assert f"Du är inloggad som {staff.email}" in html
    assert 'href="/konto/logout/"' in html
    assert 'href="/sok/"' in html


def test_the_forbidden_page_does_not_send_the_user_to_the_login_again(client, staff):
    client.force_login(staff)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == []
    assert response.status_code == 403


def test_anonymous_visitors_are_still_sent_to_the_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_writers_reach_the_admin(client, writer_a):
    client.force_login(writer_a)
    assert client.get("/admin/").status_code == 200
