"""Two-factor authentication (allauth.mfa): people who can change content and log in with a password must set up an
authenticator app before any other page opens, and then give its code (or a recovery code) at every login. Readers and
single sign-on sessions are not asked. Everything goes through allauth's real login flow with the test client."""

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY, get_authentication_records
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from allauth.socialaccount.internal.flows.login import record_authentication as record_social_login
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from arena.roles import ARENA_EDITORS, ensure_role_groups
from tests.factories import TEST_PASSWORD, UserFactory
from tests.helpers.mfa import current_code, give_authenticator_app, recovery_codes

pytestmark = pytest.mark.django_db

ACTIVATE_URL = "/konto/2fa/totp/activate/"
AUTHENTICATE_URL = "/konto/2fa/authenticate/"
RECOVERY_CODES_URL = "/konto/2fa/recovery-codes/"
REAUTHENTICATE_URL = "/konto/reauthenticate/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # allauth keeps login limits and the codes already used in the cache
    yield
    cache.clear()


@pytest.fixture
def editor():
    user = UserFactory(email="redaktor@goteborg.example")
    user.groups.add(ensure_role_groups()[ARENA_EDITORS])
    return user


@pytest.fixture
def reader():
    return UserFactory(email="lasare@goteborg.example")


def log_in_with_password(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return response


def confirm_password(client):
    """allauth asks for the password again before anyone adds an authenticator, unless they logged in within the
    last few minutes (arena.accounts.ArenaAccountAdapter.is_reauthentication_required)."""
    response = client.get(ACTIVATE_URL)
    assert response.status_code == 302
    assert response["Location"] == f"{REAUTHENTICATE_URL}?next=%2Fkonto%2F2fa%2Ftotp%2Factivate%2F"
    response = client.post(response["Location"], {"password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE_URL


def is_logged_in(client):
    return "_auth_user_id" in client.session


def test_the_routes_are_under_the_account_prefix():
    assert reverse("mfa_activate_totp") == ACTIVATE_URL
    assert reverse("mfa_authenticate") == AUTHENTICATE_URL
    assert reverse("mfa_view_recovery_codes") == RECOVERY_CODES_URL


def test_an_editor_without_an_app_is_sent_to_the_set_up_from_every_page(client, editor):
    log_in_with_password(client, editor)
    assert is_logged_in(client)

    for path in ("/admin/", "/admin/pages/", reverse("wagtailadmin_account"), "/", reverse("account_email")):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == ACTIVATE_URL, path
    assert client.post("/admin/pages/", {}).status_code == 302

    set_up = client.get(ACTIVATE_URL)
    assert set_up.status_code == 200
    body = set_up.content.decode()
    assert "<h1>Aktivera autentiseringsapp</h1>" in body
    assert "tvåfaktorsautentisering" in body
    assert client.session[SECRET_SESSION_KEY] in body
    assert 'src="data:image/svg+xml;base64,' in body

    assert client.get(reverse("account_logout")).status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
    assert not is_logged_in(client)


def test_setting_up_the_app_opens_the_admin_and_shows_the_recovery_codes(client, editor):
    log_in_with_password(client, editor)
    client.get(ACTIVATE_URL)
    secret = client.session[SECRET_SESSION_KEY]

    response = client.post(ACTIVATE_URL, {"code": current_code(secret)})

    assert response.status_code == 302
    assert response["Location"] == RECOVERY_CODES_URL
    assert editor.authenticator_set.filter(type="totp").count() == 1
    codes = recovery_codes(editor)
    assert len(codes) == 10
    page = client.get(RECOVERY_CODES_URL)
    assert page.status_code == 200
    assert all(f"<code>{code}</code>" in page.content.decode() for code in codes)
    download = client.get(reverse("mfa_download_recovery_codes"))
    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/plain")
    assert download.content.decode().split() == codes
    assert client.get("/admin/").status_code == 200


def test_the_password_is_asked_again_once_the_login_is_no_longer_recent(client, editor):
    log_in_with_password(client, editor)
    session = client.session
    login = session[AUTHENTICATION_METHODS_SESSION_KEY][0]
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{**login, "at": login["at"] - 3600}]
    session.save()

    confirm_password(client)

    assert client.get(ACTIVATE_URL).status_code == 200


def test_a_wrong_code_does_not_set_up_the_app(client, editor):
    log_in_with_password(client, editor)
    client.get(ACTIVATE_URL)
    secret = client.session[SECRET_SESSION_KEY]
    wrong = f"{(int(current_code(secret)) + 1) % 1_000_000:06d}"

    response = client.post(ACTIVATE_URL, {"code": wrong})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Felaktig kod." in body
    assert 'id="error-summary"' in body
    assert not editor.authenticator_set.exists()
    assert client.get("/admin/")["Location"] == ACTIVATE_URL


def test_login_asks_for_the_code_and_accepts_the_right_one(client, editor):
    secret = give_authenticator_app(editor)

    response = log_in_with_password(client, editor)
    assert response["Location"] == AUTHENTICATE_URL
    assert not is_logged_in(client)
    form = client.get(AUTHENTICATE_URL)
    assert form.status_code == 200
    assert "<h1>Tvåfaktorsautentisering</h1>" in form.content.decode()

    response = client.post(AUTHENTICATE_URL, {"code": current_code(secret)})

    assert response.status_code == 302
    assert is_logged_in(client)
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_at_login_shows_the_form_again_in_swedish(client, editor):
    secret = give_authenticator_app(editor)
    log_in_with_password(client, editor)
    wrong = f"{(int(current_code(secret)) + 1) % 1_000_000:06d}"

    response = client.post(AUTHENTICATE_URL, {"code": wrong})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Felaktig kod." in body
    assert 'id="error-summary"' in body
    assert "<title>Fel:" in body
    assert not is_logged_in(client)
    assert client.get("/admin/")["Location"].startswith(reverse("account_login"))


def test_wrong_codes_count_towards_the_login_limit(client, editor):
    secret = give_authenticator_app(editor)
    log_in_with_password(client, editor)
    wrong = f"{(int(current_code(secret)) + 1) % 1_000_000:06d}"
    for _attempt in range(5):  # ACCOUNT_RATE_LIMITS["login_failed"]: 5 per 5 minutes per account
        assert client.post(AUTHENTICATE_URL, {"code": wrong}).status_code == 200

    response = client.post(AUTHENTICATE_URL, {"code": current_code(secret)})

    assert response.status_code == 200
    assert "för många" in response.content.decode().lower()
    assert not is_logged_in(client)


def test_a_recovery_code_logs_in_once(client, editor):
    give_authenticator_app(editor)
    code = recovery_codes(editor)[0]

    log_in_with_password(client, editor)
    assert client.post(AUTHENTICATE_URL, {"code": code}).status_code == 302
    assert is_logged_in(client)
    assert client.get("/admin/").status_code == 200
    assert code not in recovery_codes(editor)

    client.post(reverse("account_logout"))
    log_in_with_password(client, editor)
    again = client.post(AUTHENTICATE_URL, {"code": code})
    assert again.status_code == 200
    assert "Felaktig kod." in again.content.decode()
    assert not is_logged_in(client)


def test_a_reader_is_not_asked_to_set_up_an_app(client, reader):
    response = log_in_with_password(client, reader)

    assert response["Location"] == "/"
    assert is_logged_in(client)
    assert client.get("/").status_code == 200
    assert client.get("/admin/").status_code == 403  # no admin access at all (arena/admin_access.py)


def test_a_single_sign_on_session_relies_on_the_identity_providers_mfa(client, editor):
    client.force_login(editor)
    session = client.session
    request = RequestFactory().get("/")
    request.session = session
    account = SocialAccount(user=editor, provider="stadens-sso", uid="4711")
    record_social_login(request, SocialLogin(user=editor, account=account))
    session.save()
    assert [record["method"] for record in get_authentication_records(request, editor)] == ["socialaccount"]

    assert client.get("/admin/").status_code == 200
    assert client.get("/").status_code == 200


def test_a_session_opened_outside_allauths_login_is_not_a_password_login(client, editor):
    """force_login (and Django's login()) leave no authentication record; every login form of the site is
    allauth's, so such a session never came from a password typed in."""
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200
