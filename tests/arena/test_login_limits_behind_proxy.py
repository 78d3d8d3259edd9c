"""Failed logins are limited per client address and per account, and the address is the client's own, also behind
a reverse proxy: one visitor's failures never lock out another visitor, and the right password of an account that
is under attack is still refused until its own limit has passed."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Testlösen-123"
PROXY = "10.0.0.2"
ATTACKER = "203.0.113.5"
VISITOR = "198.51.100.7"
TOO_MANY = "för många"


@pytest.fixture(autouse=True)
def fresh_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "10/m/ip,5/5m/key"}
    cache.clear()  # allauth counts in the cache
    yield
    cache.clear()


@pytest.fixture
def sara(db):
    return UserFactory(email="sara@goteborg.example")


def log_in(login, password, **headers):
    client = Client(**headers)
    response = client.post("/konto/login/", {"login": login, "password": password})
    return response, "_auth_user_id" in client.session


def fail_eleven_times(**headers):
    """Eleven failed logins for random addresses: more than the per-address limit, never one account twice."""
    for number in range(11):
        log_in(f"slump{number}@exempel.test", "fel-lösenord", **headers)


def test_direct_connections_are_counted_per_address(sara):
    fail_eleven_times(REMOTE_ADDR=ATTACKER)
    response, logged_in = log_in(sara.email, PASSWORD, REMOTE_ADDR=ATTACKER)
    assert not logged_in
    assert TOO_MANY in response.content.decode().lower()
    response, logged_in = log_in(sara.email, PASSWORD, REMOTE_ADDR=VISITOR)
    assert response.status_code == 302
    assert logged_in


def test_without_a_trusted_proxy_a_made_up_forwarded_for_changes_nothing(sara):
    for number in range(11):
        log_in(f"slump{number}@exempel.test", "fel", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    _response, logged_in = log_in(sara.email, PASSWORD, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert not logged_in


def test_behind_a_trusted_proxy_each_visitor_has_their_own_count(settings, sara):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    fail_eleven_times(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    _response, logged_in = log_in(sara.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert not logged_in
    response, logged_in = log_in(sara.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VISITOR)
    assert response.status_code == 302
    assert logged_in


def test_behind_a_trusted_proxy_the_attacker_cannot_pick_their_address(settings, sara):
    """The proxy appends the address it saw; whatever the client put before it is not trusted."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(11):
        forwarded = f"192.0.2.{number}, {ATTACKER}"
        log_in(f"slump{number}@exempel.test", "fel", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    _response, logged_in = log_in(
        sara.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.99, {ATTACKER}"
    )
    assert not logged_in


def test_a_header_the_proxy_sets_can_name_the_client(settings, sara):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    fail_eleven_times(REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=ATTACKER)
    _response, logged_in = log_in(sara.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=VISITOR)
    assert logged_in


def test_a_request_that_skipped_a_proxy_is_counted_by_its_connection(settings, sara):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2  # two proxies, but this request names only one address
    response, logged_in = log_in(sara.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VISITOR)
    assert response.status_code == 302
    assert logged_in


def test_the_per_account_limit_holds_from_any_address(settings, sara):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        log_in(sara.email, "fel-lösenord", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    response, logged_in = log_in(sara.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VISITOR)
    assert not logged_in
    assert TOO_MANY in response.content.decode().lower()
    other = UserFactory(email="omar@goteborg.example")
    _response, logged_in = log_in(other.email, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VISITOR)
    assert logged_in
