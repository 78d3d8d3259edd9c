"""One login for site and admin (allauth), rate-limited; password reset mail goes through Celery."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

from tests.factories import UserFactory
from tests.helpers.mfa import current_code, give_authenticator_app

PASSWORD = "Testlösen-123"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()  # allauth keeps its rate-limit counters in the cache
    yield
    cache.clear()


@pytest.mark.django_db
def test_login_page_is_swedish(client):
    response = client.get("/konto/login/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="sv"' in body
    assert "Logga in" in body


@pytest.mark.django_db
def test_staff_log_in_with_email(client):
    user = UserFactory(email="sara@goteborg.example")
    response = client.post("/konto/login/", {"login": "sara@goteborg.example", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_wrong_password_gets_a_swedish_message_and_no_session(client):
    UserFactory(email="sara@goteborg.example")
    response = client.post("/konto/login/", {"login": "sara@goteborg.example", "password": "fel-lösenord"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "felaktigt" in response.content.decode()


@pytest.mark.django_db
def test_repeated_failed_logins_are_rate_limited(client):
    user = UserFactory(email="sara@goteborg.example")
    for _ in range(5):
        client.post("/konto/login/", {"login": user.email, "password": "fel-lösenord"})
    # Even the right password is refused while the limit applies.
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    # allauth re-renders the login form with its "too many attempts" error rather than answering 429.
    assert response.status_code == 200
    assert "för många" in response.content.decode().lower()


@pytest.mark.django_db
def test_admin_login_goes_through_the_same_login(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/admin/pages/"
    anonymous_admin = client.get("/admin/")
    assert anonymous_admin.status_code == 302
    assert anonymous_admin["Location"].startswith("/konto/login/")


@pytest.mark.django_db
def test_admin_accepts_a_user_logged_in_through_allauth(client):
    secret = give_authenticator_app(UserFactory(email="admin@goteborg.example", is_superuser=True))
    client.post("/konto/login/", {"login": "admin@goteborg.example", "password": PASSWORD})
    client.post("/konto/2fa/authenticate/", {"code": current_code(secret)})  # admins give a second factor
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_password_reset_mail_is_sent_through_the_task_queue(client):
    UserFactory(email="nora@goteborg.example")
    response = client.post("/konto/password/reset/", {"email": "nora@goteborg.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nora@goteborg.example"]
    assert message.subject.startswith("[Kunskapsarenan]")
    assert "/konto/password/reset/key/" in message.body


@pytest.mark.django_db
def test_password_reset_mail_names_the_site_and_links_to_the_public_address(client):
    UserFactory(email="nora@goteborg.example")
    with override_settings(PUBLIC_BASE_URL="https://kunskapsarenan.goteborg.example"):
        client.post("/konto/password/reset/", {"email": "nora@goteborg.example"}, HTTP_HOST="intern.example")
    body = mail.outbox[0].body
    assert "Hej från Kunskapsarenan!" in body
    assert "https://kunskapsarenan.goteborg.example/konto/password/reset/key/" in body
    assert "testserver" not in body and "intern" not in body


@pytest.mark.django_db
def test_password_reset_does_not_reveal_unknown_addresses(client):
    response = client.post("/konto/password/reset/", {"email": "okand@goteborg.example"})
    assert response.status_code == 302
    # allauth sends an "unknown account" notice rather than saying so on screen.
    assert all("/konto/password/reset/key/" not in m.body for m in mail.outbox)


@pytest.mark.django_db
def test_signup_is_closed(client, django_user_model):
    client.post(
        "/konto/signup/", {"email": "ny@example.se", "password1": "Ett-langt-losen-9", "password2": "Ett-langt-losen-9"}
    )
    assert not django_user_model.objects.filter(email="ny@example.se").exists()


SSO = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "stadens-sso",
                "name": "Logga in med Göteborgs Stads konto",
                "client_id": "arena",
                "secret": "hemligt",
                "settings": {"server_url": "https://login.example.se/.well-known/openid-configuration"},
            }
        ]
    }
}


@pytest.mark.django_db
def test_sso_button_appears_when_configured(client):
    with override_settings(SOCIALACCOUNT_PROVIDERS=SSO):
        body = client.get("/konto/login/").content.decode()
    assert ">Logga in med Göteborgs Stads konto</button>" in body  # OIDC_PROVIDER_NAME is the button's text
    assert 'action="/konto/oidc/stadens-sso/login/' in body


@pytest.mark.django_db
def test_no_sso_button_without_configuration(client):
    assert "/konto/oidc/" not in client.get("/konto/login/").content.decode()
