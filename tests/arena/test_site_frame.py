"""What every page shares: the header's search and login links, the footer's accessibility statement and cookie
page (found in the page tree, not written by hand), and one page header with one <h1>."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from arena import site_pages
from arena.demo.seed import ensure_home_page, seed_arena_pages
from arena.models import SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    return {"home": home, **seed_arena_pages(home)}


def footer(response):
    content = response.content.decode()
    return content[content.index('<footer class="site-footer">') :]


def footer_links(response):
    return re.findall(r'<a href="([^"]+)">', footer(response))


class TestFooter:
    def test_links_to_the_accessibility_statement_and_the_cookie_page(self, client, pages):
        links = footer_links(client.get("/om/"))
        assert "/tillganglighet/" in links
        assert "/kakor/" in links

    def test_follows_the_accessibility_statement_when_it_moves(self, client, pages):
        client.get("/om/")
        statement = pages["accessibility"]
        statement.slug = "tillganglighetsredogorelse"
        statement.save_revision().publish()

        links = footer_links(client.get("/om/"))

        assert "/tillganglighetsredogorelse/" in links
        assert "/tillganglighet/" not in links

    def test_leaves_out_a_cookie_page_that_is_not_live(self, client, pages):
        client.get("/om/")
        pages["cookies"].unpublish()

        assert "/kakor/" not in footer_links(client.get("/om/"))

    def test_a_footer_link_to_the_same_pages_is_not_repeated(self, client, pages):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.footer_links = [
            ("link", {"label": "", "page": pages[name], "url": ""}) for name in ("about", "accessibility", "cookies")
        ]
        settings.save()

        links = footer_links(client.get("/om/"))

        assert links.count("/tillganglighet/") == 1
        assert links.count("/kakor/") == 1
        assert "/om/" in links


class TestLookupCache:
    def test_a_second_lookup_asks_the_database_nothing(self, pages):
        site = Site.objects.get(is_default_site=True)
        site_pages.forget()
        first = site_pages.site_pages(site)
        with CaptureQueriesContext(connection) as queries:
            second = site_pages.site_pages(site)
        assert len(queries) == 0
        assert (
            second
            == first
            == {
                "accessibility": {"pk": pages["accessibility"].pk, "url": "/tillganglighet/"},
                "cookies": {"pk": pages["cookies"].pk, "url": "/kakor/"},
            }
        )

    def test_saving_another_page_keeps_the_lookup(self, pages):
        site = Site.objects.get(is_default_site=True)
        site_pages.site_pages(site)
        pages["home"].add_child(instance=StandardPage(title="Nyheter", slug="nyheter"))
        with CaptureQueriesContext(connection) as queries:
            site_pages.site_pages(site)
        assert len(queries) == 0

    def test_a_site_without_the_pages_gets_no_links(self, db):
        site = Site.objects.get(is_default_site=True)
        site_pages.forget()
        assert site_pages.site_pages(site) == {"accessibility": None, "cookies": None}


class TestHeader:
    def test_search_form_and_home_link_use_the_url_configuration(self, client, pages):
        content = client.get("/om/").content.decode()
        assert 'action="/sok/"' in content
        assert '<a class="site-name" href="/">' in content

    @pytest.mark.parametrize(
        "path, login",
        [
            ("/om/", "/konto/login/?next=/om/"),
            ("/sok/?q=plan", "/konto/login/?next=/sok/%3Fq%3Dplan"),
            ("/", "/konto/login/"),
            ("/konto/password/reset/", "/konto/login/"),
        ],
    )
    def test_login_link_returns_to_the_page_but_not_to_the_account_pages(self, client, pages, path, login):
        content = client.get(path).content.decode()
        assert f'<a href="{login}">' in content


class TestPageHeader:
    @pytest.mark.parametrize("path", ["/", "/om/", "/kakor/", "/tillganglighet/", "/sok/?q=plan", "/finns-inte/"])
    def test_one_h1_inside_the_page_header(self, client, pages, path):
        content = client.get(path).content.decode()
        assert content.count("<h1") == 1
        header = re.search(r'<header class="page-header[^"]*">(.*?)</header>', content, re.S)
        assert header is not None and "<h1>" in header.group(1)

    def test_the_lead_is_the_pages_introduction(self, client, pages):
        about = Page.objects.get(slug="om").specific
        header = re.search(r'<header class="page-header">(.*?)</header>', client.get("/om/").content.decode(), re.S)
        assert f"<h1>{about.title}</h1>" in header.group(1)
        assert '<p class="lead">' in header.group(1)
