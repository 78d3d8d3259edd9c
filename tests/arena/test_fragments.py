"""Cached page fragments (arena.fragments, {% fragment %}): rendered once per audience and content version, never
shared between audiences, and renewed by whatever purges their page."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.http import HttpResponse
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

from arena import fragments, page_cache
from tests.factories import UserFactory

pytestmark = [pytest.mark.usefixtures("caches_on"), pytest.mark.django_db, pytest.mark.redis]

TEMPLATE = Template('{% load fragment_cache %}{% fragment "greeting" %}{{ counter.next }}{% endfragment %}')


class Counter:
    def __init__(self):
        self.calls = 0

    def next(self):
        self.calls += 1
        return self.calls


def request_for(user, path="/bloggar/", query=""):
    request = RequestFactory().get(f"{path}?{query}" if query else path)
    request.user = user
    return request


def render(template, request, counter):
    return template.render(Context({"request": request, "counter": counter}))


@pytest.fixture
def staff():
    return UserFactory()


def test_a_fragment_renders_once_per_audience_and_version(staff):
    counter = Counter()
    assert render(TEMPLATE, request_for(staff), counter) == "1"
    assert render(TEMPLATE, request_for(staff), counter) == "1"
    # Another member of the same groups shares the fragment; an anonymous visitor never gets the staff one.
    assert render(TEMPLATE, request_for(UserFactory()), counter) == "1"
    assert render(TEMPLATE, request_for(AnonymousUser()), counter) == "2"
    assert counter.calls == 2


def test_groups_make_another_audience(staff):
    counter = Counter()
    render(TEMPLATE, request_for(staff), counter)
    other = UserFactory()
    other.groups.add(Group.objects.create(name="Skribenter (Kretslopp och vatten)"))
    assert render(TEMPLATE, request_for(other), counter) == "2"


def test_purging_the_page_or_the_site_renews_the_fragment(staff):
    counter = Counter()
    render(TEMPLATE, request_for(staff), counter)
    page_cache.purge_urls(["/bloggar/"])
    assert render(TEMPLATE, request_for(staff), counter) == "2"
    page_cache.purge()
    assert render(TEMPLATE, request_for(staff), counter) == "3"
    # Purging another page leaves it alone.
    page_cache.purge_urls(["/om/"])
    assert render(TEMPLATE, request_for(staff), counter) == "3"


def test_read_parameters_vary_the_fragment_and_others_do_not(staff):
    counter = Counter()
    assert render(TEMPLATE, request_for(staff, query="sida=2"), counter) == "1"
    assert render(TEMPLATE, request_for(staff, query="sida=2&utm_source=x"), counter) == "1"
    assert render(TEMPLATE, request_for(staff, query="sida=3"), counter) == "2"
    assert render(TEMPLATE, request_for(staff, path="/om/"), counter) == "3"


def test_for_everyone_and_vary(staff):
    shared = Template(
        '{% load fragment_cache %}{% fragment "x" for_everyone vary=version %}{{ counter.next }}{% endfragment %}'
    )
    counter = Counter()

    def with_version(request, version):
        return shared.render(Context({"request": request, "counter": counter, "version": version}))

    assert with_version(request_for(staff), 1) == "1"
    assert with_version(request_for(AnonymousUser()), 1) == "1"
    assert with_version(request_for(staff), 2) == "2"


def test_off_with_the_page_cache(settings, staff):
    settings.PAGE_CACHE_SECONDS = 0
    counter = Counter()
    render(TEMPLATE, request_for(staff), counter)
    assert render(TEMPLATE, request_for(staff), counter) == "2"
    assert fragments.cached(request_for(staff), "n", counter.next) == 3


def test_unknown_options_are_template_errors():
    with pytest.raises(TemplateSyntaxError):
        Template('{% load fragment_cache %}{% fragment "x" per_user %}{% endfragment %}')
    with pytest.raises(TemplateSyntaxError):
        Template("{% load fragment_cache %}{% fragment %}{% endfragment %}")


def test_signed_in_requests_lose_unread_parameters_before_any_fragment_sees_them(staff):
    from arena.page_cache import AnonymousPageCacheMiddleware

    seen = {}

    def view(request):
        seen["query"] = request.GET.urlencode()
        return HttpResponse("ok")

    request = RequestFactory().get("/bloggar/?utm_source=nyhetsbrev&sida=2", HTTP_COOKIE="sessionid=x")
    request.user = staff
    AnonymousPageCacheMiddleware(view)(request)
    assert seen["query"] == "sida=2"
    assert request.META["QUERY_STRING"] == "sida=2"
