"""The cached parts of every page's frame: the menu and footer (arena.site_frame) and whether the visitor may use the
admin, which decides the Wagtail user bar (arena.user_rights). Both cost no query once cached, and both change at
once when what they show changes."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, Page, Site

from arena.demo.seed import ensure_home_page, seed_arena_pages
from arena.models import SiteSettings
from tests.factories import UserFactory

pytestmark = [pytest.mark.usefixtures("caches_on"), pytest.mark.django_db, pytest.mark.redis]

USER_BAR = "<wagtail-userbar"


@pytest.fixture
def pages(db):
    home = ensure_home_page()
    site = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=site.pk).update(hostname="testserver", port=80)
    pages = seed_arena_pages(home)
    about = Page.objects.get(slug="om").specific
    settings = SiteSettings.for_site(site)
    settings.primary_navigation = [("link", {"label": "", "page": about, "url": ""})]
    settings.footer_links = [("link", {"label": "Stadens webbplats", "page": None, "url": "https://goteborg.se/"})]
    settings.footer_text = "Göteborgs Stads kunskapsarena."
    settings.save()
    return {"home": home, "about": about, "settings": settings, **pages}


def queries_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries.captured_queries]


def primary_nav(response):
    content = response.content.decode()
    return content[content.index('<nav class="primary-nav"') : content.index("</nav>", content.index("primary-nav"))]


def test_the_frame_costs_no_query_once_cached(client, pages):
    client.force_login(UserFactory())
    first, _ = queries_of(client, "/om/")
    second, queries = queries_of(client, "/om/")
    assert not [sql for sql in queries if "arena_sitesettings" in sql or "auth_permission" in sql]
    assert '<a href="/om/" aria-current="page">Om Kunskapsarenan</a>' in primary_nav(second)
    footer = second.content.decode()[second.content.decode().index('<footer class="site-footer">') :]
    assert "Göteborgs Stads kunskapsarena." in footer
    assert '<a href="https://goteborg.se/">Stadens webbplats</a>' in footer
    assert primary_nav(second) == primary_nav(first)


def test_the_menu_changes_at_once_when_the_settings_or_a_page_change(client, pages):
    queries_of(client, "/om/")
    settings = pages["settings"]
    settings.footer_text = "Ny text i sidfoten."
    settings.save()
    assert "Ny text i sidfoten." in queries_of(client, "/om/")[0].content.decode()
    about = pages["about"]
    about.title = "Om arenan"
    about.save_revision().publish()
    assert ">Om arenan</a>" in primary_nav(queries_of(client, "/")[0])


def test_the_menu_follows_a_moved_page(client, pages):
    queries_of(client, "/")
    about = pages["about"]
    about.move(pages["home"].get_children().exclude(pk=about.pk).type(type(about)).first(), pos="last-child")
    about.refresh_from_db()
    assert f'<a href="{about.url}"' in primary_nav(queries_of(client, "/")[0])


def test_a_reader_gets_no_user_bar_and_no_permission_query(client, pages):
    client.force_login(UserFactory())
    queries_of(client, "/om/")
    response, queries = queries_of(client, "/om/")
    assert USER_BAR not in response.content.decode()
    assert not [sql for sql in queries if "auth_permission" in sql]


def test_the_user_bar_follows_the_users_rights_at_once(client, pages):
    user = UserFactory()
    client.force_login(user)
    assert USER_BAR not in queries_of(client, "/om/")[0].content.decode()
    editors = Group.objects.create(name="Testredaktörer")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    # The admin alone (an analyst's rights) gives no user bar: there is no page to edit.
    assert USER_BAR not in queries_of(client, "/om/")[0].content.decode()
    permission = GroupPagePermission.objects.create(
        group=editors, page=pages["about"], permission=Permission.objects.get(codename="change_page")
    )
    assert USER_BAR in queries_of(client, "/om/")[0].content.decode()
    permission.delete()
    assert USER_BAR not in queries_of(client, "/om/")[0].content.decode()
    permission = GroupPagePermission.objects.create(
        group=editors, page=pages["about"], permission=Permission.objects.get(codename="change_page")
    )
    assert USER_BAR in queries_of(client, "/om/")[0].content.decode()
    editors.permissions.clear()
    assert USER_BAR not in queries_of(client, "/om/")[0].content.decode()
    user.is_superuser = True
    user.save()
    assert USER_BAR in queries_of(client, "/om/")[0].content.decode()
